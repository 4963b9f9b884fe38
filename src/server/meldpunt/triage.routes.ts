import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZId } from '../../domain/schemas.ts';
import { MELDING_STATUSES } from '../../domain/meldpunt.ts';
import {
  ZCreated, ZMeldingDetail, ZMeldingPatch, ZMergeInput, ZMessage, ZNoteInput, ZQueue, ZQueueQuery, ZQuestionInput,
  ZSignalCategories, ZSignalInput, ZStatusInput, ZTipInput, ZTriageInput,
} from '../../domain/meldpunt-triage.ts';
import type { Db } from '../db/client.ts';
import { notifierOf } from './notifications.ts';
import type { RequestContext } from '../core/context.ts';
import { problems, ZIdParam } from '../http/errors.ts';
import { fileResponse } from '../http/file-response.ts';
import { listQueue } from './queue.ts';
import { getMelding } from './melding.ts';
import { changeMelding } from './assign.ts';
import { addNote } from './notes.ts';
import { askReporter } from './question.ts';
import { changeStatus } from './status.ts';
import { recordTriage } from './triage.ts';
import { mergeMelding } from './merge.ts';
import { meldingFile } from './files.ts';
import { reportSignal, signalCategories } from './internal-signal.ts';
import { registerTip } from './mma-tip.ts';

const tags = ['meldpunt'];
const ZChanged = z.object({ id: ZId, version: z.number(), status: z.enum(MELDING_STATUSES) });

/** The meldpunt's routes of intake and triage: the queue, a melding, assign, notes, merge, link, question, status, CCV triage, internal signals and M. tips (issue 13, part 3–4). */
export function registerTriageRoutes(api: FastifyInstance, db: Db, ctxOf: (req: FastifyRequest) => RequestContext): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const cipher = () => api.cipher;

  r.get('/meldpunt/meldingen', {
    schema: {
      tags, summary: 'Wachtrij van de behandelaar: de meldingen die u behandelt, met hun leeftijd tegen de reactietermijn',
      querystring: ZQueueQuery, response: { 200: ZQueue, ...problems },
    },
  }, async (req) => listQueue(db, ctxOf(req), req.query));

  r.get('/meldpunt/meldingen/:id', {
    schema: {
      tags, summary: 'Eén melding: antwoorden, bijlagen, geschiedenis, notities; contactgegevens gemaskeerd tenzij u de melding behandelt',
      params: ZIdParam, response: { 200: ZMeldingDetail, ...problems },
    },
  }, async (req) => getMelding(db, cipher(), ctxOf(req), req.params.id));

  r.patch('/meldpunt/meldingen/:id', {
    schema: {
      tags, summary: 'Melding toewijzen aan een behandelaar of koppelen aan een thema of activiteit (met versie)',
      params: ZIdParam, body: ZMeldingPatch, response: { 200: ZChanged, ...problems },
    },
  }, async (req) => changeMelding(db, ctxOf(req), req.params.id, req.body));

  r.post('/meldpunt/meldingen/:id/notes', {
    schema: { tags, summary: 'Interne notitie bij een melding', params: ZIdParam, body: ZNoteInput, response: { 201: ZMessage, ...problems } },
  }, async (req, reply) => reply.status(201).send(await addNote(db, ctxOf(req), req.params.id, req.body.body)));

  r.post('/meldpunt/meldingen/:id/questions', {
    schema: {
      tags, summary: 'Vraag aan de melder (zichtbaar met de meldcode); de melding wacht dan op de melder',
      params: ZIdParam, body: ZQuestionInput, response: { 200: ZChanged, ...problems },
    },
  }, async (req) => askReporter(db, ctxOf(req), req.params.id, req.body.body, req.body.version));

  r.post('/meldpunt/meldingen/:id/status', {
    schema: {
      tags, summary: 'Status wijzigen volgens de toegestane stappen; afsluiten en heropenen vragen een toelichting',
      params: ZIdParam, body: ZStatusInput, response: { 200: ZChanged, ...problems },
    },
  }, async (req) => changeStatus(db, ctxOf(req), req.params.id, req.body));

  r.post('/meldpunt/meldingen/:id/triage', {
    schema: {
      tags, summary: 'Een weging (1–4) van het CCV-modelprotocol vastleggen; "geen actie" sluit af en bewaart een jaar',
      params: ZIdParam, body: ZTriageInput, response: { 200: ZChanged, ...problems },
    },
  }, async (req) => recordTriage(db, ctxOf(req), req.params.id, req.body.answer, req.body.version));

  r.post('/meldpunt/meldingen/:id/merge', {
    schema: {
      tags, summary: 'Dubbele melding samenvoegen met een hoofdmelding van dezelfde gemeente',
      params: ZIdParam, body: ZMergeInput, response: { 200: ZChanged, ...problems },
    },
  }, async (req) => mergeMelding(db, ctxOf(req), req.params.id, req.body.mainId, req.body.version));

  r.get('/meldpunt/meldingen/:id/files/:fileId', {
    schema: {
      tags, summary: 'Bijlage van een melding downloaden (zonder metadata opgeslagen)',
      params: z.object({ id: z.string().max(100), fileId: z.string().max(100) }),
      response: { 200: fileResponse('application/octet-stream', 'De bijlage (JPEG, PNG of PDF)'), ...problems },
    },
  }, async (req, reply) => {
    const fileId = /^[0-9a-f-]{36}$/.test(req.params.fileId) ? req.params.fileId : '00000000-0000-0000-0000-000000000000';
    const f = await meldingFile(db, ctxOf(req), req.params.id, fileId);
    reply.header('content-disposition', `attachment; filename="${f.fileName}"`);
    reply.header('cache-control', 'no-store');
    return reply.type(f.mediaType).send(f.bytes);
  });

  r.get('/meldpunt/signals/categories', {
    schema: { tags, summary: 'Gemeenten en categorieën waarin u een intern signaal kunt melden', response: { 200: ZSignalCategories, ...problems } },
  }, async (req) => signalCategories(db, ctxOf(req)));

  r.post('/meldpunt/signals', {
    schema: {
      tags, summary: 'Intern signaal melden (medewerker van de gemeente); legt vast wie het meldde',
      body: ZSignalInput, response: { 201: ZCreated, ...problems },
    },
  }, async (req, reply) => reply.status(201).send(await reportSignal(db, cipher(), ctxOf(req), req.body, notifierOf(api))));

  r.post('/meldpunt/tips', {
    schema: {
      tags, summary: 'Tip van Meld Misdaad Anoniem registreren (behandelaar); zonder gegevens van een melder',
      body: ZTipInput, response: { 201: ZCreated, ...problems },
    },
  }, async (req, reply) => reply.status(201).send(await registerTip(db, cipher(), ctxOf(req), req.body, notifierOf(api))));
}
