/*
 * Local drafts of long forms (progress notes, the collegevoorstel): the user's own text on their own machine, kept in
 * localStorage per user and record so a reload or a crash loses nothing (review D3). Cleared after saving and at logout.
 */
const PREFIX = 'regie:concept:';

export interface Draft<T> {
  values: T;
  /** When it was last written (ISO). */
  savedAt: string;
}

const keyOf = (userId: string, recordKey: string) => `${PREFIX}${userId}:${recordKey}`;

/** The draft of a user's form for a record, if there is one. */
export function readDraft<T>(userId: string, recordKey: string): Draft<T> | null {
  try {
    const raw = localStorage.getItem(keyOf(userId, recordKey));
    return raw ? (JSON.parse(raw) as Draft<T>) : null;
  } catch {
    return null;
  }
}

/** Keeps what the user typed; a full or refused storage only means no draft. */
export function writeDraft<T>(userId: string, recordKey: string, values: T): void {
  try {
    localStorage.setItem(keyOf(userId, recordKey), JSON.stringify({ values, savedAt: new Date().toISOString() }));
  } catch {
    // No room or no storage: the form works without a draft.
  }
}

export function removeDraft(userId: string, recordKey: string): void {
  try {
    localStorage.removeItem(keyOf(userId, recordKey));
  } catch {
    // Nothing to remove.
  }
}

/** At logout: every draft of the user goes (or of everyone, when it is not known who was signed in). */
export function clearDrafts(userId: string | undefined): void {
  try {
    const prefix = userId ? keyOf(userId, '') : PREFIX;
    const keys = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i)).filter((k) => k?.startsWith(prefix));
    keys.forEach((k) => localStorage.removeItem(k!));
  } catch {
    // No storage: no drafts.
  }
}
