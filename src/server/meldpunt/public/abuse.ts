import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

/*
 * Abuse protection of the public form and the meldcode without keeping a request fact (issue 13, docs/privacy.md):
 * - a rate limit per client on an HMAC of its address under a key that lives in memory only and is replaced every day;
 *   an entry is forgotten an hour after its first use, and nothing of it is ever written anywhere;
 * - a cap per municipality per hour;
 * - a honeypot field, and a minimum fill time: the form carries the time it was drawn, signed with an in-memory key.
 * This file is the only place in the meldpunt that reads the client's address, and it keeps only the keyed hash.
 */

export const LIMITS = {
  /** Submissions per client address per hour. */
  submissionsPerHour: 10,
  /** Meldcode lookups (and answers) per client address per hour. */
  lookupsPerHour: 20,
  /** Submissions per municipality per hour, over all clients. */
  perMunicipalityPerHour: 300,
  /** Seconds a person needs at least to fill the form. */
  minFillSeconds: 3,
  /** How long a drawn form stays valid (seconds). */
  maxFillSeconds: 24 * 3600,
};
const HOUR = 3600_000;

let day = '';
let dayKey = randomBytes(32);
const formKey = randomBytes(32);
/** Counters by keyed hash: when the window started and how often. Never persisted, never logged. */
const windows = new Map<string, { since: number; count: number }>();

const today = (now: number) => new Date(now).toISOString().slice(0, 10);

function forgetOld(now: number) {
  if (today(now) !== day) {
    day = today(now);
    dayKey = randomBytes(32);
    windows.clear();
  }
  for (const [k, w] of windows) if (now - w.since >= HOUR) windows.delete(k);
}

/** The keyed hash of the client's address for one purpose (under today's in-memory key). */
function clientKey(req: FastifyRequest, purpose: string): string {
  // The one read of the address in the meldpunt: hashed at once, the address itself goes nowhere.
  return `${purpose}:${createHmac('sha256', dayKey).update(req.ip).digest('base64url')}`;
}

/** Counts one use of `key`; false when the hour's limit is reached (then it is not counted). */
function take(key: string, limit: number, now: number): boolean {
  const w = windows.get(key);
  if (!w) { windows.set(key, { since: now, count: 1 }); return true; }
  if (w.count >= limit) return false;
  w.count++;
  return true;
}

export type Refusal = 'too_many' | 'cap';

/** Whether a submission from this client to this municipality may go on (and counts it). */
export function allowSubmission(req: FastifyRequest, municipalityId: string, now = Date.now()): Refusal | null {
  forgetOld(now);
  const perClient = clientKey(req, 'submit');
  const w = windows.get(perClient);
  if (w && w.count >= LIMITS.submissionsPerHour) return 'too_many';
  const capKey = `cap:${municipalityId}`;
  const cap = windows.get(capKey);
  if (cap && cap.count >= LIMITS.perMunicipalityPerHour) return 'cap';
  take(perClient, LIMITS.submissionsPerHour, now);
  take(capKey, LIMITS.perMunicipalityPerHour, now);
  return null;
}

/** Whether a meldcode lookup from this client may go on (and counts it). */
export function allowLookup(req: FastifyRequest, now = Date.now()): boolean {
  forgetOld(now);
  return take(clientKey(req, 'lookup'), LIMITS.lookupsPerHour, now);
}

/** For tests: forget every counter. */
export function resetAbuseCounters() {
  windows.clear();
}

const sign = (t: string) => createHmac('sha256', formKey).update(t).digest('base64url');

/** The signed time a form was drawn, for its hidden field. */
export const fillToken = (at = Date.now()) => `${at}.${sign(String(at))}`;

/** 'ok', 'too_fast' (a bot, or a reload of an old page: the form is drawn again) or 'invalid'. */
export function checkFillToken(token: string | undefined, now = Date.now()): 'ok' | 'too_fast' | 'invalid' {
  const [at, mac] = (token ?? '').split('.');
  if (!at || !mac || !/^\d{10,16}$/.test(at)) return 'invalid';
  const expected = Buffer.from(sign(at));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
  const seconds = (now - Number(at)) / 1000;
  if (seconds > LIMITS.maxFillSeconds) return 'invalid';
  return seconds < LIMITS.minFillSeconds ? 'too_fast' : 'ok';
}

/** The honeypot's field name: a person never sees it (hidden by CSS, aria-hidden, no tab stop). */
export const HONEYPOT = 'website';
