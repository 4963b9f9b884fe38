import { z } from 'zod';
import { ROLES } from './permissions.ts';

/*
 * Shapes of the account and audit answers of the API: the response schemas of the server and the types of the web app.
 */

/** A user's role in one organisation (GET /organisations/{id}/members). */
export const ZMember = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  isActive: z.boolean(),
  hasPassword: z.boolean(),
});
export type TMember = z.infer<typeof ZMember>;

/** A one-time link: its token (shown once) and until when it works. */
export const ZOneTimeLink = z.object({ token: z.string(), expiresAt: z.string() });
export type TOneTimeLink = z.infer<typeof ZOneTimeLink>;

/** The answer to adding a member: a link only when Regie created the account. */
export const ZAddedMember = z.object({ member: ZMember, link: ZOneTimeLink.nullable() });
export type TAddedMember = z.infer<typeof ZAddedMember>;

/** One row of the audit trail (GET /audit). */
export const ZAuditEvent = z.object({
  id: z.number(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  actorLabel: z.string(),
  organisationId: z.string().nullable(),
  action: z.string(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type TAuditEvent = z.infer<typeof ZAuditEvent>;

/** An API token as the beheerder sees it; the secret itself only once, when it is made. */
export const ZApiToken = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  createdAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type TApiToken = z.infer<typeof ZApiToken>;
