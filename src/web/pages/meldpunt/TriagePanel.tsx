import { useState, type ReactNode } from 'react';
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { CCV_APPROACHES, CCV_OUTCOMES, type TTriageAnswer } from '../../../domain/meldpunt.ts';
import type { TMeldingDetail } from '../../../domain/meldpunt-triage.ts';
import { meldpuntApi } from '../../api/meldpunt-triage.ts';
import { RadioGroupField } from '../../components/RadioGroupField.tsx';
import { TextareaField } from '../../components/TextareaField.tsx';
import { nl } from '../../../text/nl/web.ts';
import { formatDateTime } from '../../../text/format.ts';
import { ActionForm } from './ActionForm.tsx';

const T = nl.meldpuntTriage.triage;
const yesNo = [{ value: 'ja', label: T.yes }, { value: 'nee', label: T.no }];
const opts = (labels: Record<string, string>, keys: readonly string[]) => keys.map((k) => ({ value: k, label: labels[k] }));

/** The CCV Modelprotocol's four wegingen: each recorded answer with who and when, and a form per weging. */
export function TriagePanel({ melding, onDone }: { melding: TMeldingDetail; onDone: () => void }) {
  const isOpen = melding.status !== 'afgesloten' && melding.status !== 'samengevoegd';
  return (
    <section aria-labelledby="triage" className="regie-meldpunt-triage">
      <Heading level={2} id="triage">{T.heading}</Heading>
      <Paragraph>{T.intro}</Paragraph>
      {[1, 2, 3, 4].map((w) => (
        <Weging key={w} weging={w} melding={melding} isOpen={isOpen} onDone={onDone} />
      ))}
    </section>
  );
}

function Weging({ weging, melding, isOpen, onDone }: { weging: number; melding: TMeldingDetail; isOpen: boolean; onDone: () => void }) {
  const recorded = melding.triage[String(weging)];
  const canRecord = isOpen && (weging === 1 || !!melding.triage[String(weging - 1)]);
  const by = recorded && <Paragraph className="regie-cell-note">{T.recorded(recorded.decidedByName, formatDateTime(recorded.decidedAt))}</Paragraph>;
  if (canRecord) {
    return <WegingForm weging={weging} melding={melding} recorded={recorded} intro={by} onDone={onDone} />;
  }
  return (
    <div className="regie-meldpunt-weging">
      <Heading level={3}>{T.wegingen[weging]}</Heading>
      {recorded ? <><Paragraph>{summary(recorded)}</Paragraph>{by}</> : <Paragraph>{T.notYet}</Paragraph>}
    </div>
  );
}

/** A recorded answer in words. */
function summary(r: NonNullable<Rec>): string {
  const yn = (x: boolean) => (x ? T.yes : T.no);
  const parts = r.weging === 1 ? [`${T.isOndermijning} ${yn(r.isOndermijning)}`, `${T.lokaleVerankering} ${yn(r.lokaleVerankering)}`, r.signalen]
    : r.weging === 2 ? [`${T.gemeentelijkeTaak} ${yn(r.gemeentelijkeTaak)}`, `${T.grondgebied} ${yn(r.grondgebied)}`, r.toelichting]
      : r.weging === 3 ? [`${T.ernst}: ${T.ernstOptions[r.ernst]}`, `${T.uitkomst}: ${T.uitkomstOptions[r.uitkomst]}`, r.toelichting]
        : [`${T.aanpak}: ${T.aanpakOptions[r.aanpak]}`, r.toelichting];
  return parts.filter(Boolean).join(' · ');
}

type Rec = TMeldingDetail['triage'][string] | undefined;
const b = (v: boolean | undefined) => (v === undefined ? '' : v ? 'ja' : 'nee');
const str = (r: Rec, k: string) => (r && k in r ? String((r as Record<string, unknown>)[k] ?? '') : '');

function WegingForm({ weging, melding, recorded, intro, onDone }: { weging: number; melding: TMeldingDetail; recorded: Rec; intro: ReactNode; onDone: () => void }) {
  const r = recorded as Record<string, unknown> | undefined;
  const [v, setV] = useState<Record<string, string>>({
    a: r ? (weging === 1 ? b(r.isOndermijning as boolean) : weging === 2 ? b(r.gemeentelijkeTaak as boolean) : weging === 3 ? str(recorded, 'ernst') : str(recorded, 'aanpak')) : '',
    b: r ? (weging === 1 ? b(r.lokaleVerankering as boolean) : weging === 2 ? b(r.grondgebied as boolean) : weging === 3 ? str(recorded, 'uitkomst') : '') : '',
    text: r ? String(r.signalen ?? r.toelichting ?? '') : '',
  });
  const set = (k: string) => (x: string) => setV((p) => ({ ...p, [k]: x }));
  const [labelA, labelB, labelText] = weging === 1 ? [T.isOndermijning, T.lokaleVerankering, T.signalen]
    : weging === 2 ? [T.gemeentelijkeTaak, T.grondgebied, T.toelichting]
      : weging === 3 ? [T.ernst, T.uitkomst, T.toelichting] : [T.aanpak, '', T.toelichting];
  const labels: Record<string, string> = { a: labelA, ...(labelB ? { b: labelB } : {}), text: labelText };
  const answer = (): TTriageAnswer => {
    if (weging === 1) return { weging: 1, isOndermijning: v.a === 'ja', lokaleVerankering: v.b === 'ja', signalen: v.text };
    if (weging === 2) return { weging: 2, gemeentelijkeTaak: v.a === 'ja', grondgebied: v.b === 'ja', toelichting: v.text };
    if (weging === 3) return { weging: 3, ernst: v.a as 'laag', uitkomst: v.b as 'geen_actie', toelichting: v.text };
    return { weging: 4, aanpak: v.a as 'riec', toelichting: v.text };
  };
  const name = (k: string) => `w${weging}-${k}`;
  const [optsA, optsB] = weging === 3 ? [opts(T.ernstOptions, ['laag', 'midden', 'hoog']), opts(T.uitkomstOptions, CCV_OUTCOMES)]
    : weging === 4 ? [opts(T.aanpakOptions, CCV_APPROACHES), []] : [yesNo, yesNo];
  const fields = (errors: Record<string, string>) => (
    <>
      <RadioGroupField name={name('a')} label={labelA} isRequired value={v.a} onChange={set('a')} options={optsA} error={errors.a} />
      {labelB && <RadioGroupField name={name('b')} label={labelB} isRequired value={v.b} onChange={set('b')} options={optsB} error={errors.b} />}
      <TextareaField name={name('text')} label={labelText} value={v.text} onChange={set('text')} rows={3} error={errors.text} />
    </>
  );
  return (
    <ActionForm
      id={`weging-${weging}`} heading={T.wegingen[weging]} intro={intro} labels={labels} submitLabel={T.record(weging)} onDone={onDone}
      validate={() => Object.fromEntries(Object.keys(labels).filter((k) => k !== 'text' && !v[k]).map((k) => [k, nl.meldpuntTriage.errors.required]))}
      run={() => meldpuntApi.triage(melding.id, answer(), melding.version)}
    >
      {fields}
    </ActionForm>
  );
}
