import { Worker } from 'node:worker_threads';
import { inflateRawSync } from 'node:zlib';

export { MAX_QUOTED_CHARS, quoted } from '../../domain/quote.ts';

/*
 * Reading what users upload without letting a file take the server: every room that reads an uploaded file uses
 * these guards (and `quoted` from domain/quote.ts, re-exported here, for every message that repeats the file).
 *
 * - A zip (an .xlsx, a .docx) is checked before any library opens it: its central directory must be whole and its
 *   entries together may unpack to at most `maxUnpackedBytes`, none with an extreme compression ratio
 *   (`inspectZip`, cheap: it reads only the directory). Declared sizes can lie, so `verifyZip` also inflates every
 *   entry, each bounded by the size its directory declares: what a library inflates afterwards is no larger.
 * - The parse itself runs in a worker thread with its own heap limit and a time limit (`runIsolated`): a file that
 *   still needs too much memory or time ends that worker, not the server, and its reader gets `{ ok: false }` to
 *   turn into a clear message. At most two tasks run at once; others wait their turn. A worker that answered waits
 *   30 seconds for the next task, so a preview and its commit start one worker.
 */

const MB = 1024 * 1024;

export interface ZipLimits {
  /** The most entries (files) in the archive. */
  maxEntries: number;
  /** The most bytes all entries together unpack to. */
  maxUnpackedBytes: number;
  /** The highest compression ratio (unpacked : packed) of an entry that unpacks to more than `ratioFreeBytes`. */
  maxRatio: number;
  ratioFreeBytes: number;
}

/**
 * An office file of a few thousand rows unpacks to a few megabytes, and its XML packs 5 to 30 times; the review's
 * zip bomb unpacked 0.54 MB to 400 MB (740 times). Apache POI refuses the same ratio (its MIN_INFLATE_RATIO 0.01).
 */
export const ZIP_LIMITS: ZipLimits = { maxEntries: 1000, maxUnpackedBytes: 50 * MB, maxRatio: 100, ratioFreeBytes: 1 * MB };

export interface ZipEntry {
  name: string;
  method: number;
  packedSize: number;
  size: number;
  localOffset: number;
}

/** What a check of an archive found: its entries, or why Regie does not read it. */
export type ZipCheck =
  | { ok: true; entries: ZipEntry[]; unpackedBytes: number }
  /** `broken`: not a zip Regie can read (damaged, encrypted, another compression); `too-large`: over the limits. */
  | { ok: false; problem: 'broken' | 'too-large' };

const SIGNATURE = { end: 0x06054b50, end64: 0x06064b50, locator64: 0x07064b50, central: 0x02014b50, local: 0x04034b50 };
const STORED = 0;
const DEFLATED = 8;
const BROKEN = { ok: false, problem: 'broken' } as const;
const TOO_LARGE = { ok: false, problem: 'too-large' } as const;

/** A 64-bit field as a number; beyond 2^53 it is larger than any limit anyway. */
const u64 = (bytes: Buffer, at: number) => Number(bytes.readBigUInt64LE(at));

/** The end of central directory record: the last one, within the 64 KB a trailing comment may take. */
function findEnd(bytes: Buffer): number {
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (bytes.readUInt32LE(at) === SIGNATURE.end) return at;
  }
  return -1;
}

/** Where the central directory is and how many entries it declares; null when the archive is not whole. */
function directory(bytes: Buffer): { offset: number; size: number; count: number } | null {
  const end = findEnd(bytes);
  // One disk: disk numbers 0, and as many entries on this disk as in all.
  if (end < 0 || bytes.readUInt16LE(end + 4) !== 0 || bytes.readUInt16LE(end + 6) !== 0 || bytes.readUInt16LE(end + 8) !== bytes.readUInt16LE(end + 10)) return null;
  let count = bytes.readUInt16LE(end + 10);
  let size = bytes.readUInt32LE(end + 12);
  let offset = bytes.readUInt32LE(end + 16);
  let directoryEnd = end;
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    // ZIP64: a locator right before the record points to the 64-bit record.
    // JSZip takes the last locator signature in the file: there must be no other after this one.
    const locator = end - 20;
    if (locator < 0 || bytes.readUInt32LE(locator) !== SIGNATURE.locator64) return null;
    if (bytes.lastIndexOf(bytes.subarray(locator, locator + 4)) !== locator) return null;
    const end64 = u64(bytes, locator + 8);
    if (end64 + 56 > locator || bytes.readUInt32LE(end64) !== SIGNATURE.end64 || end64 + 12 + u64(bytes, end64 + 4) !== locator) return null;
    count = u64(bytes, end64 + 32);
    size = u64(bytes, end64 + 40);
    offset = u64(bytes, end64 + 48);
    directoryEnd = end64;
  }
  // The directory ends where the end record starts: no data before or between them that a reader would skip or shift.
  return offset + size === directoryEnd ? { offset, size, count } : null;
}

/**
 * Checks an archive by its central directory, before anything is inflated: whole, not encrypted, stored or deflated,
 * and within the limits. Reads only the directory, so it is cheap enough for the request itself.
 */
export function inspectZip(bytes: Buffer, limits: ZipLimits = ZIP_LIMITS): ZipCheck {
  try {
    return readDirectory(bytes, limits);
  } catch (err) {
    // A field that points outside the file.
    if (err instanceof RangeError) return BROKEN;
    throw err;
  }
}

function readDirectory(bytes: Buffer, limits: ZipLimits): ZipCheck {
  const dir = bytes.length >= 22 ? directory(bytes) : null;
  if (!dir) return BROKEN;
  if (dir.count > limits.maxEntries) return TOO_LARGE;
  const entries: ZipEntry[] = [];
  let unpackedBytes = 0;
  let at = dir.offset;
  while (at < dir.offset + dir.size) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== SIGNATURE.central) return BROKEN;
    if (entries.length >= limits.maxEntries) return TOO_LARGE;
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    let packedSize = bytes.readUInt32LE(at + 20);
    let size = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const next = at + 46 + nameLength + extraLength + bytes.readUInt16LE(at + 32);
    let localOffset = bytes.readUInt32LE(at + 42);
    if (next > dir.offset + dir.size) return BROKEN;
    // ZIP64 extra field: the 64-bit sizes and offset, in this order, of the fields that are all ones. As JSZip (which
    // exceljs uses) reads the fields, the last one of an id counts.
    let zip64 = -1;
    for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength; x += 4 + bytes.readUInt16LE(x + 2)) {
      if (bytes.readUInt16LE(x) === 0x0001) zip64 = x;
    }
    if (zip64 >= 0) {
      const fieldEnd = Math.min(zip64 + 4 + bytes.readUInt16LE(zip64 + 2), at + 46 + nameLength + extraLength);
      let field = zip64 + 4;
      const take = () => {
        if (field + 8 > fieldEnd) return -1;
        field += 8;
        return u64(bytes, field - 8);
      };
      if (size === 0xffffffff) size = take();
      if (packedSize === 0xffffffff) packedSize = take();
      if (localOffset === 0xffffffff) localOffset = take();
      if (size < 0 || packedSize < 0 || localOffset < 0) return BROKEN;
    }
    if (flags & 0x1) return BROKEN;
    if (method !== STORED && method !== DEFLATED) return BROKEN;
    if (method === STORED && packedSize !== size) return BROKEN;
    unpackedBytes += size;
    if (unpackedBytes > limits.maxUnpackedBytes) return TOO_LARGE;
    if (size > limits.ratioFreeBytes && size > packedSize * limits.maxRatio) return TOO_LARGE;
    entries.push({ name: bytes.toString('utf8', at + 46, at + 46 + nameLength), method, packedSize, size, localOffset });
    at = next;
  }
  return at === dir.offset + dir.size && entries.length === dir.count ? { ok: true, entries, unpackedBytes } : BROKEN;
}

/**
 * `inspectZip`, then inflates every entry, each stopped at the size its directory declares: an entry that unpacks to
 * more, or to less, is refused. Costs up to `maxUnpackedBytes` of inflating: run it in the worker (`runIsolated`).
 */
export function verifyZip(bytes: Buffer, limits: ZipLimits = ZIP_LIMITS): ZipCheck {
  const check = inspectZip(bytes, limits);
  if (!check.ok) return check;
  for (const e of check.entries) {
    const at = e.localOffset;
    if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== SIGNATURE.local) return BROKEN;
    const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
    if (start + e.packedSize > bytes.length) return BROKEN;
    if (e.method === STORED) continue;
    try {
      const unpacked = inflateRawSync(bytes.subarray(start, start + e.packedSize), { maxOutputLength: Math.max(1, e.size) });
      if (unpacked.length !== e.size) return BROKEN;
    } catch (err) {
      return (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? TOO_LARGE : BROKEN;
    }
  }
  return check;
}

// The worker ------------------------------------------------------------------------------------------------------

export interface IsolationLimits {
  /** The worker's heap (V8 old generation), in MB. */
  memoryMb: number;
  /** How long the task may run. */
  timeoutMs: number;
}

/**
 * Reading a file Regie accepts takes well under 100 MB and seconds; the limits leave room for a slow machine. A test may
 * lower them for a while (the app it calls runs in its process): test/api/upload-limits.test.ts does.
 */
export const ISOLATION_LIMITS: IsolationLimits = { memoryMb: 384, timeoutMs: 60_000 };
const MAX_RUNNING = 2;
/** A worker that finished a task waits this long for the next before it ends: starting one (tsx, exceljs) takes seconds. */
const IDLE_MS = 30_000;

/** A task's answer, or `limit`: it needed more memory or time than allowed. */
export type Isolated<T> = { ok: true; value: T } | { ok: false; reason: 'limit' };

/*
 * The worker's script. A worker does not inherit the `--import tsx` of the main thread (nor vitest's transform), so
 * it loads each task, a TypeScript module of the server, once through tsx's `tsImport`. It is eval'd (a script, not a
 * file): every source file stays TypeScript. A task's own error comes back as a message; running out of memory ends
 * the worker.
 */
const BOOT = `
const { parentPort } = require('node:worker_threads');
const modules = new Map();
let tsImport;
parentPort.on('message', async ({ tsx, task, name, input }) => {
  try {
    tsImport ??= (await import(tsx)).tsImport;
    if (!modules.has(task)) modules.set(task, tsImport(task, task));
    const value = await (await modules.get(task))[name](input);
    parentPort.postMessage({ ok: true, value });
  } catch (err) {
    parentPort.postMessage({ ok: false, error: String((err && err.stack) || err) });
  }
});
`;

interface Pooled {
  worker: Worker;
  memoryMb: number;
  idleTimer?: NodeJS.Timeout;
}
const idle: Pooled[] = [];
const park = (p: Pooled) => {
  p.worker.unref();
  p.idleTimer = setTimeout(() => {
    idle.splice(idle.indexOf(p), 1);
    void p.worker.terminate();
  }, IDLE_MS).unref();
  idle.push(p);
};
function spawn(memoryMb: number): Pooled {
  const p: Pooled = { memoryMb, worker: new Worker(BOOT, { eval: true, execArgv: [], resourceLimits: { maxOldGenerationSizeMb: memoryMb } }) };
  // Errors of a running task are handled by its listeners; one of an idle worker only ends it.
  p.worker.on('error', () => undefined);
  p.worker.on('exit', () => {
    clearTimeout(p.idleTimer);
    if (idle.includes(p)) idle.splice(idle.indexOf(p), 1);
  });
  return p;
}

let running = 0;
const waiting: (() => void)[] = [];
async function take(): Promise<void> {
  if (running < MAX_RUNNING) running++;
  else await new Promise<void>((resolve) => waiting.push(resolve));
}
function give(): void {
  const next = waiting.shift();
  if (next) next();
  else running--;
}

/**
 * Runs `name` of the module `task` (a file URL: `new URL('./x.ts', import.meta.url)`) on `input` in a worker thread
 * with its own heap limit. The input and the answer are copied (structured clone): plain data, a Buffer arrives as a
 * Uint8Array. Running out of memory or time gives `{ ok: false, reason: 'limit' }` and ends that worker; an error the
 * task throws rejects, as a bug would. A worker that answered is kept a while for the next task.
 */
export async function runIsolated<T>(task: URL, name: string, input: unknown, limits: Partial<IsolationLimits> = {}): Promise<Isolated<T>> {
  const { memoryMb, timeoutMs } = { ...ISOLATION_LIMITS, ...limits };
  await take();
  let p: Pooled;
  try {
    const warm = idle.findIndex((w) => w.memoryMb === memoryMb);
    p = warm >= 0 ? idle.splice(warm, 1)[0] : spawn(memoryMb);
  } catch (err) {
    give();
    throw err;
  }
  clearTimeout(p.idleTimer);
  const { worker } = p;
  worker.ref();
  return new Promise<Isolated<T>>((resolve, reject) => {
    const done = (keep: boolean, settle: () => void) => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      settle();
      if (keep) {
        park(p);
        give();
      } else {
        // The next worker starts when this one is gone, with its memory.
        void worker.terminate().finally(give);
      }
    };
    const onMessage = (m: { ok: true; value: T } | { ok: false; error: string }) =>
      done(true, () => (m.ok ? resolve({ ok: true, value: m.value }) : reject(new Error(`${name}: ${m.error}`))));
    const onError = (err: NodeJS.ErrnoException) =>
      done(false, () => (err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? resolve({ ok: false, reason: 'limit' }) : reject(err)));
    const onExit = () => done(false, () => reject(new Error(`${name}: the worker stopped without an answer`)));
    const timer = setTimeout(() => done(false, () => resolve({ ok: false, reason: 'limit' })), timeoutMs);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ tsx: import.meta.resolve('tsx/esm/api'), task: task.href, name, input });
  });
}

/** The messages of these limits, for a room to end with what the user should do. */
export const uploadText = {
  tooLarge: (limits: ZipLimits = ZIP_LIMITS) =>
    `Dit bestand is uitgepakt te groot (meer dan ${limits.maxUnpackedBytes / MB} MB) of ongewoon sterk ingepakt: Regie leest het niet`,
  tooComplex: 'Dit bestand is te groot of te ingewikkeld om te lezen',
} as const;
