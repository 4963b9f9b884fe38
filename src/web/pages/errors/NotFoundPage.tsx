import { NotFoundMessage } from '../../components/NotFoundMessage.tsx';

/** Any path the app does not know. */
export function NotFoundPage() {
  return <NotFoundMessage />;
}
