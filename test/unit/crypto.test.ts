import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataCipher, loadDataKey } from '../../src/server/core/crypto.ts';
import { readConfig } from '../../src/server/config.ts';

describe('the data key and cipher (ADR 0023)', () => {
  const cipher = new DataCipher(Buffer.alloc(32, 7));

  it('encrypts so that the clear text is nowhere in the sealed value, and decrypts it again', () => {
    const sealed = cipher.encryptJson({ name: 'Jansje Melder', email: 'jansje@example.nl' });
    expect(sealed).not.toMatch(/Jansje|jansje|example/);
    expect(cipher.decryptJson(sealed)).toEqual({ name: 'Jansje Melder', email: 'jansje@example.nl' });
    // A random IV: the same value sealed twice gives two different texts (a dump cannot show equal reporters).
    expect(cipher.encrypt('x')).not.toBe(cipher.encrypt('x'));
  });

  it('refuses a sealed value that was changed, or sealed under another key', () => {
    const sealed = cipher.encrypt('geheim');
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3], 'base64url');
    body[0] ^= 1;
    expect(() => cipher.decrypt([...parts.slice(0, 3), body.toString('base64url')].join('.'))).toThrow();
    expect(() => new DataCipher(Buffer.alloc(32, 8)).decrypt(sealed)).toThrow();
  });

  it('gives keyed hashes that are equal for equal values and differ per purpose and key', () => {
    expect(cipher.hmac('meldcode', 'ABC')).toBe(cipher.hmac('meldcode', 'ABC'));
    expect(cipher.hmac('meldcode', 'ABC')).not.toBe(cipher.hmac('naam', 'ABC'));
    expect(new DataCipher(Buffer.alloc(32, 8)).hmac('meldcode', 'ABC')).not.toBe(cipher.hmac('meldcode', 'ABC'));
  });

  it('takes REGIE_DATA_KEY, or for the embedded database makes a key file of mode 0600 once and reads it again', () => {
    expect(loadDataKey({ dataDir: '/nonexistent', dataKey: 'ab'.repeat(32) })).toEqual(Buffer.alloc(32, 0xab));
    expect(() => loadDataKey({ dataDir: '/nonexistent', dataKey: 'te-kort' })).toThrow(/32 bytes/);
    const dir = mkdtempSync(join(tmpdir(), 'regie-key-'));
    const first = loadDataKey({ dataDir: join(dir, 'data') });
    expect(first.length).toBe(32);
    expect(statSync(join(dir, 'data', 'data-key')).mode & 0o777).toBe(0o600);
    expect(loadDataKey({ dataDir: join(dir, 'data') })).toEqual(first);
  });

  it('requires REGIE_DATA_KEY with a PostgreSQL server, and reads it from the environment with a clear message when malformed', () => {
    expect(() => loadDataKey({ dataDir: '/nonexistent', isPostgres: true })).toThrow(/Zet REGIE_DATA_KEY/);
    expect(readConfig({ REGIE_DATA_KEY: 'ab'.repeat(32) }).dataKey).toBe('ab'.repeat(32));
    expect(() => readConfig({ REGIE_DATA_KEY: 'abc' })).toThrow(/REGIE_DATA_KEY moet 32 bytes zijn/);
  });
});
