import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { Paragraph } from '@utrecht/component-library-react';
import { takeSavedNotice } from '../lib/savedNotice.ts';
import { useFocusRequest } from '../lib/useFocusRequest.ts';
import { FocusNotice } from './FocusNotice.tsx';

/** The notice a form left after saving, on the page it returned to, focused so a screen reader reads it at once. */
export function SavedNotice() {
  const location = useLocation();
  // Kept with the page it was left for: it disappears on the next navigation.
  const [notice, setNotice] = useState<{ key: string; text: string } | null>(null);
  const [ref, focus] = useFocusRequest<HTMLDivElement>();
  useEffect(() => {
    const text = takeSavedNotice();
    if (!text) return;
    setNotice({ key: location.key, text });
    focus();
  }, [location.key, focus]);
  if (!notice || notice.key !== location.key) return null;
  const { text } = notice;
  return (
    <FocusNotice ref={ref}>
      <Paragraph>{text}</Paragraph>
    </FocusNotice>
  );
}
