import { Heading } from '@utrecht/component-library-react';
import type { TTheme } from '../../domain/schemas.ts';
import { nl } from '../../text/nl/web.ts';
import { TextBlock } from './TextBlock.tsx';

const FIELDS = ['challenge', 'motivation', 'evaluation', 'ambition', 'approach'] as const;

/** A theme's narrative: challenge, motivation, evaluation, ambition, approach (those that are filled in). */
export function ThemeNarrative({ theme }: { theme: TTheme }) {
  const filled = FIELDS.filter((f) => theme[f]);
  if (!filled.length) return null;
  return (
    <section aria-labelledby="toelichting">
      <Heading level={2} id="toelichting">{nl.theme.narrative}</Heading>
      {filled.map((f) => (
        <div key={f}>
          <Heading level={3}>{nl.theme[f]}</Heading>
          <TextBlock text={theme[f]} />
        </div>
      ))}
    </section>
  );
}
