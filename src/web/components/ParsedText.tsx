import { DataBadge } from '@utrecht/component-library-react';
import type { TFrequency } from '../../domain/frequency.ts';
import type { TTimeframe } from '../../domain/timeframe.ts';
import { nl } from '../../text/nl/web.ts';
import { formatFrequency, formatTimeframe } from '../../text/format.ts';

interface Props {
  /** The text as written in the programme. */
  text: string;
  /** Regie's reading of it; null when it could not read it. */
  parsed: string | null;
}

/** Whether the reading only repeats the text ("1x per 2 weken" → "1× per 2 weken"). */
const isSame = (text: string, parsed: string) =>
  text.toLowerCase().replace(/(\d)\s*x\b/g, '$1×').replace(/\s+/g, ' ').trim() === parsed.toLowerCase();

/** A tijdpad or frequency as written, with Regie's reading under it or a "niet herkend" badge. */
function ParsedText({ text, parsed }: Props) {
  if (!text.trim()) return <>{nl.app.empty}</>;
  return (
    <>
      <span className="regie-parsed__text">{text}</span>
      {parsed === null ? (
        <DataBadge className="regie-badge regie-badge--warning" title={nl.activity.notRecognisedHelp}>
          {nl.activity.notRecognised}
        </DataBadge>
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
  return <ParsedText text={text} parsed={formatTimeframe(timeframe)} />;
}

export function FrequencyText({ text, frequency }: { text: string; frequency: TFrequency }) {
  return <ParsedText text={text} parsed={formatFrequency(frequency)} />;
}
