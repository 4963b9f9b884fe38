import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * A ref and a function that moves focus to it once React has rendered: for an error summary that appears after an
 * answer from the server, when a requestAnimationFrame may still come before the render.
 */
export function useFocusRequest<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [requests, setRequests] = useState(0);
  useEffect(() => {
    if (requests) ref.current?.focus();
  }, [requests]);
  const requestFocus = useCallback(() => setRequests((n) => n + 1), []);
  return [ref, requestFocus] as const;
}
