import { closeSync, openSync, readFileSync, readlinkSync, rmSync, statSync, utimesSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** Raised when another running Regie process holds the data folder. */
export class DataDirLockedError extends Error {}

/**
 * Who holds the lock: the process (pid), when it started (Linux: its start time in clock ticks since boot, from
 * /proc/<pid>/stat), and where its PID means something: the host name, the boot of the machine (Linux:
 * /proc/sys/kernel/random/boot_id) and the PID namespace (Linux: each container has its own). A PID alone does not
 * identify a process: after a crash the number is given to another process, and in a container Regie is PID 1 at
 * every start. An older lock file holds the PID only.
 */
interface Holder {
  pid: number;
  startTime: string | null;
  bootId: string | null;
  pidNamespace: string | null;
  host: string | null;
}

/** The holder refreshes the lock file this often; a lock of another host that was not refreshed for a while is stale. */
const REFRESH_MS = 5_000;
const FOREIGN_STALE_MS = 30_000;

/** The data folders this process holds (a second lock on one of them is refused, as for any other process). */
const heldHere = new Set<string>();

const readOrNull = (file: string) => {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
};

/** A process's start time (Linux); null where /proc is not there or the process is gone. */
function startTimeOf(pid: number): string | null {
  const stat = readOrNull(`/proc/${pid}/stat`);
  // "pid (name) state ppid …": the name may hold spaces and parentheses; field 22 is the start time.
  const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields?.[19] ?? null;
}

const pidNamespace = () => {
  try {
    return readlinkSync('/proc/self/ns/pid');
  } catch {
    return null;
  }
};

const self = (): Holder => ({
  pid: process.pid, startTime: startTimeOf(process.pid), bootId: readOrNull('/proc/sys/kernel/random/boot_id'),
  pidNamespace: pidNamespace(), host: hostname(),
});

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(text: string): Holder | null {
  if (/^\d+$/.test(text)) return { pid: Number(text), startTime: null, bootId: null, pidNamespace: null, host: null };
  try {
    const h = JSON.parse(text) as Partial<Holder>;
    return Number.isInteger(h.pid) && h.pid! > 0
      ? { pid: h.pid!, startTime: h.startTime ?? null, bootId: h.bootId ?? null, pidNamespace: h.pidNamespace ?? null, host: h.host ?? null }
      : null;
  } catch {
    return null;
  }
}

/**
 * Why the lock is still held, or null when its holder is gone. On this machine and in this container: the process with
 * the stored PID runs and is the one that wrote the lock (same start time where the system tells it; never this process
 * itself, which does not hold the folder yet). Written before the machine restarted: gone. Written by another host or
 * container (whose processes cannot be seen from here, a restarted container included): held while its holder keeps
 * refreshing it.
 */
function heldBy(h: Holder, file: string, me: Holder): string | null {
  const differs = (k: 'host' | 'bootId' | 'pidNamespace') => h[k] !== null && me[k] !== null && h[k] !== me[k];
  if (!differs('host') && differs('bootId')) return null;
  if (differs('host') || differs('pidNamespace')) {
    let age: number;
    try {
      age = Date.now() - statSync(file).mtimeMs;
    } catch {
      return null; // released meanwhile
    }
    return age < FOREIGN_STALE_MS
      ? `pid ${h.pid} op ${h.host ?? 'een andere machine'}; draait dat niet meer, dan is de map binnen een halve minuut vrij`
      : null;
  }
  if (h.pid === me.pid || !isRunning(h.pid)) return null;
  const now = startTimeOf(h.pid);
  if (h.startTime !== null && now !== null && now !== h.startTime) return null;
  return `pid ${h.pid}`;
}

/**
 * Takes the data folder for this process. PGlite has no lock of its own, and two processes on one folder corrupt it.
 * A lock left by a process that no longer runs (a crash) is taken over, also when its PID now belongs to another
 * process. Returns the function that releases the lock.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = join(dataDir, 'regie.lock');
  if (heldHere.has(file)) {
    throw new DataDirLockedError(`De datamap ${dataDir} is al in gebruik door dit Regie-proces.`);
  }
  const me = self();
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      heldHere.add(file);
      // Touched now and then, so another container sharing the folder sees that the lock is alive.
      const refresh = setInterval(() => {
        const t = new Date();
        try {
          utimesSync(file, t, t);
        } catch {
          // The folder went away; nothing to keep fresh.
        }
      }, REFRESH_MS);
      refresh.unref();
      return () => {
        clearInterval(refresh);
        heldHere.delete(file);
        rmSync(file, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readHolder(readOrNull(file) ?? '');
      const by = holder && heldBy(holder, file, me);
      if (by) {
        throw new DataDirLockedError(
          `De datamap ${dataDir} is in gebruik door een ander Regie-proces (${by}). ` +
            'Stop dat proces, of kies een andere map met REGIE_DATA_DIR.',
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new DataDirLockedError(`De datamap ${dataDir} kon niet worden vergrendeld.`);
}
