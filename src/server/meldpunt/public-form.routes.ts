import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyFormbody from '@fastify/formbody';
import fastifyMultipart from '@fastify/multipart';
import type { FieldError } from '../../domain/errors.ts';
import { nl } from '../../text/nl.ts';
import type { Db } from '../db/client.ts';
import { notifierOf } from './notifications.ts';
import { styleUrl } from '../public-site/public-site.routes.ts';
import { listCategories, type Category } from './repository.ts';
import { findMeldpunt } from './public/organisation.ts';
import { meldenStyleSheet, MELDEN_STYLE_DIR } from './public/style-sheet.ts';
import { allowLookup, allowSubmission, checkFillToken, fillToken, HONEYPOT } from './public/abuse.ts';
import { cleanUploads, MAX_FILE_BYTES, MAX_FILES, type Upload } from './public/attachments.ts';
import { checkAnswers, checkReporter, submitPublicMelding } from './public/submit.ts';
import { addFromReporter, findByMeldcode, readByMeldcode } from './public/meldcode.ts';
import {
  detailsPage, faultPage, guidancePage, messagePage, questionsPage, receiptPage, statusFormPage, statusPage, type FormState,
} from './public/pages.ts';

/*
 * The public meldformulier per municipality (/openbaar/<gemeente>/melden) and the meldcode pages, rendered on the
 * server, without JavaScript (issue 13, docs/privacy.md). Form bodies (urlencoded and multipart) are parsed in this
 * scope only. Nothing here reads a request's address, user agent or referrer (abuse.ts hashes the address, and keeps
 * the hash in memory for at most an hour), and no error on these routes logs a body.
 */

const T = nl.meldpuntPublic;
/** Forms may post to this server only; everything else as strict as the public site. */
export const MELDEN_CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";
const HTML = 'text/html; charset=utf-8';

type Fields = Record<string, string>;

const page = (reply: FastifyReply, status: number, body: string) =>
  reply.status(status).header('cache-control', 'no-store').header('content-security-policy', MELDEN_CSP).type(HTML).send(body);

/** The fields and files of a form post (urlencoded or multipart); the files as buffers, each cut at the limit. */
async function readForm(req: FastifyRequest): Promise<{ fields: Fields; uploads: Upload[]; tooMany: boolean; tooBig: string[] }> {
  if (!req.isMultipart()) {
    const body = (req.body ?? {}) as Record<string, unknown>;
    return { fields: Object.fromEntries(Object.entries(body).map(([k, v]) => [k, Array.isArray(v) ? String(v[0]) : String(v ?? '')])), uploads: [], tooMany: false, tooBig: [] };
  }
  const fields: Fields = {};
  const uploads: Upload[] = [];
  const tooBig: string[] = [];
  let tooMany = false;
  try {
    for await (const part of req.parts({ limits: { fileSize: MAX_FILE_BYTES, files: MAX_FILES, fields: 60, fieldSize: 10_000 } })) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer().catch(() => null);
        if (!bytes || part.file.truncated) tooBig.push(part.filename);
        else if (bytes.length > 0) uploads.push({ name: part.filename, bytes });
      } else if (!(part.fieldname in fields)) fields[part.fieldname] = String(part.value ?? '');
    }
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_FILES_LIMIT') tooMany = true;
    else if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') tooBig.push('');
    else throw err;
  }
  return { fields, uploads, tooMany, tooBig };
}

const SUBMISSION_KEY = /^[A-Za-z0-9_-]{16,100}$/;
const newKey = () => randomBytes(24).toString('base64url');

/** The form's state from its fields (step 2 and 3 carry the earlier answers in hidden fields). */
function stateOf(category: Category, f: Fields): FormState {
  return {
    answers: Object.fromEntries(category.questions.map((q) => [q.key, (f[`q_${q.key}`] ?? '').slice(0, 5000)]).filter(([, v]) => v)),
    name: (f.name ?? '').slice(0, 300), email: (f.email ?? '').slice(0, 300), phone: (f.phone ?? '').slice(0, 300),
    consent: f.delen === 'ja', wantsMeldcode: f.meldcode === 'ja',
    submissionKey: SUBMISSION_KEY.test(f.sleutel ?? '') ? f.sleutel : newKey(),
    fillToken: /^\d{10,16}\.[A-Za-z0-9_-]{43}$/.test(f.tijd ?? '') ? f.tijd : fillToken(),
  };
}

/** The registration of the meldformulier's pages (before the public site's catch-all, which they are more specific than). */
export function registerPublicFormPages(app: FastifyInstance, db: Db): void {
  void app.register(async (scope) => {
    await scope.register(fastifyFormbody, { bodyLimit: 200_000 });
    await scope.register(fastifyMultipart, { limits: { fileSize: MAX_FILE_BYTES, files: MAX_FILES } });
    // A fault on these routes: a page, and a log line with the error's code only – never the body or its values.
    scope.setErrorHandler((err, req, reply) => {
      const status = (err as { statusCode?: number }).statusCode ?? 500;
      if (status >= 500) req.log.error({ code: (err as { code?: string }).code ?? 'unknown' }, 'meldformulier failed');
      return page(reply, status >= 400 && status < 600 ? status : 500, faultPage(status));
    });
    const opts = { schema: { hide: true } };
    const at = async (req: FastifyRequest<{ Params: { org: string } }>) => {
      const org = await findMeldpunt(db, req.params.org);
      return org ? { org, style: styleUrl(org), categories: await listCategories(db, org.id) } : null;
    };
    const notFound = (reply: FastifyReply) => page(reply, 404, faultPage(404));

    scope.get<{ Params: { org: string; file: string } }>(`/openbaar/:org/melden/${MELDEN_STYLE_DIR}/:file`, opts, async (req, reply) => {
      const sheet = meldenStyleSheet();
      if (req.params.file !== sheet.name) return notFound(reply);
      return reply.header('cache-control', 'public, max-age=31536000, immutable').type('text/css; charset=utf-8').send(sheet.css);
    });

    scope.get<{ Params: { org: string } }>('/openbaar/:org/melden', opts, async (req, reply) => {
      const m = await at(req);
      return m ? page(reply, 200, guidancePage(m.org, m.style, m.categories)) : notFound(reply);
    });

    scope.get<{ Params: { org: string }; Querystring: { categorie?: string } }>('/openbaar/:org/melden/melding', opts, async (req, reply) => {
      const m = await at(req);
      if (!m) return notFound(reply);
      const category = m.categories.find((c) => c.key === req.query.categorie && !c.referralUrl);
      if (!category) return page(reply, 422, guidancePage(m.org, m.style, m.categories, [{ path: 'categorie', message: T.categoryRequired }]));
      return page(reply, 200, questionsPage(m.org, m.style, category, stateOf(category, {})));
    });

    scope.post<{ Params: { org: string } }>('/openbaar/:org/melden/melding', opts, async (req, reply) => {
      const m = await at(req);
      if (!m) return notFound(reply);
      const { fields, uploads, tooMany, tooBig } = await readForm(req);
      const category = m.categories.find((c) => c.key === fields.categorie && !c.referralUrl);
      if (!category) return page(reply, 422, guidancePage(m.org, m.style, m.categories, [{ path: 'categorie', message: T.categoryRequired }]));
      const state = stateOf(category, fields);
      const checked = checkAnswers(category, state.answers);
      if (fields.stap !== '3' || fields.terug) {
        if (fields.stap === '3' || checked.errors.length) return page(reply, checked.errors.length ? 422 : 200, questionsPage(m.org, m.style, category, state, checked.errors));
        return page(reply, 200, detailsPage(m.org, m.style, category, state));
      }
      // A bot filled the hidden field: it gets a receipt without a number, and nothing is stored.
      if (fields[HONEYPOT]) return page(reply, 200, receiptPage(m.org, m.style, null, null, null));
      if (checked.errors.length) return page(reply, 422, questionsPage(m.org, m.style, category, state, checked.errors));
      const errors: FieldError[] = [];
      const fill = checkFillToken(fields.tijd);
      if (fill !== 'ok') {
        errors.push({ path: 'tijd', message: T.tooFast });
        if (fill === 'invalid') state.fillToken = fillToken(Date.now() - 60_000);
      }
      const reporter = checkReporter({ name: state.name, email: state.email, phone: state.phone });
      errors.push(...reporter.errors);
      if (tooMany) errors.push({ path: 'bestanden', message: T.fields.tooManyFiles });
      for (const name of tooBig) errors.push({ path: 'bestanden', message: T.fields.fileTooBig(name || 'Een bestand') });
      const cleaned = errors.length ? { files: [], errors: [] } : await cleanUploads(uploads);
      errors.push(...cleaned.errors);
      if (errors.length) return page(reply, 422, detailsPage(m.org, m.style, category, state, errors, uploads.length + tooBig.length > 0 || tooMany));
      const refusal = allowSubmission(req, m.org.id);
      if (refusal) return page(reply, refusal === 'cap' ? 503 : 429, messagePage(m.org, m.style, T.crumb, refusal === 'cap' ? T.capReached : T.tooMany));
      const receipt = await submitPublicMelding(db, app.cipher, {
        category, answers: checked.answers, reporter: reporter.reporter, shareConsent: state.consent, wantsMeldcode: state.wantsMeldcode,
        files: cleaned.files, submissionKey: state.submissionKey,
      }, notifierOf(app));
      return page(reply, 200, receiptPage(m.org, m.style, category, receipt.number, receipt.meldcode));
    });

    scope.get<{ Params: { org: string } }>('/openbaar/:org/melden/status', opts, async (req, reply) => {
      const m = await at(req);
      return m ? page(reply, 200, statusFormPage(m.org, m.style, { code: '', phrase: '' })) : notFound(reply);
    });

    scope.post<{ Params: { org: string } }>('/openbaar/:org/melden/status', opts, async (req, reply) => {
      const m = await at(req);
      if (!m) return notFound(reply);
      const { fields } = await readForm(req);
      const secret = { code: (fields.code ?? '').trim().slice(0, 60), phrase: (fields.zin ?? '').trim().slice(0, 60) };
      const missing: FieldError[] = [
        ...(secret.code ? [] : [{ path: 'code', message: T.fields.code }]), ...(secret.phrase ? [] : [{ path: 'zin', message: T.fields.phrase }]),
      ];
      if (missing.length) return page(reply, 422, statusFormPage(m.org, m.style, secret, missing));
      if (!allowLookup(req)) return page(reply, 429, messagePage(m.org, m.style, T.statusTitle, T.tooMany));
      const holder = await findByMeldcode(db, app.cipher, m.org.id, secret.code, secret.phrase);
      if (!holder) return page(reply, 422, statusFormPage(m.org, m.style, secret, [{ path: 'code', message: T.unknownCode }]));
      const action = fields.actie === 'antwoord' ? 'answer' : fields.actie === 'aanvulling' ? 'addition' : null;
      if (!action) return page(reply, 200, statusPage(m.org, m.style, await readByMeldcode(db, holder), secret));
      const field = action === 'answer' ? 'antwoord' : 'aanvulling';
      const body = (fields[field] ?? '').trim();
      if (!body || body.length > 5000) {
        return page(reply, 422, statusPage(m.org, m.style, await readByMeldcode(db, holder), secret,
          { errors: [{ path: field, message: T.fields.body }], text: { [field]: (fields[field] ?? '').slice(0, 5000) } }));
      }
      const result = await addFromReporter(db, holder, action, body, notifierOf(app));
      const notice = result === 'ok' ? (action === 'answer' ? T.sentAnswer : T.sentAddition) : T.closedNoMore;
      return page(reply, result === 'ok' ? 200 : 409, statusPage(m.org, m.style, await readByMeldcode(db, holder), secret, { notice }));
    });
  });
}

