import { useParams } from 'react-router';
import { Paragraph } from '@utrecht/component-library-react';
import { MAX_XLSX_BASE64, type TXlsxPreview } from '../../../domain/programme-xlsx.ts';
import type { TOrganisation, TPlan } from '../../../domain/schemas.ts';
import { api } from '../../api/client.ts';
import { AppButtonLink } from '../../components/AppLink.tsx';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { FileImportSteps, useFileImport } from '../../components/FileImport.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { XlsxPreview } from '../../components/XlsxPreview.tsx';
import { nl } from '../../../text/nl/web.ts';
import { paths } from '../../lib/paths.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { planSubject, useCan } from '../../session/useCan.ts';

const T = nl.excel;

/** Importing an edited Excel workbook of the programme: choose → preview of the changes and errors → save or cancel. */
export function ImportExcelPage() {
  const { planId = '' } = useParams();
  const state = useLoad(() => Promise.all([api.getPlan(planId), api.listOrganisations()]), planId);
  return <LoadState state={state}>{([plan, organisations]) => <ImportContent plan={plan} organisations={organisations} />}</LoadState>;
}

/** The bytes of a file as base64, as the API takes them. */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

function ImportContent({ plan, organisations }: { plan: TPlan; organisations: TOrganisation[] }) {
  const can = useCan();
  const mayImport = can('create', planSubject('budget-lines', plan, organisations));
  const flow = useFileImport<TXlsxPreview>({
    // Base64 takes four characters for every three bytes.
    read: async (file) => (file.size > (MAX_XLSX_BASE64 / 4) * 3 ? { error: T.tooLarge } : { content: await readBase64(file) }),
    preview: (file, onProgress) => api.previewXlsx(plan.id, { fileName: file.name, content: file.content }, onProgress),
    commit: async (file, preview, onProgress) => {
      const done = await api.commitXlsx(plan.id, { fileName: file.name, content: file.content, fingerprint: preview.fingerprint }, onProgress);
      return T.done(done.updated, done.created);
    },
    texts: T,
  });
  const preview = flow.preview;
  return (
    <>
      <Breadcrumbs items={[{ label: plan.title, to: paths.plan(plan.id) }, { label: nl.programme.heading, to: paths.programme(plan.id) }]} />
      <PageHeading preHeading={plan.title} title={`${T.title} – ${plan.title}`}>{T.title}</PageHeading>
      <Paragraph>{T.intro}</Paragraph>
      <Paragraph>{T.rules}</Paragraph>
      <Paragraph>
        {T.downloadFirst}{' '}
        <a className="utrecht-link utrecht-link--html-a" href={api.programmeXlsxUrl(plan.id)} download>{T.exportLink}</a>
      </Paragraph>

      <FileImportSteps
        flow={flow} title={T.title} mayImport={mayImport} previewHeading={T.previewHeading}
        field={{ label: T.file, help: T.fileHelp, accept: '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', previewButton: T.preview }}
        canConfirm={!!preview && preview.isValid && preview.hasChanges}
        nothingToDo={preview?.isValid && !preview.hasChanges ? T.noChanges : undefined}
        labels={T} afterDone={<AppButtonLink to={paths.programme(plan.id)}>{T.toActivities}</AppButtonLink>}
      >
        {(p) => <XlsxPreview preview={p} />}
      </FileImportSteps>
    </>
  );
}
