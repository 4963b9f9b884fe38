import { randomBytes, randomUUID } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { publicStatusOf, type TMeldingStatus, type TPublicStatus } from '../../../domain/meldpunt.ts';
import { meldnummer } from '../../../domain/meldpunt.ts';
import type { Db } from '../../db/client.ts';
import type { DataCipher } from '../../core/crypto.ts';
import { logProcessing, newTraceId } from '../processing-log.ts';
import { MELDPUNT_PROCESSING } from '../repository.ts';
import { IN_APP_ONLY, notifyReporterReply, type Notifier, type SendNotifications } from '../notifications.ts';

/*
 * The meldcode (issue 13): a code and a secret phrase of 140 random bits each. The code is stored only as its HMAC
 * (the lookup), the phrase only as its argon2id hash. With both a reporter sees the coarse status of the melding,
 * the handler's questions, and answers them or adds information – without an e-mail address or an account. A wrong
 * code and a wrong phrase get the same answer, in about the same time.
 */

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 28;

/** 28 characters of Crockford's base32 in groups of four: 140 bits. From `seed` (32 bytes or more) when given. */
export function formatSecret(seed: Buffer = randomBytes(LENGTH)): string {
  const chars = Array.from({ length: LENGTH }, (_, i) => ALPHABET[seed[i % seed.length] % 32]);
  return chars.join('').match(/.{4}/g)!.join('-');
}

/** A typed code or phrase in its one form: capitals, no spaces or dashes, look-alike letters read as digits. */
export const normaliseSecret = (s: string) =>
  s.toUpperCase().replace(/[\s-]+/g, '').replace(/O/g, '0').replace(/[IL]/g, '1').replace(/U/g, 'V');

export interface Meldcode { code: string; phrase: string }

/**
 * A new meldcode and phrase; from a submission's key they are derived (under the data key), so a repeated submission
 * – a double click – shows the same code again, which the server could not otherwise do: it keeps no code in clear.
 */
export function newMeldcode(cipher: DataCipher, submissionKey?: string | null): Meldcode {
  if (!submissionKey) return { code: formatSecret(), phrase: formatSecret() };
  const seed = (purpose: string) => Buffer.concat([0, 1].map((i) => Buffer.from(cipher.hmac(purpose, `${submissionKey}:${i}`), 'base64url')));
  return { code: formatSecret(seed('meldcode-afleiden')), phrase: formatSecret(seed('meldzin-afleiden')) };
}

export const codeHmac = (cipher: DataCipher, code: string) => cipher.hmac('meldcode', normaliseSecret(code));
export const hashPhrase = (phrase: string) => hash(normaliseSecret(phrase));

let dummy: Promise<string> | undefined;

export interface CodeHolder { meldingId: string; status: TMeldingStatus; municipalityId: string }

/** The melding of a code and phrase in this municipality, or null – the same null for a wrong code or phrase. */
export async function findByMeldcode(db: Db, cipher: DataCipher, municipalityId: string, code: string, phrase: string): Promise<CodeHolder | null> {
  const [row] = await db.query<{ melding_id: string; phrase_hash: string; status: TMeldingStatus; municipality_id: string }>(
    `select c.melding_id, c.phrase_hash, m.status, m.municipality_id from melding_codes c join meldingen m on m.id = c.melding_id
      where c.code_hmac = $1 and m.municipality_id = $2`,
    [codeHmac(cipher, code), municipalityId],
  );
  // Without a row, still verify against a hash: an unknown code takes as long as a wrong phrase.
  const stored = row?.phrase_hash ?? await (dummy ??= hash(randomBytes(16).toString('hex')));
  const ok = await verify(stored, normaliseSecret(phrase)).catch(() => false);
  return row && ok ? { meldingId: row.melding_id, status: row.status, municipalityId: row.municipality_id } : null;
}

export interface CodeView {
  number: string;
  status: TPublicStatus;
  category: string;
  receivedAt: string;
  /** The questions to the reporter and what the reporter sent, oldest first. */
  messages: { id: string; kind: 'question' | 'answer' | 'addition'; body: string; at: string }[];
  /** The question waiting for an answer (the newest question with no answer after it). */
  openQuestionId: string | null;
  canAdd: boolean;
}

/** What a code holder sees; the read is logged (processing log) in the same transaction. */
export async function readByMeldcode(db: Db, holder: CodeHolder): Promise<CodeView> {
  return db.transaction(async (tx) => {
    const [m] = await tx.query<{ year: number; sequence: number; status: TMeldingStatus; category: string; received_at: string }>(
      `select m.year, m.sequence, m.status, c.name as category, m.received_at from meldingen m
         join meldpunt_categories c on c.id = m.category_id where m.id = $1`, [holder.meldingId]);
    const messages = await tx.query<{ id: string; kind: 'question' | 'answer' | 'addition'; body: string; at: string }>(
      `select id, kind, body, created_at as at from melding_messages where melding_id = $1 and kind in ('question', 'answer', 'addition')
        order by created_at, id`, [holder.meldingId]);
    await logProcessing(tx, newTraceId(), { activity: 'melding lezen met meldcode', processingActivity: MELDPUNT_PROCESSING, subjectType: 'melding', subjectRefs: [holder.meldingId] });
    const status = publicStatusOf(m.status);
    const lastQuestion = messages.findLastIndex((x) => x.kind === 'question');
    const answered = lastQuestion >= 0 && messages.slice(lastQuestion + 1).some((x) => x.kind === 'answer');
    return {
      number: meldnummer(m.year, m.sequence), status, category: m.category, receivedAt: new Date(m.received_at).toISOString(),
      messages: messages.map((x) => ({ ...x, at: new Date(x.at).toISOString() })),
      openQuestionId: lastQuestion >= 0 && !answered && status !== 'afgerond' ? messages[lastQuestion].id : null,
      canAdd: status !== 'afgerond',
    };
  });
}

export type AddResult = 'ok' | 'closed' | 'no_question';

/** The reporter's answer to the open question, or an addition; an event tells the handlers. Nothing on a closed melding. */
export async function addFromReporter(db: Db, holder: CodeHolder, kind: 'answer' | 'addition', body: string, notifier: Notifier = IN_APP_ONLY): Promise<AddResult> {
  let send: SendNotifications = async () => {};
  const result = await db.transaction(async (tx): Promise<AddResult> => {
    const [m] = await tx.query<{ status: TMeldingStatus }>('select status from meldingen where id = $1 for update', [holder.meldingId]);
    if (publicStatusOf(m.status) === 'afgerond') return 'closed';
    if (kind === 'answer') {
      const view = await readByMeldcode(tx, holder);
      if (!view.openQuestionId) return 'no_question';
    }
    const id = randomUUID();
    await tx.query(`insert into melding_messages (id, melding_id, kind, body) values ($1, $2, $3, $4)`, [id, holder.meldingId, kind, body]);
    await tx.query(`insert into melding_events (id, melding_id, kind, detail) values ($1, $2, $3, $4)`,
      [randomUUID(), holder.meldingId, kind === 'answer' ? 'reporter_answered' : 'reporter_added', JSON.stringify({ messageId: id })]);
    await logProcessing(tx, newTraceId(), { activity: kind === 'answer' ? 'antwoord van melder' : 'aanvulling van melder', processingActivity: MELDPUNT_PROCESSING, subjectType: 'melding', subjectRefs: [holder.meldingId] });
    send = await notifyReporterReply(tx, notifier.mailer, holder.meldingId, notifier.publicUrl);
    return 'ok';
  });
  await send();
  return result;
}
