/*
 * A user's input repeated in a message ("Onbekend thema "…"") is cut: a message names what is wrong, it does not
 * echo a file back. Every message that quotes an uploaded file, a form field or a header uses `quoted`.
 */

/** The most characters of a user's input a message repeats. */
export const MAX_QUOTED_CHARS = 200;

/** Text (a cell, a line, a name) as a message quotes it: at most `max` characters, cut with "…". */
export function quoted(value: unknown, max = MAX_QUOTED_CHARS): string {
  const text = typeof value === 'string' ? value : String(value ?? '');
  if (text.length <= max) return text;
  // Cut before a lone high surrogate, so the message stays valid UTF-16.
  const end = /[\uD800-\uDBFF]/.test(text[max - 1]) ? max - 1 : max;
  return `${text.slice(0, end)}…`;
}
