import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../domain/errors.ts';
import type { Db } from '../db/client.ts';
import { problems } from '../http/errors.ts';
import type { RequestContext } from '../core/context.ts';
import { forwardDraft, forwardMelding, listMeldingForwards, ZForwardDraft, ZForwardInput, ZMeldingForward } from './forward.ts';
import { listInbox, readForward, ZInboxForward, ZInboxItem } from './partner-inbox.ts';
import { listNotifications, markNotificationRead } from './notifications.ts';
import { adminListCategories, createCategory, updateCategory, ZCategory, ZCategoryCreate, ZCategoryPatch } from './category-admin.ts';
import { listDuties, putDuties, ZDutiesPut, ZDutyMember } from './duties-admin.ts';
import { runRetentionNow } from './retention.ts';

const ZParams = z.object({ id: z.string() });
const ZMunicipality = z.object({ municipality: z.uuid({ message: 'Ongeldige id' }) });
const ZNotification = z.object({ id: z.string(), kind: z.string(), link: z.string(), createdAt: z.string(), readAt: z.string().nullable() });

/** The meldpunt's routes of forwarding to partners, the partner's inbox, categories and duties, notifications (issue 13, part 4). */
export function registerForwardRoutes(api: FastifyInstance, db: Db, ctxOf: (req: FastifyRequest) => RequestContext): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const tags = ['meldpunt'];

  r.get('/meldpunt/meldingen/:id/forwards', {
    schema: { tags, summary: 'Doorzendingen van een melding naar partners (behandelaars van de melding)', params: ZParams, response: { ...problems, 200: z.array(ZMeldingForward) } },
  }, async (req) => listMeldingForwards(db, ctxOf(req), req.params.id));
  r.get('/meldpunt/meldingen/:id/forward-draft', {
    schema: {
      tags, summary: 'Voorstel voor de samenvatting die naar een partner gaat (zonder contactgegevens), met de partners om uit te kiezen',
      params: ZParams, response: { ...problems, 200: ZForwardDraft },
    },
  }, async (req) => forwardDraft(db, ctxOf(req), req.params.id));
  r.post('/meldpunt/meldingen/:id/forwards', {
    schema: {
      tags, summary: 'Melding doorsturen naar een partner: alleen de samenvatting, contactgegevens alleen met toestemming van de melder',
      params: ZParams, body: ZForwardInput, response: { ...problems, 201: z.object({ forward: ZMeldingForward, version: z.number().int() }) },
    },
  }, async (req, reply) => {
    const { forward, version, send } = await forwardMelding(db, ctxOf(req), api.cipher, api.mailer, api.publicUrl, req.params.id, req.body);
    void send();
    return reply.status(201).send({ forward, version });
  });

  r.get('/meldpunt/forwards', {
    schema: { tags, summary: 'Doorgestuurde meldingen aan de partnerorganisaties van de gebruiker', response: { ...problems, 200: z.array(ZInboxItem) } },
  }, async (req) => listInbox(db, ctxOf(req)));
  r.get('/meldpunt/forwards/:id', {
    schema: { tags, summary: 'Eén doorgestuurde melding (partner); markeert haar als gelezen', params: ZParams, response: { ...problems, 200: ZInboxForward } },
  }, async (req) => readForward(db, ctxOf(req), api.cipher, req.params.id));

  r.get('/notifications', {
    schema: {
      tags: ['notifications'], summary: 'Mijn notificaties, nieuwste eerst, en hoeveel ongelezen (zonder inhoud: soort en link)',
      response: { ...problems, 200: z.object({ items: z.array(ZNotification), unread: z.number().int() }) },
    },
  }, async (req) => {
    const { userId } = ctxOf(req).actor;
    if (!userId) throw new AppError('unauthorized', 'Log in om uw notificaties te zien');
    return listNotifications(db, userId);
  });
  r.post('/notifications/:id/read', {
    schema: { tags: ['notifications'], summary: 'Notificatie als gelezen markeren', params: ZParams, response: { ...problems, 204: z.null() } },
  }, async (req, reply) => {
    const { userId } = ctxOf(req).actor;
    if (!userId) throw new AppError('unauthorized', 'Log in om uw notificaties te zien');
    if (!(await markNotificationRead(db, userId, req.params.id))) throw new AppError('not_found', 'Niet gevonden');
    return reply.status(204).send(null);
  });

  r.get('/meldpunt/categories', {
    schema: { tags, summary: 'Categorieën van het meldpunt van een gemeente, ook niet-actieve (beheerder)', querystring: ZMunicipality, response: { ...problems, 200: z.array(ZCategory) } },
  }, async (req) => adminListCategories(db, ctxOf(req), req.query.municipality));
  r.post('/meldpunt/categories', {
    schema: { tags, summary: 'Categorie toevoegen (beheerder)', body: ZCategoryCreate, response: { ...problems, 201: ZCategory } },
  }, async (req, reply) => reply.status(201).send(await createCategory(db, ctxOf(req), req.body)));
  r.patch('/meldpunt/categories/:id', {
    schema: { tags, summary: 'Categorie wijzigen: vragen, teksten, termijnen, actief, volgorde (beheerder)', params: ZParams, body: ZCategoryPatch, response: { ...problems, 200: ZCategory } },
  }, async (req) => updateCategory(db, ctxOf(req), req.params.id, req.body));
  r.get('/meldpunt/duties', {
    schema: { tags, summary: 'Gebruikers van de gemeente en wie meldingen behandelt (beheerder)', querystring: ZMunicipality, response: { ...problems, 200: z.array(ZDutyMember) } },
  }, async (req) => listDuties(db, ctxOf(req), req.query.municipality));
  r.put('/meldpunt/duties', {
    schema: {
      tags, summary: 'Behandelaars van de gemeente vastleggen, voor alle of enkele categorieën (beheerder)',
      querystring: ZMunicipality, body: ZDutiesPut, response: { ...problems, 200: z.array(ZDutyMember) },
    },
  }, async (req) => putDuties(db, ctxOf(req), req.query.municipality, req.body));
  r.post('/meldpunt/retention-runs', {
    schema: {
      tags, summary: 'Bewaartermijnen nu toepassen: meldingen van de gemeente met een verstreken bewaartermijn vernietigen (beheerder, privacyfunctionaris)',
      querystring: ZMunicipality, response: { ...problems, 201: z.object({ batch: z.string(), destroyed: z.number().int() }) },
    },
  }, async (req, reply) => reply.status(201).send(await runRetentionNow(db, ctxOf(req), req.query.municipality)));
}
