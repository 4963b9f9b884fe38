import { useEffect } from 'react';
import { nl } from '../../text/nl/web.ts';

/** Sets the browser tab's title: "<page> – Regie". */
export function useDocumentTitle(title: string | undefined): void {
  useEffect(() => {
    if (title) document.title = `${title} – ${nl.app.titleSuffix}`;
  }, [title]);
}
