import { useEffect, useRef, useState } from 'react';
import { readDraft, removeDraft, writeDraft } from '../session/drafts.ts';
import { useSession } from '../session/SessionContext.tsx';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A form's local draft: restored once when the form opens (`restoredAt` says from when), written a moment after each
 * change, removed when the form is back to `empty`, after `clear()` (saved) and by `discard()`. No key: no draft.
 */
export function useDraft<T>(recordKey: string | null, values: T, setValues: (values: T) => void, empty: T) {
  const signedIn = useSession().user?.id;
  const userId = recordKey === null ? undefined : signedIn;
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const openedFor = useRef<string | null>(null);
  const restore = useRef(setValues);
  restore.current = setValues;
  const cleared = useRef<T | null>(null);

  useEffect(() => {
    if (!userId || !recordKey || openedFor.current === `${userId}:${recordKey}`) return;
    openedFor.current = `${userId}:${recordKey}`;
    const draft = readDraft<T>(userId, recordKey);
    if (draft) {
      restore.current(draft.values);
      setRestoredAt(draft.savedAt);
    }
  }, [userId, recordKey]);

  useEffect(() => {
    if (!userId || !recordKey || openedFor.current !== `${userId}:${recordKey}`) return;
    // After saving, the same values are no draft until they change.
    if (cleared.current !== null && same(cleared.current, values)) return;
    cleared.current = null;
    const timer = window.setTimeout(() => {
      if (same(values, empty)) removeDraft(userId, recordKey);
      else writeDraft(userId, recordKey, values);
    }, 300);
    return () => window.clearTimeout(timer);
  }, [userId, recordKey, values, empty]);

  return {
    restoredAt,
    /** Saved: the draft has done its work. */
    clear: () => {
      if (userId && recordKey) removeDraft(userId, recordKey);
      cleared.current = values;
      setRestoredAt(null);
    },
    /** The user does not want it: back to the empty form. */
    discard: () => {
      if (userId && recordKey) removeDraft(userId, recordKey);
      setRestoredAt(null);
      setValues(empty);
    },
  };
}
