import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from '../../src/server/db/lock.ts';

/*
 * The data folder's lock (security review, finding 9): a lock is held only by a process that still runs – the same
 * process, not merely one with the same number. A PID that was reused (a container where Regie is PID 1 on every
 * start) must not keep Regie down.
 */

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'regie-lock-'));
  dirs.push(d);
  return d;
};
const children: ChildProcess[] = [];
afterEach(() => children.splice(0).forEach((c) => c.kill()));
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const lockFile = (dir: string) => join(dir, 'regie.lock');
const held = (dir: string) => JSON.parse(readFileSync(lockFile(dir), 'utf8')) as { pid: number };

/** Another process that runs (and keeps running) while the test lasts. */
async function otherProcess(): Promise<number> {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
  children.push(child);
  await new Promise((resolve) => child.once('spawn', resolve));
  return child.pid!;
}

describe('the data-folder lock', () => {
  it('takes over a lock that holds this process’s own PID: a previous start with the same number (PID 1 in a container)', () => {
    const dir = tempDir();
    writeFileSync(lockFile(dir), String(process.pid));
    const unlock = lockDataDir(dir);
    expect(held(dir).pid).toBe(process.pid);
    unlock();
  });

  it.runIf(process.platform === 'linux')('takes over a lock of a running process that is not the one that wrote it (its PID was reused)', async () => {
    const dir = tempDir();
    const pid = await otherProcess();
    // Written by a process with this number that started long before the one that has it now.
    writeFileSync(lockFile(dir), JSON.stringify({ pid, startTime: '1', bootId: null, host: hostname() }));
    const unlock = lockDataDir(dir);
    expect(held(dir).pid).toBe(process.pid);
    unlock();
  });

  it('refuses the folder while the process that locked it runs, and takes it after that process ended', async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', `
      const { lockDataDir } = await import(${JSON.stringify(join(import.meta.dirname, '../../src/server/db/lock.ts'))});
      lockDataDir(${JSON.stringify(dir)});
      console.log('locked');
      setTimeout(() => {}, 60_000);
    `], { stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(child);
    await new Promise((resolve) => child.stdout.once('data', resolve));
    expect(held(dir).pid).toBe(child.pid);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(/in gebruik door een ander Regie-proces/);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const unlock = lockDataDir(dir);
    expect(held(dir).pid).toBe(process.pid);
    unlock();
  });

  it('refuses a second lock on the folder in the same process', () => {
    const dir = tempDir();
    const unlock = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    unlock();
    lockDataDir(dir)();
  });

  it('keeps a lock written in the old format (a PID only) by another running process', async () => {
    const dir = tempDir();
    writeFileSync(lockFile(dir), String(await otherProcess()));
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
  });

  it('trusts a lock from another host (a container) only while its holder keeps it fresh', () => {
    const dir = tempDir();
    writeFileSync(lockFile(dir), JSON.stringify({ pid: 1, startTime: '42', bootId: 'elders', host: 'een-andere-container' }));
    expect(() => lockDataDir(dir)).toThrow(/een-andere-container/);
    // The holder refreshes its lock; one that was not touched for minutes belongs to a process that is gone.
    const old = new Date(Date.now() - 10 * 60_000);
    utimesSync(lockFile(dir), old, old);
    const unlock = lockDataDir(dir);
    expect(held(dir).pid).toBe(process.pid);
    unlock();
  });

  it.runIf(process.platform === 'linux')('treats a lock of a restarted container (same host name, other PID namespace) as another host’s', async () => {
    const dir = tempDir();
    const pid = await otherProcess();
    writeFileSync(lockFile(dir), JSON.stringify({ pid, startTime: null, bootId: null, pidNamespace: 'pid:[1]', host: hostname() }));
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    const old = new Date(Date.now() - 10 * 60_000);
    utimesSync(lockFile(dir), old, old);
    lockDataDir(dir)();
  });

  it.runIf(process.platform === 'linux')('takes over a lock written on this host before it restarted (another boot)', async () => {
    const dir = tempDir();
    writeFileSync(lockFile(dir), JSON.stringify({ pid: await otherProcess(), startTime: null, bootId: 'een-eerdere-start', pidNamespace: null, host: hostname() }));
    lockDataDir(dir)();
  });

  it('keeps its lock fresh while it holds it', async () => {
    const dir = tempDir();
    const unlock = lockDataDir(dir);
    const old = new Date(Date.now() - 10 * 60_000);
    utimesSync(lockFile(dir), old, old);
    await new Promise((resolve) => setTimeout(resolve, 5_500));
    expect(statSync(lockFile(dir)).mtimeMs).toBeGreaterThan(Date.now() - 10_000);
    unlock();
  });
});
