import {
  Alert, DataList, DataListItem, DataListKey, DataListValue, Heading, Paragraph, UnorderedList, UnorderedListItem,
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import type { TIndicator } from '../../domain/schemas.ts';
import type { IndicatorWithMeasurements } from '../api/types.ts';
import { formatValue } from '../../text/indicator-text.ts';
import { nl } from '../../text/nl/web.ts';
import { formatNumber } from '../../text/format.ts';
import { paths, withReturn } from '../lib/paths.ts';
import { AppButtonLink, AppLink } from './AppLink.tsx';
import { StatusBadge } from './IndicatorStatus.tsx';
import { MeasurementTable } from './MeasurementTable.tsx';

/** The target in structured form: "Relatieve verandering: -25% → 15 in 2021". */
export function structuredTarget(i: TIndicator): string {
  if (!i.targetKind) return nl.app.empty;
  const year = i.targetYear ? ` ${nl.indicator.inYear(i.targetYear)}` : '';
  if (i.targetKind === 'relative') {
    const pct = i.targetChangePercent ?? 0;
    const stated = i.targetValue != null ? ` → ${formatNumber(i.targetValue)}` : '';
    return `${nl.labels.targetKind.relative}: ${pct > 0 ? '+' : ''}${formatNumber(pct)}%${stated}${year}`;
  }
  return `${nl.labels.targetKind[i.targetKind]}: ${formatNumber(i.targetValue)}${year}`;
}

/** A target that contradicts its baseline, said in words. */
export function TargetWarning({ indicator }: { indicator: Pick<IndicatorWithMeasurements, 'targetProblems'> }) {
  if (!indicator.targetProblems.length) return null;
  return (
    <Alert type="warning" className="regie-target-warning">
      <Paragraph>
        <strong>{nl.indicator.warningTitle}</strong>
      </Paragraph>
      <UnorderedList>
        {indicator.targetProblems.map((p) => (
          <UnorderedListItem key={p.code}>
            {p.code === 'relative_mismatch'
              ? nl.indicator.relativeMismatch(formatNumber(p.expected))
              : nl.indicator.directionMismatch}
          </UnorderedListItem>
        ))}
      </UnorderedList>
    </Alert>
  );
}

interface Props {
  indicator: IndicatorWithMeasurements;
  planId: string;
  returnTo: string;
  headingLevel: number;
  /** Whether the user may edit it: otherwise there is no edit link. */
  canEdit: boolean;
}

/** An indicator's facts: source, unit, direction, baseline, and the target as written and as Regie reads it. */
export function IndicatorFacts({ indicator: i, children }: { indicator: TIndicator; children?: ReactNode }) {
  const baseline = i.baselineValue == null ? nl.app.empty : `${formatValue(i.baselineValue, i.unit)}${i.baselineYear ? ` (${i.baselineYear})` : ''}`;
  const facts: [string, string][] = [
    [nl.indicator.source, i.source || nl.app.empty],
    [nl.indicator.unit, i.unit || nl.app.empty],
    [nl.indicator.direction, nl.labels.direction[i.direction]],
    [nl.indicator.baseline, baseline],
    [nl.indicator.target, i.targetText || nl.app.empty],
    [nl.indicator.targetStructured, structuredTarget(i)],
  ];
  return (
    <DataList className="regie-data-list">
      {facts.map(([key, value]) => (
        <DataListItem key={key}>
          <DataListKey>{key}</DataListKey>
          <DataListValue>{value}</DataListValue>
        </DataListItem>
      ))}
      {children}
    </DataList>
  );
}

/** One effect indicator: its status, source, baseline, target as written and structured, a warning, and its measurements. */
export function IndicatorCard({ indicator: i, planId, returnTo, headingLevel, canEdit }: Props) {
  return (
    <article className="regie-card regie-indicator">
      <Heading level={headingLevel} className="regie-card__heading">
        <AppLink to={paths.indicator(planId, i.id)}>{i.name}</AppLink>
      </Heading>
      <Paragraph>
        {nl.monitor.statusLabel}: <StatusBadge status={i.status} />
      </Paragraph>
      <TargetWarning indicator={i} />
      <IndicatorFacts indicator={i} />
      {i.measurements.length > 0 && (
        <details className="regie-details">
          <summary>
            {nl.indicator.measurements} ({nl.indicator.measurementCount(i.measurements.length)})
          </summary>
          <MeasurementTable measurements={i.measurements} caption={`${nl.indicator.measurements}: ${i.name}`} />
        </details>
      )}
      {canEdit && (
        <AppButtonLink appearance="subtle" to={withReturn(paths.editIndicator(planId, i.id), returnTo)}>
          {nl.indicator.edit}
          <span className="regie-visually-hidden">: {i.name}</span>
        </AppButtonLink>
      )}
    </article>
  );
}
