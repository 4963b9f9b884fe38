import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, type FieldError } from '../../domain/errors.ts';
import { fieldMessage } from '../../text/field-messages.ts';

/** An RFC 9457 problem document. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  errors?: FieldError[];
}

/** A problem document as the OpenAPI document declares it, and the error answers every route may give. */
export const ZProblem = z.object({
  type: z.string(), title: z.string(), status: z.number(), code: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
/** An id in a path. Not checked as a uuid here: an id that is not one cannot exist, so the app answers 404, not 422. */
export const ZIdParam = z.object({ id: z.string().max(100) });

/** An error answer in the OpenAPI document: a problem document, as `application/problem+json` (RFC 9457). */
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ZProblem } } });
export const problems = {
  400: problem('Ongeldig verzoek'), 401: problem('Niet ingelogd'), 403: problem('Geen toegang'),
  404: problem('Niet gevonden (of niet zichtbaar voor u)'), 409: problem('Conflict met de huidige toestand'),
  422: problem('De invoer is niet geldig'),
};

/** PostgreSQL error codes that are the client's doing, not the server's. */
const PG_CODES: Record<string, AppError> = {
  '23503': new AppError('in_use', 'Dit wordt nog gebruikt door andere gegevens en kan niet worden verwijderd of gewijzigd'),
  '23505': new AppError('conflict', 'Dit bestaat al'),
  '22P02': new AppError('bad_request', 'Ongeldige waarde in het verzoek'),
  '23514': new AppError('validation', 'De invoer voldoet niet aan de regels'),
  // A deadlock or serialization failure outside a transaction the client can simply repeat.
  '40P01': new AppError('conflict', 'Iemand anders wijzigde dit tegelijk met u. Laad opnieuw en probeer het nog eens.'),
  '40001': new AppError('conflict', 'Iemand anders wijzigde dit tegelijk met u. Laad opnieuw en probeer het nog eens.'),
};

/** Maps any error to a problem document; unknown errors become a 500 without details. */
export function toProblem(err: unknown): Problem {
  let app: AppError;
  if (err instanceof AppError) app = err;
  else if (hasZodFastifySchemaValidationErrors(err)) {
    const where = (err as { validationContext?: string }).validationContext;
    app = new AppError(
      where === 'body' ? 'validation' : 'bad_request',
      'De invoer is niet geldig',
      err.validation.map((v) => ({
        path: [where === 'body' ? '' : where, ...v.instancePath.split('/').filter(Boolean)].filter(Boolean).join('.'),
        message: v.message ?? 'Ongeldig',
      })),
    );
  } else if (typeof (err as { code?: unknown })?.code === 'string' && PG_CODES[(err as { code: string }).code]) {
    app = PG_CODES[(err as { code: string }).code];
  } else if (/^22[0-9A-Z]{3}$/.test(String((err as { code?: unknown })?.code))) {
    // Class 22, data exception: a value the database cannot take (out of range, bad encoding).
    app = new AppError('validation', 'Een waarde in het verzoek kan niet worden opgeslagen');
  } else {
    const fe = err as FastifyError;
    if (fe.statusCode === 429) {
      // The per-instance rate limit (@fastify/rate-limit) on login and recovery routes.
      app = new AppError('too_many_requests', 'Te veel pogingen in korte tijd. Wacht een minuut en probeer het dan opnieuw.');
    } else if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      const title = fe.statusCode === 413 ? 'Het verzoek is te groot' : fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
        ? 'Stuur JSON (application/json)' : 'Ongeldig verzoek';
      return { type: 'about:blank', title, status: fe.statusCode, code: 'bad_request' };
    } else {
      app = new AppError('internal', 'Er ging iets mis aan onze kant. Probeer het later opnieuw.');
    }
  }
  return {
    type: `https://regie.example/problems/${app.code}`,
    title: app.message,
    status: app.status,
    code: app.code,
    ...(app.fields.length ? { errors: app.fields } : {}),
  };
}

/** Fastify error handler: problem+json, and a log line without request bodies (they may hold personal data). */
export function handleError(err: unknown, request: FastifyRequest, reply: FastifyReply) {
  const problem = toProblem(err);
  // "Vul de naam van de activiteit in" rather than "Verplicht veld": the collection is the path's first part.
  const collection = request.url.match(/^\/api\/v1\/([\w-]+)/)?.[1];
  if (problem.errors && collection) problem.errors = problem.errors.map((e) => ({ ...e, message: fieldMessage(collection, e.path, e.message) }));
  if (problem.code === 'internal') request.log.error({ err }, 'request failed');
  return reply.status(problem.status).type('application/problem+json').send(problem);
}
