import { useCallback, useEffect, useState } from 'react';
import { useSessionKey } from '../session/SessionContext.tsx';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  isLoading: boolean;
  reload: () => void;
}

/**
 * Loads data for a page and loads again when `key` changes. With `keepPrevious` the previous data stays while
 * loading again, so a filtered table does not flash empty; an answer that arrives after a newer request is dropped.
 * When someone else signs in, or the session ends, the data load again: what a user may see depends on who they are.
 */
export function useLoad<T>(load: () => Promise<T>, key: string, options: { keepPrevious?: boolean } = {}): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; isLoading: boolean }>({ isLoading: true });
  const [attempt, setAttempt] = useState(0);
  const sessionKey = useSessionKey();

  useEffect(() => {
    let isCurrent = true;
    setState((s) => ({ data: options.keepPrevious ? s.data : undefined, isLoading: true }));
    load().then(
      (data) => isCurrent && setState({ data, isLoading: false }),
      (error: unknown) => isCurrent && setState({ error, isLoading: false }),
    );
    return () => {
      isCurrent = false;
    };
    // `load` is a new function on each render; `key` says when its result changes.

  }, [key, attempt, sessionKey]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { data: state.data, error: state.error, isLoading: state.isLoading, reload };
}
