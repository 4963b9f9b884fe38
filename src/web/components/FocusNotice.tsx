import type { ReactNode, Ref } from 'react';
import { Alert } from '@utrecht/component-library-react';

interface Props {
  ref?: Ref<HTMLDivElement>;
  type?: 'ok' | 'error' | 'info' | 'warning';
  children: ReactNode;
}

/** A message after an action, in an alert that takes focus (`useFocusRequest`), so a screen reader reads it at once. */
export function FocusNotice({ ref, type = 'ok', children }: Props) {
  return (
    <div ref={ref} tabIndex={-1} className="regie-notice regie-focus-target">
      <Alert type={type}>{children}</Alert>
    </div>
  );
}
