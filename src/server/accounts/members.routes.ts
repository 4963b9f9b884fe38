import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZAddedMember, ZApiToken, ZMember, ZOneTimeLink } from '../../domain/accounts.ts';
import { ROLES } from '../../domain/permissions.ts';
import { ZId } from '../../domain/schemas.ts';
import type { Db } from '../db/client.ts';
import type { RequestContext } from '../core/access.ts';
import { addMember, changeRole, createPasswordLink, listMembers, removeMember } from './members.ts';
import { createToken, listTokens, MAX_TOKEN_DAYS, revokeToken } from './tokens.ts';

const ZParams = z.object({ id: z.string() });
const ZMemberParams = z.object({ id: z.string(), userId: ZId });
const tags = ['members'];

const ZTokenParams = z.object({ id: z.string(), tokenId: ZId });

/** Members and roles of an organisation, and its API tokens, managed by its beheerder. */
export function registerMemberRoutes(app: FastifyInstance, db: Db, ctxOf: (req: FastifyRequest) => RequestContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/organisations/:id/members', {
    schema: { tags, summary: 'Gebruikers en hun rol (beheerder)', params: ZParams, response: { 200: z.array(ZMember) } },
  }, async (req) => listMembers(db, ctxOf(req), req.params.id));
  r.post('/organisations/:id/members', {
    schema: {
      tags, summary: 'Gebruiker toevoegen; een nieuwe gebruiker krijgt een eenmalige link om een wachtwoord in te stellen',
      params: ZParams,
      body: z.object({ email: z.email({ message: 'Ongeldig e-mailadres' }).max(254), name: z.string().trim().min(1, { message: 'Verplicht veld' }).max(200), role: z.enum(ROLES) }),
      response: { 201: ZAddedMember },
    },
  }, async (req, reply) => reply.status(201).send(await addMember(db, ctxOf(req), req.params.id, req.body)));
  r.patch('/organisations/:id/members/:userId', {
    schema: { tags, summary: 'Rol wijzigen', params: ZMemberParams, body: z.object({ role: z.enum(ROLES) }), response: { 200: ZMember } },
  }, async (req) => changeRole(db, ctxOf(req), req.params.id, req.params.userId, req.body.role));
  r.delete('/organisations/:id/members/:userId', {
    schema: { tags, summary: 'Gebruiker uit de organisatie halen', params: ZMemberParams, response: { 204: z.null() } },
  }, async (req, reply) => {
    await removeMember(db, ctxOf(req), req.params.id, req.params.userId);
    return reply.status(204).send(null);
  });
  r.post('/organisations/:id/members/:userId/password-link', {
    schema: { tags, summary: 'Eenmalige link om een (nieuw) wachtwoord in te stellen; lopende sessies eindigen', params: ZMemberParams, response: { 201: ZOneTimeLink } },
  }, async (req, reply) => reply.status(201).send(await createPasswordLink(db, ctxOf(req), req.params.id, req.params.userId)));
  r.get('/organisations/:id/tokens', {
    schema: { tags: ['tokens'], summary: 'API-tokens van de organisatie (beheerder; zonder geheim)', params: ZParams, response: { 200: z.array(ZApiToken) } },
  }, async (req) => listTokens(db, ctxOf(req), req.params.id));
  r.post('/organisations/:id/tokens', {
    schema: {
      tags: ['tokens'], summary: 'API-token maken voor een koppeling: één organisatie, één rol; het geheim staat alleen in dit antwoord',
      params: ZParams,
      body: z.object({
        name: z.string().trim().min(1, { message: 'Verplicht veld' }).max(200),
        role: z.enum(ROLES),
        expiresInDays: z.number().int().min(1).max(MAX_TOKEN_DAYS).default(90),
      }),
      response: { 201: z.object({ token: z.string(), apiToken: ZApiToken }) },
    },
  }, async (req, reply) => reply.status(201).send(await createToken(db, ctxOf(req), req.params.id, req.body)));
  r.delete('/organisations/:id/tokens/:tokenId', {
    schema: { tags: ['tokens'], summary: 'API-token intrekken', params: ZTokenParams, response: { 204: z.null() } },
  }, async (req, reply) => {
    await revokeToken(db, ctxOf(req), req.params.id, req.params.tokenId);
    return reply.status(204).send(null);
  });
}
