import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZActivityProgress, ZOccurrence, ZOccurrenceInput, ZProgressInput, ZProgressResult } from '../../domain/progress.ts';
import { ZMyUpdates, ZReminderResult, ZRound, ZRoundDetail, ZRoundOpen } from '../../domain/rounds.ts';
import { ZId } from '../../domain/schemas.ts';
import type { Db } from '../db/client.ts';
import type { RequestContext } from '../core/access.ts';
import { addOccurrence, addProgress, deleteOccurrence, getActivityProgress } from './progress.ts';
import { problems, ZIdParam } from '../http/errors.ts';
import { closeRound, getRound, listRounds, myUpdates, openRound, sendReminders } from './rounds.ts';


/**
 * Monitoring (issue 4): progress and occurrences of an activity, the update rounds of a programme, and the user's
 * awaited updates. The services check the rules; bodies are validated again there, with the rules between fields.
 */
export function registerProgressRoutes(app: FastifyInstance, db: Db, ctxOf: (req: FastifyRequest) => RequestContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const progress = ['progress'];
  const rounds = ['rounds'];

  r.get('/activities/:id/progress', {
    schema: {
      tags: progress, summary: 'Voortgang van een activiteit: geschiedenis, uitvoeringen, gepland tegen gerealiseerd, lopende ronde',
      params: ZIdParam, response: { 200: ZActivityProgress, ...problems },
    },
  }, async (req) => getActivityProgress(db, ctxOf(req), req.params.id));

  r.post('/activities/:id/progress', {
    schema: {
      tags: progress,
      summary: 'Voortgang toevoegen: toelichting, nieuwe status (met versie), percentage of mijlpaal. Vertraagd, vervallen en heropenen vragen een toelichting.',
      params: ZIdParam, body: ZProgressInput, response: { 201: ZProgressResult, ...problems },
    },
  }, async (req, reply) => reply.status(201).send(await addProgress(db, ctxOf(req), req.params.id, req.body)));

  r.post('/activities/:id/occurrences', {
    schema: {
      tags: progress, summary: 'Een uitvoering vastleggen (datum, notitie) van een activiteit met een frequentie',
      params: ZIdParam, body: ZOccurrenceInput, response: { 201: ZOccurrence, ...problems },
    },
  }, async (req, reply) => reply.status(201).send(await addOccurrence(db, ctxOf(req), req.params.id, req.body)));

  r.delete('/activities/:id/occurrences/:occurrenceId', {
    schema: {
      tags: progress, summary: 'Een per vergissing vastgelegde uitvoering verwijderen',
      params: z.object({ id: z.string().max(100), occurrenceId: ZId }), response: { 204: z.null(), ...problems },
    },
  }, async (req, reply) => {
    await deleteOccurrence(db, ctxOf(req), req.params.id, req.params.occurrenceId);
    return reply.status(204).send(null);
  });

  r.get('/plans/:id/rounds', {
    schema: { tags: rounds, summary: 'Updaterondes van een programma', params: ZIdParam, response: { 200: z.array(ZRound), ...problems } },
  }, async (req) => listRounds(db, ctxOf(req), req.params.id));

  r.post('/plans/:id/rounds', {
    schema: {
      tags: rounds, summary: 'Een updateronde openen voor een kwartaal (adviseur); één per kwartaal, één tegelijk open',
      params: ZIdParam, body: ZRoundOpen, response: { 201: ZRound, ...problems },
    },
  }, async (req, reply) => reply.status(201).send(await openRound(db, ctxOf(req), req.params.id, req.body)));

  r.get('/rounds/:id', {
    schema: {
      tags: rounds, summary: 'Een updateronde: per activiteit wie moet bijwerken en of dat gebeurde (live zolang open, bevroren na sluiten)',
      params: ZIdParam, response: { 200: ZRoundDetail, ...problems },
    },
  }, async (req) => getRound(db, ctxOf(req), req.params.id));

  r.post('/rounds/:id/close', {
    schema: {
      tags: rounds, summary: 'Een updateronde sluiten (adviseur): de cijfers worden vastgelegd en veranderen daarna niet meer',
      params: ZIdParam, body: z.object({ version: z.number().int().min(1) }), response: { 200: ZRoundDetail, ...problems },
    },
  }, async (req) => closeRound(db, ctxOf(req), req.params.id, req.body.version));

  r.post('/rounds/:id/reminders', {
    schema: {
      tags: rounds, summary: 'Herinneren wie nog moet bijwerken: in de app, en per e-mail als SMTP is ingesteld',
      params: ZIdParam, response: { 200: ZReminderResult, ...problems },
    },
  }, async (req) => {
    const base = app.publicUrl ?? `${req.protocol}://${req.host}`;
    return sendReminders(db, ctxOf(req), req.params.id, app.mailer, base);
  });

  r.get('/me/updates', {
    schema: { tags: rounds, summary: 'Lopende rondes met activiteiten die op mijn update wachten', response: { 200: ZMyUpdates, ...problems } },
  }, async (req) => myUpdates(db, ctxOf(req)));
}
