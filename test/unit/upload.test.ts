import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inspectZip, quoted, runIsolated, verifyZip, ZIP_LIMITS } from '../../src/server/core/upload.ts';
import { writeZip } from '../zip.ts';

/*
 * The guards every upload goes through (core/upload.ts): the zip check by the central directory and by what is really
 * inflated, the cut of quoted input, and the worker with its memory and time limits.
 */

const MB = 1024 * 1024;
const text = (n: number, c = 'a') => Buffer.alloc(n, c);

describe('inspectZip and verifyZip', () => {
  it('read a whole archive: its entries and what they unpack to', () => {
    const zip = writeZip([{ name: 'a.xml', data: text(1000) }, { name: 'b.bin', data: Buffer.from('abc'), store: true }]);
    const check = verifyZip(zip);
    expect(check).toMatchObject({ ok: true, unpackedBytes: 1003, entries: [{ name: 'a.xml', method: 8, size: 1000 }, { name: 'b.bin', method: 0, size: 3 }] });
    expect(inspectZip(zip)).toEqual(check);
  });

  it('refuse more than the limit in all, or an entry that packs more than 100 times', () => {
    const parts = Array.from({ length: 6 }, (_, n) => ({ name: `p${n}.xml`, data: text(1000) }));
    const limits = { ...ZIP_LIMITS, maxUnpackedBytes: 4000 };
    expect(inspectZip(writeZip(parts.slice(0, 4)), limits)).toMatchObject({ ok: true, unpackedBytes: 4000 });
    expect(inspectZip(writeZip(parts.slice(0, 5)), limits)).toEqual({ ok: false, problem: 'too-large' });
    expect(inspectZip(writeZip([{ name: 'a.xml', data: text(1000), declaredSize: 51 * MB }]))).toEqual({ ok: false, problem: 'too-large' });
    expect(inspectZip(writeZip([{ name: 'bomb.xml', data: text(2 * MB) }]))).toEqual({ ok: false, problem: 'too-large' });
    // Small entries may pack well: an empty sheet does.
    expect(inspectZip(writeZip([{ name: 'small.xml', data: text(ZIP_LIMITS.ratioFreeBytes) }]))).toMatchObject({ ok: true });
    expect(inspectZip(writeZip(Array.from({ length: 1001 }, (_, n) => ({ name: `${n}`, data: Buffer.from('x') }))))).toEqual({ ok: false, problem: 'too-large' });
  });

  it('verifyZip bounds what is inflated by what is declared: more is too large, less is broken', () => {
    const lying = writeZip([{ name: 'a.xml', data: text(3 * MB), declaredSize: 100_000 }]);
    expect(inspectZip(lying)).toMatchObject({ ok: true });
    expect(verifyZip(lying)).toEqual({ ok: false, problem: 'too-large' });
    expect(verifyZip(writeZip([{ name: 'a.xml', data: text(1000), declaredSize: 2000 }]))).toEqual({ ok: false, problem: 'broken' });
  });

  it('refuse what is not a whole, plain zip: other data, cut off, shifted, encrypted, another compression', () => {
    const zip = writeZip([{ name: 'a.xml', data: text(1000) }]);
    for (const bytes of [
      Buffer.from('geen zip'), Buffer.alloc(0), zip.subarray(0, zip.length - 5), zip.subarray(10),
      Buffer.concat([Buffer.from('prepended'), zip]),
      writeZip([{ name: 'a.xml', data: text(1000), flags: 1 }]),
      writeZip([{ name: 'a.xml', data: text(1000), method: 12 }]),
    ]) expect(inspectZip(bytes)).toEqual({ ok: false, problem: 'broken' });
    // The end record declares another number of entries than the directory has.
    const wrongCount = Buffer.from(zip);
    wrongCount.writeUInt16LE(2, wrongCount.length - 12);
    wrongCount.writeUInt16LE(2, wrongCount.length - 14);
    expect(inspectZip(wrongCount)).toEqual({ ok: false, problem: 'broken' });
    // A deflate stream that is cut off.
    const cut = writeZip([{ name: 'a.xml', data: deflateRawSync(text(1000)).subarray(0, 5), store: true }]);
    cut.writeUInt16LE(8, 8);
    cut.writeUInt16LE(8, cut.length - 22 - 46 - 5 + 10);
    expect(verifyZip(cut).ok).toBe(false);
  });
});

describe('quoted', () => {
  it('cuts input to 200 characters and marks the cut; shorter input stays as it is', () => {
    expect(quoted('kort')).toBe('kort');
    expect(quoted('a'.repeat(200))).toBe('a'.repeat(200));
    expect(quoted('a'.repeat(10_000))).toBe(`${'a'.repeat(200)}…`);
    expect(quoted(`${'a'.repeat(199)}😀😀`)).toBe(`${'a'.repeat(199)}…`);
    expect(quoted(null)).toBe('');
  });
});

describe('runIsolated', () => {
  const task = new URL('./upload-task.ts', import.meta.url);

  it('runs a task of a TypeScript module in a worker: input and answer copied', async () => {
    expect(await runIsolated(task, 'length', Buffer.from('abcd'))).toEqual({ ok: true, value: 4 });
  });

  it('a task that runs out of memory or time ends its worker with `limit`; the next task gets a new one', async () => {
    expect(await runIsolated(task, 'hog', null, { memoryMb: 32 })).toEqual({ ok: false, reason: 'limit' });
    expect(await runIsolated(task, 'sleep', 10_000, { timeoutMs: 200 })).toEqual({ ok: false, reason: 'limit' });
    expect(await runIsolated(task, 'sleep', 5, { memoryMb: 32 })).toEqual({ ok: true, value: 5 });
  });

  it('an error of the task rejects, as a bug does, and the worker serves the next task', async () => {
    await expect(runIsolated(task, 'fail', null)).rejects.toThrow(/kapot/);
    expect(await runIsolated(task, 'length', new Uint8Array(3))).toEqual({ ok: true, value: 3 });
  });
});
