import { useState } from 'react';
import { ApiError } from '../api/client.ts';
import { errorMessage } from '../components/LoadState.tsx';
import { useFocusRequest } from '../lib/useFocusRequest.ts';

/** Messages per field name. */
export type FieldErrors = Record<string, string>;

/** An e-mail address as far as the browser can tell; the server checks the rest. */
export const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());

interface Options {
  /** Field names in the order they appear, for the error summary. */
  fieldOrder: readonly string[];
  labels: Record<string, string>;
}

/**
 * The errors of a small form: per field and for the whole form, with the error summary's items and focus. The
 * server's field errors land on their fields; what belongs to no field shown goes on top.
 */
export function useFormErrors({ fieldOrder, labels }: Options) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string>();
  const [summaryRef, focusSummary] = useFocusRequest<HTMLDivElement>();

  const show = (next: FieldErrors, message?: string) => {
    setErrors(next);
    setGeneral(message);
    focusSummary();
  };
  const clear = () => {
    setErrors({});
    setGeneral(undefined);
  };

  /**
   * A failed request: `fieldOf` maps the server's path to a field of the form; `hint` follows an error on something
   * the form does not show (the link's token).
   */
  const showServerError = (err: unknown, fieldOf: (path: string) => string = (p) => p.split('.')[0], hint?: string) => {
    const fields: FieldErrors = {};
    const other: string[] = [];
    if (err instanceof ApiError) {
      for (const e of err.errors) {
        const field = fieldOf(e.path);
        if (fieldOrder.includes(field)) fields[field] ??= e.message;
        else other.push(e.message);
      }
    }
    show(fields, [errorMessage(err), ...other, ...(hint && other.length ? [hint] : [])].join(' '));
  };

  const items = fieldOrder.filter((f) => errors[f]).map((f) => ({ field: f, message: errors[f], label: labels[f] ?? f }));
  return { errors, general, items, summaryRef, show, clear, showServerError };
}
