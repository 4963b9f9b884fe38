import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, type FieldError } from '../../domain/errors.ts';
import { PUBLIC_STATUSES, ZQuestion } from '../../domain/meldpunt.ts';
import { nl } from '../../text/nl.ts';
import type { Db } from '../db/client.ts';
import { notifierOf } from './notifications.ts';
import type { RequestContext } from '../core/context.ts';
import { problems, ZProblem } from '../http/errors.ts';
import { listCategories } from './repository.ts';
import { findMeldpunt } from './public/organisation.ts';
import { allowLookup, allowSubmission } from './public/abuse.ts';
import { cleanUploads, MAX_FILE_BYTES, MAX_FILES } from './public/attachments.ts';
import { checkAnswers, checkReporter, submitPublicMelding } from './public/submit.ts';
import { addFromReporter, findByMeldcode, readByMeldcode, type CodeHolder } from './public/meldcode.ts';

/*
 * The public meldpunt as API (issue 13): the categories of a municipality, a submission (JSON; attachments as base64,
 * at most 5 of 10 MB), and with a meldcode the coarse status, an answer to the handler's question, an addition. No
 * sign-in; the same rules, limits and privacy as the form (docs/privacy.md). A wrong code or phrase answers 404, like
 * an unknown one.
 */

const T = nl.meldpuntPublic;
const TAGS = ['meldpunt (openbaar)'];
const ZOrgParams = z.object({ org: z.string().max(100) });
const ZCategory = z.object({
  key: z.string(), name: z.string(), description: z.string(), questions: z.array(ZQuestion), handlingText: z.string(),
  responseDays: z.number().int(), referralUrl: z.string().nullable(),
});
const ZSecret = z.object({ code: z.string().trim().min(1).max(60), phrase: z.string().trim().min(1).max(60) });
const ZSubmission = z.object({
  categoryKey: z.string().max(40),
  answers: z.record(z.string().regex(/^[a-z][a-z0-9_]{0,39}$/), z.string().max(5000)).default({}),
  reporter: z.object({ name: z.string().max(300).optional(), email: z.string().max(300).optional(), phone: z.string().max(300).optional() }).optional(),
  shareConsent: z.boolean().default(false),
  meldcode: z.boolean().default(false),
  /** A random key of the client's choice: the same key submits once (a retry returns the first melding). */
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{16,100}$/).optional(),
  attachments: z.array(z.object({ name: z.string().max(200), contentBase64: z.string().max(Math.ceil(MAX_FILE_BYTES / 3) * 4 + 4) })).max(MAX_FILES + 1).default([]),
});
const ZReceipt = z.object({
  number: z.string(), handlingText: z.string(), responseDays: z.number().int(),
  meldcode: z.object({ code: z.string(), phrase: z.string() }).nullable(),
});
const ZCodeView = z.object({
  number: z.string(), status: z.enum(PUBLIC_STATUSES), category: z.string(), receivedAt: z.string(),
  messages: z.array(z.object({ id: z.string(), kind: z.enum(['question', 'answer', 'addition']), body: z.string(), at: z.string() })),
  openQuestionId: z.string().nullable(), canAdd: z.boolean(),
});
const tooMany = { 429: { description: 'Te veel pogingen', content: { 'application/problem+json': { schema: ZProblem } } } };
const unavailable = { 503: { description: 'Het meldpunt neemt dit uur geen meldingen meer aan', content: { 'application/problem+json': { schema: ZProblem } } } };

/** The meldpunt's routes of the public submission, the meldcode and the receipt as API (issue 13, part 1). */
export function registerPublicMeldingApi(api: FastifyInstance, db: Db, ctxOf: (req: FastifyRequest) => RequestContext): void {
  void ctxOf;
  const r = api.withTypeProvider<ZodTypeProvider>();
  const meldpunt = async (address: string) => {
    const org = await findMeldpunt(db, address);
    if (!org) throw new AppError('not_found', 'Niet gevonden');
    return org;
  };
  /** The code holder, or 404 – the same for an unknown code and a wrong phrase. */
  const holderOf = async (req: FastifyRequest, address: string, secret: { code: string; phrase: string }): Promise<CodeHolder> => {
    const org = await meldpunt(address);
    if (!allowLookup(req)) throw new AppError('too_many_requests', T.tooMany);
    const holder = await findByMeldcode(db, api.cipher, org.id, secret.code, secret.phrase);
    if (!holder) throw new AppError('not_found', T.unknownCode);
    return holder;
  };

  r.get('/meldpunt/public/:org/categories', {
    schema: {
      tags: TAGS, summary: 'De onderwerpen van het meldpunt van een gemeente, met hun vragen (een verwijzing heeft een referralUrl)',
      security: [{}], params: ZOrgParams, response: { 200: z.object({ categories: z.array(ZCategory) }), ...problems },
    },
  }, async (req) => {
    const org = await meldpunt(req.params.org);
    const categories = await listCategories(db, org.id);
    return { categories: categories.map((c) => ({ key: c.key, name: c.name, description: c.description, questions: c.questions, handlingText: c.handlingText, responseDays: c.responseDays, referralUrl: c.referralUrl })) };
  });

  r.post('/meldpunt/public/:org/meldingen', {
    bodyLimit: (MAX_FILES + 1) * Math.ceil(MAX_FILE_BYTES / 3) * 4 + 200_000,
    schema: {
      tags: TAGS, security: [{}],
      summary: 'Een melding doen, anoniem of met contactgegevens; bijlagen (JPEG, PNG, pdf) als base64, zonder verborgen gegevens bewaard. '
        + 'Met meldcode: true komen een meldcode en een geheime zin terug (alleen dit ene keer)',
      params: ZOrgParams, body: ZSubmission, response: { 201: ZReceipt, ...problems, ...tooMany, ...unavailable },
    },
  }, async (req, reply) => {
    const org = await meldpunt(req.params.org);
    const b = req.body;
    const category = (await listCategories(db, org.id)).find((c) => c.key === b.categoryKey && !c.referralUrl);
    if (!category) throw new AppError('validation', 'De invoer is niet geldig', [{ path: 'categoryKey', message: T.categoryRequired }]);
    const errors: FieldError[] = [];
    const answers = checkAnswers(category, b.answers);
    errors.push(...answers.errors.map((x) => ({ path: `answers.${x.path.slice(2)}`, message: x.message })));
    const reporter = checkReporter(b.reporter ?? {});
    errors.push(...reporter.errors.map((x) => ({ path: `reporter.${x.path}`, message: x.message })));
    const uploads = b.attachments.map((a) => ({ name: a.name, bytes: Buffer.from(a.contentBase64, 'base64') }));
    const cleaned = errors.length ? { files: [], errors: [] } : await cleanUploads(uploads);
    errors.push(...cleaned.errors.map((x) => ({ path: 'attachments', message: x.message })));
    if (errors.length) throw new AppError('validation', 'De invoer is niet geldig', errors);
    const refusal = allowSubmission(req, org.id);
    if (refusal === 'cap') throw new AppError('unavailable', T.capReached);
    if (refusal) throw new AppError('too_many_requests', T.tooMany);
    const receipt = await submitPublicMelding(db, api.cipher, {
      category, answers: answers.answers, reporter: reporter.reporter, shareConsent: b.shareConsent, wantsMeldcode: b.meldcode,
      files: cleaned.files, submissionKey: b.idempotencyKey ?? null,
    }, notifierOf(api));
    return reply.status(201).send({ number: receipt.number, handlingText: category.handlingText, responseDays: category.responseDays, meldcode: receipt.meldcode });
  });

  r.post('/meldpunt/public/:org/meldcode-status', {
    schema: {
      tags: TAGS, security: [{}],
      summary: 'Met meldcode en geheime zin: de stand van een melding (ontvangen, in behandeling, afgerond) en de vragen van de behandelaar',
      params: ZOrgParams, body: ZSecret, response: { 200: ZCodeView, ...problems, ...tooMany },
    },
  }, async (req) => readByMeldcode(db, await holderOf(req, req.params.org, req.body)));

  for (const [path, kind] of [['answers', 'answer'], ['additions', 'addition']] as const) {
    r.post(`/meldpunt/public/:org/${path}`, {
      schema: {
        tags: TAGS, security: [{}],
        summary: kind === 'answer' ? 'Met meldcode en geheime zin: de open vraag van de behandelaar beantwoorden' : 'Met meldcode en geheime zin: informatie aan een melding toevoegen',
        params: ZOrgParams, body: ZSecret.extend({ body: z.string().trim().min(1).max(5000) }), response: { 201: ZCodeView, ...problems, ...tooMany },
      },
    }, async (req, reply) => {
      const holder = await holderOf(req, req.params.org, req.body);
      const result = await addFromReporter(db, holder, kind, req.body.body, notifierOf(api));
      if (result === 'closed') throw new AppError('conflict', T.closedNoMore);
      if (result === 'no_question') throw new AppError('conflict', T.noQuestions);
      return reply.status(201).send(await readByMeldcode(db, holder));
    });
  }
}
