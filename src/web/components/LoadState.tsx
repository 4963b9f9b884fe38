import type { ReactNode } from 'react';
import { Alert, Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { ApiError } from '../api/client.ts';
import { nl } from '../../text/nl/web.ts';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import type { Loaded } from '../lib/useLoad.ts';
import { useSession } from '../session/SessionContext.tsx';
import { LoginLink } from './LoginLink.tsx';
import { NotFoundMessage } from './NotFoundMessage.tsx';

/** The Dutch message for any error: the API's own title where it gave one, else the message of its code. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'network' || error.code === 'unknown' || !error.message) return nl.errors[error.code];
    return error.message;
  }
  return nl.errors.unknown;
}

/** An error while loading, with a way to try again; "not found" (also for what the user may not see) as such. */
export function LoadError({ error, onRetry, isNested }: { error: unknown; onRetry?: () => void; isNested?: boolean }) {
  if (error instanceof ApiError && error.status === 404) return <NotFoundMessage isNested={isNested} />;
  return <OtherError error={error} onRetry={onRetry} isNested={isNested} />;
}

function OtherError({ error, onRetry, isNested }: { error: unknown; onRetry?: () => void; isNested?: boolean }) {
  const { user } = useSession();
  const needsLogin = !user && error instanceof ApiError && (error.status === 401 || error.status === 403);
  useDocumentTitle(isNested ? undefined : nl.errorTitle);
  return (
    <Alert type="error">
      <Heading level={isNested ? 2 : 1}>{nl.errorTitle}</Heading>
      <Paragraph>{errorMessage(error)}</Paragraph>
      {needsLogin && (
        <Paragraph>
          <LoginLink />
        </Paragraph>
      )}
      {onRetry && !needsLogin && (
        <Button appearance="secondary-action-button" onClick={onRetry}>
          {nl.retry}
        </Button>
      )}
    </Alert>
  );
}

/** "Bezig met laden…", announced politely. */
export function Loading() {
  return (
    <Paragraph role="status" className="regie-loading">
      {nl.app.loading}
    </Paragraph>
  );
}

interface LoadStateProps<T> {
  state: Loaded<T>;
  children: (data: T) => ReactNode;
  /** Part of a page that has its own h1 (a table below filters). */
  isNested?: boolean;
}

/** Renders loaded data, or the loading or error state. */
export function LoadState<T>({ state, children, isNested }: LoadStateProps<T>) {
  if (state.data !== undefined) return <>{children(state.data)}</>;
  if (state.error) return <LoadError error={state.error} onRetry={state.reload} isNested={isNested} />;
  return <Loading />;
}
