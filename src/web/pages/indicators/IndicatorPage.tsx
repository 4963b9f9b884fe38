import { useRef, useState } from 'react';
import { useLocation, useParams } from 'react-router';
import {
  Button, ButtonGroup, Heading, Paragraph,
} from '@utrecht/component-library-react';
import { measurementSeries } from '../../../domain/indicator-series.ts';
import type { TMeasurement, TRegion } from '../../../domain/schemas.ts';
import { api, ApiError } from '../../api/client.ts';
import type { IndicatorWithMeasurements, PlanExport } from '../../api/types.ts';
import { AppButtonLink, AppLink } from '../../components/AppLink.tsx';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { IndicatorChart } from '../../components/IndicatorChart.tsx';
import { IndicatorFacts, TargetWarning } from '../../components/IndicatorCard.tsx';
import { StatusExplanation } from '../../components/IndicatorStatus.tsx';
import { errorMessage, LoadError, LoadState } from '../../components/LoadState.tsx';
import { areaOf, MeasurementTable } from '../../components/MeasurementTable.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { themeLabel } from '../../forms/context.ts';
import { nl } from '../../../text/nl/web.ts';
import { paths, withReturn } from '../../lib/paths.ts';
import { useLoad } from '../../lib/useLoad.ts';
import { planSubject, useCan } from '../../session/useCan.ts';
import { FocusNotice } from '../../components/FocusNotice.tsx';

const M = nl.monitor;

async function loadIndicator(planId: string) {
  const [plan, regions] = await Promise.all([api.exportPlan(planId), api.listRegions()]);
  return { plan, regions };
}

/** An effect indicator: its status explained, its chart with the table beside it, the comparison and its measurements. */
export function IndicatorPage() {
  const { planId = '', indicatorId = '' } = useParams();
  const state = useLoad(() => loadIndicator(planId), planId, { keepPrevious: true });
  return (
    <LoadState state={state}>
      {({ plan, regions }) => {
        const indicator = [...plan.indicators, ...plan.themes.flatMap((t) => t.indicators)].find((i) => i.id === indicatorId);
        if (!indicator) return <LoadError error={new ApiError(404, 'not_found', '')} />;
        return <IndicatorContent plan={plan} indicator={indicator} regions={regions} onChanged={state.reload} />;
      }}
    </LoadState>
  );
}

/** Changes with the indicator, its measurements and the plan's reference areas, so the browser never shows an old chart. */
function chartVersion(i: IndicatorWithMeasurements, referenceAreaCodes: string[]): string {
  let hash = 0;
  const text = JSON.stringify([i.version, referenceAreaCodes, i.measurements.map((m) => [m.id, m.version])]);
  for (let n = 0; n < text.length; n++) hash = (Math.imul(hash, 31) + text.charCodeAt(n)) | 0;
  return (hash >>> 0).toString(36);
}

interface Props {
  plan: PlanExport;
  indicator: IndicatorWithMeasurements;
  regions: TRegion[];
  onChanged: () => void;
}

function IndicatorContent({ plan, indicator: i, regions, onChanged }: Props) {
  const here = useLocation().pathname;
  const can = useCan();
  const subject = (entity: 'indicators' | 'measurements' | 'plans') => planSubject(entity, plan, plan.organisations);
  const mayEdit = can('update', subject('indicators'));
  const mayWrite = can('create', subject('measurements'));
  const theme = plan.themes.find((t) => t.id === i.themeId);
  const ownName = plan.owner?.name ?? '';
  const regionName = new Map(regions.map((r) => [r.code, r.name]));
  const series = measurementSeries(i.measurements, (code) => regionName.get(code), plan.referenceAreaCodes);
  const version = chartVersion(i, plan.referenceAreaCodes);
  const crumbs = [
    ...(plan.owner ? [{ label: plan.owner.name, to: paths.organisation(plan.owner.id) }] : []),
    { label: plan.title, to: paths.plan(plan.id) },
    ...(theme ? [{ label: themeLabel(theme), to: paths.theme(plan.id, theme.id) }] : []),
  ];
  const references = plan.referenceAreaCodes.map((code) => regionName.get(code) ?? code);
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <PageHeading preHeading={nl.plan.indicators} title={`${i.name} – ${plan.title}`}>{i.name}</PageHeading>
      <TargetWarning indicator={i} />
      <StatusExplanation status={i.status} unit={i.unit} headingLevel={2} />

      <section aria-labelledby="gegevens">
        <Heading level={2} id="gegevens">{M.facts}</Heading>
        {/* The import key is a technical field: it stays on the import page and in the form (review D13). */}
        <IndicatorFacts indicator={i} />
        {mayEdit && (
          <AppButtonLink to={withReturn(paths.editIndicator(plan.id, i.id), here)}>{nl.indicator.edit}</AppButtonLink>
        )}
      </section>

      <IndicatorChart indicatorId={i.id} name={i.name} unit={i.unit} series={series} ownName={ownName} version={version} headingLevel={2} />

      <section aria-labelledby="vergelijking">
        <Heading level={2} id="vergelijking">{M.comparisonHeading}</Heading>
        <Paragraph>{references.length ? M.comparisonIntro(references.join(', ')) : M.noComparison}</Paragraph>
        <Paragraph className="regie-muted">{M.comparisonNote}</Paragraph>
        {can('update', subject('plans')) && (
          <AppButtonLink to={withReturn(paths.referenceAreas(plan.id), here)}>{M.chooseAreas}</AppButtonLink>
        )}
      </section>

      <Measurements plan={plan} indicator={i} ownName={ownName} mayWrite={mayWrite} onChanged={onChanged} />
    </>
  );
}

interface MeasurementsProps {
  plan: PlanExport;
  indicator: IndicatorWithMeasurements;
  ownName: string;
  mayWrite: boolean;
  onChanged: () => void;
}

/** The measurement list, with edit and delete (after confirming) for who may change them. */
function Measurements({ plan, indicator: i, ownName, mayWrite, onChanged }: MeasurementsProps) {
  const here = useLocation().pathname;
  const [message, setMessage] = useState<{ text: string; isError: boolean }>();
  const messageRef = useRef<HTMLDivElement>(null);
  const show = (text: string, isError: boolean) => {
    setMessage({ text, isError });
    requestAnimationFrame(() => messageRef.current?.focus());
  };
  const remove = async (m: TMeasurement) => {
    try {
      await api.remove('measurements', m.id, m.version);
      show(M.deleted(m.periodLabel), false);
    } catch (err) {
      show(err instanceof ApiError && err.status === 409 ? M.deleteConflict : errorMessage(err), true);
    }
    onChanged();
  };
  return (
    <section aria-labelledby="metingen">
      <Heading level={2} id="metingen">{M.measurementsHeading}</Heading>
      {message && (
        <FocusNotice ref={messageRef} type={message.isError ? 'error' : 'ok'}><Paragraph>{message.text}</Paragraph></FocusNotice>
      )}
      {i.measurements.length ? (
        <MeasurementTable
          measurements={i.measurements}
          caption={`${M.measurementsHeading}: ${i.name}`}
          ownName={ownName}
          actions={mayWrite ? (m) => (
            <MeasurementActions
              key={`${m.id}.${m.version}`} measurement={m} area={areaOf(m, ownName)} editTo={withReturn(paths.editMeasurement(plan.id, m.id), here)}
              onDelete={() => remove(m)}
            />
          ) : undefined}
        />
      ) : (
        <Paragraph>{M.noValues}</Paragraph>
      )}
      {mayWrite && (
        <ButtonGroup className="regie-actions">
          <AppButtonLink appearance="primary" to={withReturn(paths.newMeasurement(plan.id, i.id), here)}>{M.addMeasurement}</AppButtonLink>
          <AppButtonLink to={paths.importMeasurements(plan.id)}>{M.importMeasurements}</AppButtonLink>
        </ButtonGroup>
      )}
    </section>
  );
}

interface ActionsProps {
  measurement: TMeasurement;
  area: string;
  editTo: string;
  onDelete: () => Promise<void>;
}

function MeasurementActions({ measurement: m, area, editTo, onDelete }: ActionsProps) {
  const [isConfirming, setConfirming] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const confirm = (on: boolean) => {
    setConfirming(on);
    requestAnimationFrame(() => (on ? confirmRef : deleteRef).current?.focus());
  };
  return (
    <div className="regie-row-actions">
      <AppLink to={editTo}>
        {M.editMeasurement}
        <span className="regie-visually-hidden">: {M.editMeasurementLabel(`${m.periodLabel}, ${area}`)}</span>
      </AppLink>
      {!isConfirming ? (
        <Button ref={deleteRef} appearance="subtle-button" onClick={() => confirm(true)}>
          {M.deleteMeasurement}
          <span className="regie-visually-hidden">: {M.deleteMeasurementLabel(`${m.periodLabel}, ${area}`)}</span>
        </Button>
      ) : (
        <>
          <Paragraph className="regie-member-confirm">{M.confirmDelete(m.periodLabel, area)}</Paragraph>
          <Button
            ref={confirmRef} appearance="primary-action-button" busy={isBusy} aria-disabled={isBusy || undefined}
            onClick={async () => {
              if (isBusy) return;
              setBusy(true);
              await onDelete();
            }}
          >
            {M.confirmYes}
          </Button>
          <Button appearance="secondary-action-button" onClick={() => confirm(false)}>{M.cancel}</Button>
        </>
      )}
    </div>
  );
}
