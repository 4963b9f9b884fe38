import type { FastifySchema } from 'fastify';
import type { SwaggerTransform } from '@fastify/swagger';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/*
 * The OpenAPI document's own parts (app.ts registers @fastify/swagger with them): its version and licence, how a
 * client signs in, and an operationId for every route. `npm run lint:api` checks the document (docs/api.md).
 */

/** The API's version: semantic versioning (NL API Design Rules, /core/semver); its major is the /api/v1 of the paths. */
export const API_VERSION = '1.0.0';

/** A session, a token, or nobody ({}: anonymous). */
const ANY_OF_SIGN_INS: Record<string, string[]>[] = [{ sessie: [] }, { token: [] }, {}];

/**
 * How a request is authenticated: the web app's session cookie (writes also carry the X-CSRF-Token header), or an
 * organisation's API token as a bearer token – or neither: anonymous, and what it may read is decided per record.
 */
export const openapiSecurity = (sessionCookie: string) => ({
  components: {
    securitySchemes: {
      sessie: {
        type: 'apiKey' as const, in: 'cookie' as const, name: sessionCookie,
        description: 'De sessie na inloggen (POST /api/v1/auth/login); een wijziging stuurt ook de header X-CSRF-Token mee',
      },
      token: { type: 'http' as const, scheme: 'bearer', description: 'Een API-token van een organisatie, voor koppelingen' },
    },
  },
  security: ANY_OF_SIGN_INS,
});

/** `GET /api/v1/plans/:id/document.pdf` → `getPlansByIdDocumentPdf`: unique as long as method and path are. */
export function operationId(method: string, url: string): string {
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  const words = url.replace(/^\/api\/v\d+/, '').split('/').filter(Boolean)
    .flatMap((segment) => (segment.startsWith(':') ? ['by', segment.slice(1)] : segment.split(/[^A-Za-z0-9]+/)))
    .filter(Boolean);
  return method.toLowerCase() + words.map(cap).join('');
}

/** The Zod schemas as JSON Schema (fastify-type-provider-zod), and an operationId where the route names none. */
export const openapiTransform: SwaggerTransform<FastifySchema & { hide?: boolean }> = (input) => {
  const result = jsonSchemaTransform(input);
  const method = input.route.method;
  if (!result.schema || (result.schema as { hide?: boolean }).hide || typeof method !== 'string' || 'operationId' in result.schema) return result;
  return { ...result, schema: { ...result.schema, operationId: operationId(method, result.url) } };
};
