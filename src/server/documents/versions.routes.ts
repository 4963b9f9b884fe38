import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZPlanComparison } from '../../domain/plan-content.ts';
import { ZId } from '../../domain/schemas.ts';
import { ZDocumentVersion, ZPlanVersions, ZVersionAdopt, ZVersionCouncil, ZVersionPublish } from '../../domain/versions.ts';
import type { Db } from '../db/client.ts';
import type { RequestContext } from '../core/access.ts';
import { DOCUMENT_FORMATS, type DocumentFormat } from './index.ts';
import { adoptVersion, listOrganisationVersions, comparePlanVersions, progressReportTarget, getVersion, listVersions, stepVersion, versionDocument } from './versions.ts';
import { sendDocument } from './send-document.ts';
import { problems, ZIdParam } from '../http/errors.ts';
import { fileResponse } from '../http/file-response.ts';

/**
 * Adoption workflow (issue 5, ADR 0014): adopt a plan, a closed round's progress report or the evaluation report as a
 * frozen version, send it to the council, publish it; the
 * versions, their stored files, and the comparison of two versions or a version and the live draft.
 */
export function registerVersionRoutes(app: FastifyInstance, db: Db, ctxOf: (req: FastifyRequest) => RequestContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['versions'];

  r.get('/plans/:id/versions', {
    schema: {
      tags, summary: 'Vastgestelde versies van een plan (zonder bestanden), nieuwste eerst, en of de huidige tekst ervan afwijkt',
      params: ZIdParam, response: { 200: ZPlanVersions, ...problems },
    },
  }, async (req) => listVersions(db, ctxOf(req), req.params.id));

  r.get('/organisations/:id/versions', {
    schema: {
      tags, summary: 'De vastgestelde versies van de plannen van een organisatie die u mag lezen (zonder bestanden), per plan nieuwste eerst',
      params: ZIdParam, response: { 200: z.array(ZDocumentVersion), ...problems },
    },
  }, async (req) => listOrganisationVersions(db, ctxOf(req), req.params.id));

  r.post('/plans/:id/versions', {
    schema: {
      tags, summary: 'Het plan vaststellen (adviseur): tekst en documenten worden bevroren als de volgende versie; het plan krijgt status vastgesteld',
      params: ZIdParam, body: ZVersionAdopt, response: { 201: ZDocumentVersion, ...problems },
    },
  }, async (req, reply) => reply.status(201).send(await adoptVersion(db, ctxOf(req), { document: 'plan', planId: req.params.id }, req.body)));

  r.post('/rounds/:id/versions', {
    schema: {
      tags, summary: 'De voortgangsrapportage van een gesloten updateronde vaststellen (adviseur): bevroren als de volgende versie van die rapportage, bij het plan van de ronde; 409 voor een open ronde',
      params: ZIdParam, body: ZVersionAdopt, response: { 201: ZDocumentVersion, ...problems },
    },
  }, async (req, reply) => {
    const ctx = ctxOf(req);
    return reply.status(201).send(await adoptVersion(db, ctx, await progressReportTarget(db, ctx, req.params.id), req.body));
  });

  r.post('/plans/:id/evaluation/versions', {
    schema: {
      tags, summary: 'Het evaluatierapport vaststellen (adviseur): de cijfers van vandaag bevroren als de volgende versie; de status van het plan blijft',
      params: ZIdParam, body: ZVersionAdopt, response: { 201: ZDocumentVersion, ...problems },
    },
  }, async (req, reply) => reply.status(201).send(await adoptVersion(db, ctxOf(req), { document: 'evaluation', planId: req.params.id }, req.body)));

  r.get('/versions/:id', {
    schema: { tags, summary: 'Een vastgestelde versie: feiten en de SHA-256 van de inhoud', params: ZIdParam, response: { 200: ZDocumentVersion, ...problems } },
  }, async (req) => getVersion(db, ctxOf(req), req.params.id));

  r.post('/versions/:id/council', {
    schema: {
      tags, summary: 'Ter kennisname aan de raad of een commissie gezonden (met versie)',
      params: ZIdParam, body: ZVersionCouncil, response: { 200: ZDocumentVersion, ...problems },
    },
  }, async (req) => stepVersion(db, ctxOf(req), req.params.id, 'council', req.body));

  r.post('/versions/:id/publish', {
    schema: { tags, summary: 'Publiceren (met versie): daarna leest iedereen deze versie', params: ZIdParam, body: ZVersionPublish, response: { 200: ZDocumentVersion, ...problems } },
  }, async (req) => stepVersion(db, ctxOf(req), req.params.id, 'publish', req.body));

  for (const format of Object.keys(DOCUMENT_FORMATS) as DocumentFormat[]) {
    r.get(`/versions/:id/document.${format}`, {
      schema: {
        tags, summary: `Het document van een versie (${format}), precies zoals vastgesteld (in het auditlogboek)`, params: ZIdParam,
        response: { 200: fileResponse(DOCUMENT_FORMATS[format].type, DOCUMENT_FORMATS[format].description), ...problems },
      },
    }, async (req, reply) => {
      const doc = await versionDocument(db, ctxOf(req), req.params.id, format);
      return sendDocument(db, req, reply, { ...doc, entity: 'versions', entityId: req.params.id, format });
    });
  }

  r.get('/plans/:id/compare', {
    schema: {
      tags, summary: 'Twee versies vergelijken, of een versie met de huidige tekst (to=draft): per thema, activiteit en begrotingspost toegevoegd, gewijzigd, verwijderd',
      params: ZIdParam,
      querystring: z.object({ from: ZId, to: z.union([ZId, z.literal('draft')]) }),
      response: { 200: ZPlanComparison, ...problems },
    },
  }, async (req) => comparePlanVersions(db, ctxOf(req), req.params.id, req.query.from, req.query.to));
}
