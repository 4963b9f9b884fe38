import { randomUUID } from 'node:crypto';
import { ZReporter, type TReporter } from '../../../domain/meldpunt.ts';
import type { FieldError } from '../../../domain/errors.ts';
import { nl } from '../../../text/nl.ts';
import type { Db } from '../../db/client.ts';
import type { DataCipher } from '../../core/crypto.ts';
import { newTraceId } from '../processing-log.ts';
import { insertMelding, type Category } from '../repository.ts';
import { IN_APP_ONLY, notifyNewMelding, type Notifier, type SendNotifications } from '../notifications.ts';
import type { CleanFile } from './attachments.ts';
import { codeHmac, hashPhrase, newMeldcode, type Meldcode } from './meldcode.ts';

/*
 * A public melding stored (issue 13): the answers checked against the category's questions, the contact details
 * (all optional) checked, then in one transaction the melding, its cleaned files and its meldcode – a fault anywhere
 * stores nothing. A submission key makes it idempotent: the same key, the same melding (and the same meldcode).
 */

const F = nl.meldpuntPublic.fields;
const MAX = { textarea: 5000, text: 500, place: 500, date: 10, choice: 100 } as const;

/** The answers to a category's questions, checked: the kept values and a message per failing field (path `q_<key>`). */
export function checkAnswers(category: Category, given: Record<string, string | undefined>): { answers: Record<string, string>; errors: FieldError[] } {
  const answers: Record<string, string> = {};
  const errors: FieldError[] = [];
  for (const q of category.questions) {
    const value = (given[q.key] ?? '').trim();
    const path = `q_${q.key}`;
    if (!value) {
      if (q.required) errors.push({ path, message: F.required });
      continue;
    }
    if (value.length > MAX[q.kind]) errors.push({ path, message: F.tooLong(MAX[q.kind]) });
    else if (q.kind === 'choice' && !(q.options ?? []).includes(value)) errors.push({ path, message: F.choice });
    else answers[q.key] = value;
  }
  return { answers, errors };
}

/** The contact details, checked; empty fields left out (anonymous by default). */
export function checkReporter(given: { name?: string; email?: string; phone?: string }): { reporter: TReporter; errors: FieldError[] } {
  const trimmed = Object.fromEntries(Object.entries(given).map(([k, v]) => [k, v?.trim() || undefined]));
  const parsed = ZReporter.safeParse(trimmed);
  if (parsed.success) return { reporter: parsed.data, errors: [] };
  const message = { name: F.name, email: F.email, phone: F.phone } as Record<string, string>;
  const paths = [...new Set(parsed.error.issues.map((i) => String(i.path[0])))];
  return { reporter: {}, errors: paths.map((p) => ({ path: p, message: message[p] ?? F.required })) };
}

export interface PublicSubmission {
  category: Category;
  answers: Record<string, string>;
  reporter: TReporter;
  shareConsent: boolean;
  wantsMeldcode: boolean;
  files: CleanFile[];
  submissionKey?: string | null;
}

export interface Receipt { number: string; isNew: boolean; meldcode: Meldcode | null }

/** Stores the melding with its files and meldcode in one transaction. */
export async function submitPublicMelding(db: Db, cipher: DataCipher, s: PublicSubmission, notifier: Notifier = IN_APP_ONLY): Promise<Receipt> {
  const meldcode = s.wantsMeldcode ? newMeldcode(cipher, s.submissionKey) : null;
  // The slow hash before the transaction, so the transaction stays short.
  const phraseHash = meldcode ? await hashPhrase(meldcode.phrase) : null;
  let send: SendNotifications = async () => {};
  const receipt = await db.transaction(async (tx): Promise<Receipt> => {
    const created = await insertMelding(tx, cipher, {
      municipalityId: s.category.municipalityId, categoryId: s.category.id, source: 'public', answers: s.answers,
      reporter: s.reporter, shareConsent: s.shareConsent,
      idempotencyHash: s.submissionKey ? cipher.hmac('idempotency', s.submissionKey) : null,
    }, newTraceId());
    if (!created.isNew) {
      const [kept] = await tx.query('select 1 from melding_codes where melding_id = $1', [created.id]);
      // The first submission's code, derived again from the same key; none if the first one wanted none.
      return { number: created.number, isNew: false, meldcode: kept && s.submissionKey ? newMeldcode(cipher, s.submissionKey) : null };
    }
    for (const f of s.files) {
      await tx.query('insert into melding_files (id, melding_id, media_type, size, sha256, content) values ($1, $2, $3, $4, $5, $6)',
        [randomUUID(), created.id, f.mediaType, f.bytes.length, f.sha256, f.bytes]);
    }
    if (meldcode && phraseHash) {
      await tx.query('insert into melding_codes (code_hmac, melding_id, phrase_hash) values ($1, $2, $3)',
        [codeHmac(cipher, meldcode.code), created.id, phraseHash]);
    }
    send = await notifyNewMelding(tx, notifier.mailer, created.id, notifier.publicUrl);
    return { number: created.number, isNew: true, meldcode };
  });
  await send();
  return receipt;
}
