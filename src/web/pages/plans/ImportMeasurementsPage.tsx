import { useState } from 'react';
import { useParams } from 'react-router';
import { Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { MAX_IMPORT_CHARS, type TImportPreview } from '../../../domain/measurement-import.ts';
import type { TIndicator } from '../../../domain/schemas.ts';
import { api } from '../../api/client.ts';
import type { PlanExport } from '../../api/types.ts';
import { AppButtonLink, AppLink } from '../../components/AppLink.tsx';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { FileImportSteps, useFileImport } from '../../components/FileImport.tsx';
import { ImportPreview } from '../../components/ImportPreview.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { nl } from '../../../text/nl/web.ts';
import { paths, withReturn } from '../../lib/paths.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { planSubject, useCan } from '../../session/useCan.ts';

const T = nl.dataImport;

/** Importing measurements from a CSV file into a plan's indicators: choose → preview → confirm or cancel. */
export function ImportMeasurementsPage() {
  const { planId = '' } = useParams();
  const state = useLoad(() => api.exportPlan(planId), planId);
  return <LoadState state={state}>{(plan) => <ImportContent plan={plan} />}</LoadState>;
}

function ImportContent({ plan }: { plan: PlanExport }) {
  const can = useCan();
  const indicators: TIndicator[] = [...plan.indicators, ...plan.themes.flatMap((t) => t.indicators)];
  const [announcement, setAnnouncement] = useState('');
  const mayImport = can('create', planSubject('measurements', plan, plan.organisations));
  const mappingOf = (p?: TImportPreview) => (p ? Object.fromEntries(p.series.map((s) => [s.key, s.indicatorId])) : undefined);
  const flow = useFileImport<TImportPreview>({
    read: async (file) => {
      // Characters, as the server counts them; bytes are at least as many, so a larger file cannot fit.
      if (file.size > MAX_IMPORT_CHARS * 4) return { error: T.tooLarge };
      const content = await file.text();
      return content.length > MAX_IMPORT_CHARS ? { error: T.tooLarge } : { content };
    },
    // A new preview keeps the mapping chosen in the previous one.
    preview: (file, onProgress, previous) =>
      api.previewImport(plan.id, { fileName: file.name, content: file.content, mapping: mappingOf(previous) }, onProgress),
    commit: async (file, preview, onProgress) => {
      const done = await api.commitImport(plan.id, { fileName: file.name, content: file.content, mapping: mappingOf(preview), fingerprint: preview.fingerprint }, onProgress);
      return T.done(done.created, done.updated, done.unchanged);
    },
    texts: T,
  });
  const remap = async (key: string, indicatorId: string | null) => {
    const preview = flow.preview;
    if (!preview) return;
    const mapped = { ...preview, series: preview.series.map((s) => (s.key === key ? { ...s, indicatorId } : s)) };
    if (await flow.repreview(mapped)) setAnnouncement(T.previewUpdated);
  };
  const preview = flow.preview;
  const canConfirm = !!preview && preview.isValid && preview.counts.new + preview.counts.changed > 0;
  return (
    <>
      <Breadcrumbs items={[
        ...(plan.owner ? [{ label: plan.owner.name, to: paths.organisation(plan.owner.id) }] : []),
        { label: plan.title, to: paths.plan(plan.id) },
      ]} />
      <PageHeading preHeading={plan.title} title={`${T.title} – ${plan.title}`}>{T.title}</PageHeading>
      <Paragraph>{T.intro}</Paragraph>
      <Paragraph>{T.matchHelp}</Paragraph>
      <details className="regie-details">
        <summary>{T.indicatorsHeading}</summary>
        <UnorderedList>
          {indicators.map((i) => (
            <UnorderedListItem key={i.id}>
              <AppLink to={paths.indicator(plan.id, i.id)}>{i.name}</AppLink> ({i.importKey ? T.keyOf(i.importKey) : T.noKey})
            </UnorderedListItem>
          ))}
        </UnorderedList>
      </details>
      {mayImport && (
        <Paragraph>
          <AppLink to={withReturn(paths.referenceAreas(plan.id), paths.importMeasurements(plan.id))}>{nl.monitor.chooseAreas}</AppLink>
        </Paragraph>
      )}

      <FileImportSteps
        flow={flow} title={T.title} mayImport={mayImport} previewHeading={T.previewHeading}
        field={{ label: T.file, help: T.fileHelp, accept: '.csv,.txt,text/csv', previewButton: T.preview }}
        canConfirm={canConfirm} nothingToDo={preview?.isValid && !canConfirm ? T.nothingToImport : undefined}
        labels={T} afterDone={<AppButtonLink to={paths.plan(plan.id)}>{nl.auth.back}</AppButtonLink>}
      >
        {(p) => <ImportPreview preview={p} indicators={indicators} isBusy={flow.isBusy} onMap={remap} />}
      </FileImportSteps>
      <span className="regie-visually-hidden" aria-live="polite">{announcement}</span>
    </>
  );
}
