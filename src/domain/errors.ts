/** Error codes the API answers with; the web app maps each to a Dutch message. */
export const ERROR_CODES = {
  validation: 422,
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  in_use: 409,
  too_many_requests: 429,
  internal: 500,
  /** A feature this installation has not configured (e-mail without SMTP). */
  unavailable: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

/** The schemas' message for an empty required field; src/text/field-messages.ts says per field what to fill in. */
export const REQUIRED = 'Verplicht veld';

/** A failing field: its path in the request body and a Dutch message for the user. */
export interface FieldError {
  path: string;
  message: string;
}

/** The one error class of Regie: a code, a Dutch message, and where applicable the failing fields. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
    this.status = ERROR_CODES[code];
  }
}

/** Turns Zod issues into field errors ("themes.0.title"). */
export function toFieldErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldError[] {
  return issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}
