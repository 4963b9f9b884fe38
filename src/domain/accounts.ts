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

/** An API token works at most this many days. */
export const MAX_TOKEN_DAYS = 365;

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

/**
 * A beheerder's single sign-on configuration (PUT /organisations/{id}/sso). The client secret is write-only: needed
 * when the configuration is made and whenever the issuer or client id changes (so a changed issuer never receives the
 * old secret); left out, the stored one stays.
 */
export const ZSsoConfigInput = z.object({
  issuer: z.url({ protocol: /^https?$/, message: 'Vul het adres van de identity provider in, bijvoorbeeld https://login.gemeente.nl' }).max(500),
  clientId: z.string().trim().min(1, { message: 'Vul de client-id in' }).max(300),
  clientSecret: z.string().max(1000).optional(),
  displayName: z.string().trim().min(1, { message: 'Vul de naam op de knop in' }).max(80),
  linkByEmail: z.boolean().default(false),
  isEnabled: z.boolean().default(true),
  /** The version read; required when changing a configuration. */
  version: z.number().int().optional(),
});
export type TSsoConfigInput = z.infer<typeof ZSsoConfigInput>;

/** A stored configuration as the beheerder reads it: everything except the secret. */
export const ZSsoConfig = z.object({
  issuer: z.string(),
  clientId: z.string(),
  hasClientSecret: z.boolean(),
  displayName: z.string(),
  linkByEmail: z.boolean(),
  isEnabled: z.boolean(),
  version: z.number(),
  updatedAt: z.string(),
});
export type TSsoConfig = z.infer<typeof ZSsoConfig>;

/** GET /organisations/{id}/sso: the configuration (null when there is none) and the redirect URI to register. */
export const ZSsoSettings = z.object({ redirectUri: z.string(), config: ZSsoConfig.nullable() });
export type TSsoSettings = z.infer<typeof ZSsoSettings>;

/** GET /auth/options: the ways to log in and to recover a password this installation offers. */
export const ZLoginOptions = z.object({
  passwordResetByEmail: z.boolean(),
  sso: z.array(z.object({ organisationId: z.string(), organisationName: z.string(), displayName: z.string() })),
});
export type TLoginOptions = z.infer<typeof ZLoginOptions>;
