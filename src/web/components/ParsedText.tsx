import { DataBadge } from '@utrecht/component-library-react';
import type { TFrequency } from '../../domain/frequency.ts';
import type { TTimeframe } from '../../domain/timeframe.ts';
import { suggestFrequency, suggestTimeframe } from '../../domain/parse-suggestions.ts';
import { nl } from '../../text/nl/web.ts';
import { useSession } from '../session/SessionContext.tsx';
import { formatFrequency, formatTimeframe } from '../../text/format.ts';

interface Props {
  /** The text as written in the programme. */
  text: string;
  /** Regie's reading of it; null when it could not read it. */
  parsed: string | null;
  /** What Regie guesses was meant, when it could not read the text. */
  suggestion: string | null;
}

/** Who writes programmes: they get the "niet herkend" hint. For readers it is an internal status, not an alarm (D13). */
function useIsWriter(): boolean {
  return (useSession().user?.memberships ?? []).some((m) => m.role === 'adviseur' || m.role === 'beheerder');
}

/** Whether the reading only repeats the text ("1x per 2 weken" → "1× per 2 weken"). */
const isSame = (text: string, parsed: string) =>
  text.toLowerCase().replace(/(\d)\s*x\b/g, '$1×').replace(/\s+/g, ' ').trim() === parsed.toLowerCase();

/**
 * A tijdpad or frequency as written, with Regie's reading under it; one it could not read gets, for advisers, a "niet
 * herkend" badge and a suggestion, and for everyone else only the text.
 */
function ParsedText({ text, parsed, suggestion }: Props) {
  const isWriter = useIsWriter();
  if (!text.trim()) return <>{nl.app.empty}</>;
  return (
    <>
      <span className="regie-parsed__text">{text}</span>
      {parsed === null ? (
        isWriter && (
          <>
            <DataBadge className="regie-badge regie-badge--warning" title={nl.activity.notRecognisedHelp}>
              {nl.activity.notRecognised}
            </DataBadge>
            {suggestion && <span className="regie-parsed__reading">{nl.activity.suggestion(suggestion)}</span>}
          </>
        )
      ) : (
        !isSame(text, parsed) && (
          <span className="regie-parsed__reading">
            <span className="regie-visually-hidden">{nl.activity.parsedAs} </span>
            {parsed}
          </span>
        )
      )}
    </>
  );
}

export function TimeframeText({ text, timeframe }: { text: string; timeframe: TTimeframe }) {
  return <ParsedText text={text} parsed={formatTimeframe(timeframe)} suggestion={timeframe.kind === 'unparsed' ? suggestTimeframe(text) : null} />;
}

export function FrequencyText({ text, frequency }: { text: string; frequency: TFrequency }) {
  return <ParsedText text={text} parsed={formatFrequency(frequency)} suggestion={frequency.kind === 'unparsed' ? suggestFrequency(text) : null} />;
}
