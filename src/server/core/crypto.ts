import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/client.ts';

/*
 * Identifying data encrypted by the application (ADR 0023): AES-256-GCM under the data key, and keyed hashes (HMAC)
 * for lookups by a value that is not stored in clear. A database dump alone reveals no reporter's or subject's
 * identity; the key is kept apart from the database: REGIE_DATA_KEY, or a key file of mode 0600 in the data folder.
 */

const KEY_FILE = 'data-key';

/** Encryption and keyed hashes under one data key. Each purpose of a hash gets its own key, derived from the data key. */
export class DataCipher {
  readonly #key: Buffer;
  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error('De datasleutel moet 32 bytes zijn');
    this.#key = key;
  }

  /** `v1.<iv>.<tag>.<ciphertext>` in base64url. */
  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
  }

  decrypt(sealed: string): string {
    const [v, iv, tag, body] = sealed.split('.');
    if (v !== 'v1' || !iv || !tag || body === undefined) throw new Error('Onbekend versleutelingsformaat');
    const decipher = createDecipheriv('aes-256-gcm', this.#key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }

  encryptJson(value: unknown): string {
    return this.encrypt(JSON.stringify(value));
  }

  decryptJson<T>(sealed: string): T {
    return JSON.parse(this.decrypt(sealed)) as T;
  }

  /** A keyed hash of a value for one purpose (a meldcode, a normalised name): equal values, equal hashes. */
  hmac(purpose: string, value: string): string {
    const key = Buffer.from(hkdfSync('sha256', this.#key, Buffer.alloc(0), `regie:${purpose}`, 32));
    return createHmac('sha256', key).update(value, 'utf8').digest('base64url');
  }
}

/** REGIE_DATA_KEY as bytes: 64 hexadecimal characters or base64 of 32 bytes; throws a clear message otherwise. */
export function parseDataKey(text: string): Buffer {
  const value = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  if (key.length !== 32) throw new Error('REGIE_DATA_KEY moet 32 bytes zijn (64 hexadecimale tekens of base64)');
  return key;
}

/**
 * The data key: REGIE_DATA_KEY, else – for the embedded database only – the key file in the data folder, made on first
 * start with mode 0600. A PostgreSQL server (production) needs REGIE_DATA_KEY: every app server must use the same key,
 * and a key file beside one of them is easily lost. Losing the key makes the encrypted data unreadable; docs/privacy.md
 * says how to keep it.
 */
export function loadDataKey(options: { dataDir: string; dataKey?: string; isPostgres?: boolean }): Buffer {
  if (options.dataKey) return parseDataKey(options.dataKey);
  if (options.isPostgres) {
    throw new Error('Zet REGIE_DATA_KEY (32 bytes, bijvoorbeeld uit `openssl rand -hex 32`): met DATABASE_URL versleutelt Regie ' +
      'persoonsgegevens van het meldpunt met een sleutel die elke Regie-server gelijk moet hebben');
  }
  mkdirSync(options.dataDir, { recursive: true });
  const file = join(options.dataDir, KEY_FILE);
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return parseDataKey(readFileSync(file, 'utf8'));
}

const KEY_CHECK = 'data_key_check';

/**
 * Stops start-up when the key is not the one the database's data was encrypted with: the database keeps a keyed hash of
 * a fixed text under its key (no secret), written at the first start. Regie never writes data under a wrong key.
 */
export async function checkDataKey(db: Db, cipher: DataCipher): Promise<void> {
  const check = cipher.hmac('key-check', 'regie');
  await db.query('insert into app_state (key, value) values ($1, $2) on conflict (key) do nothing', [KEY_CHECK, JSON.stringify(check)]);
  const [row] = await db.query<{ value: unknown }>('select value from app_state where key = $1', [KEY_CHECK]);
  if (row.value !== check) {
    throw new Error('De datasleutel (REGIE_DATA_KEY of het bestand data-key) past niet bij deze database: met deze sleutel ' +
      'zijn de versleutelde gegevens niet te lezen. Gebruik de sleutel waarmee de database is gemaakt');
  }
}
