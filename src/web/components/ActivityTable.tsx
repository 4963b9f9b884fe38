import { useState } from 'react';
import {
  Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import type { TActivity } from '../../domain/schemas.ts';
import type { ProgrammeActivity } from '../api/types.ts';
import { nl } from '../../text/nl/web.ts';
import { paths, withReturn } from '../lib/paths.ts';
import type { Names } from '../lib/names.ts';
import { useTableDensity } from '../lib/useTableDensity.ts';
import { AppButtonLink, AppLink } from './AppLink.tsx';
import { FrequencyText, TimeframeText } from './ParsedText.tsx';
import { ActivityStatusBadge, LagBadge } from './ActivityStatus.tsx';
import { RadioGroupField } from './RadioGroupField.tsx';
import { ScrollRegion } from './ScrollRegion.tsx';

type Activity = TActivity | ProgrammeActivity;

interface Props {
  activities: Activity[];
  names: Names;
  /** The plan the activities' themes belong to; a programme activity carries its own. */
  planId: string;
  /** Where the edit form returns to. */
  returnTo: string;
  caption: string;
  showTheme?: boolean;
  /** Whether the user may edit this activity: otherwise its row has no edit link. */
  canEdit: (activity: Activity) => boolean;
}

const T = nl.activityTable;
const themeOf = (a: Activity) => ('theme' in a ? a.theme : undefined);

/** A toelichting longer than this is cut to two lines, with a button to read it all (about two lines' worth). */
const LONG_NOTE = 90;

/** The activity's title, and its toelichting cut to two lines with "meer" (the spacious view; compact hides it). */
function TitleCell({ activity }: { activity: Activity }) {
  const [isOpen, setOpen] = useState(false);
  const note = activity.explanation ?? '';
  const isLong = note.length > LONG_NOTE || note.includes('\n');
  return (
    <TableHeaderCell scope="row" className="regie-activity-title" data-label={nl.activity.title}>
      <AppLink to={paths.activity(activity.id)}>{activity.title}</AppLink>
      {note && <span className={isLong && !isOpen ? 'regie-cell-note regie-clamp' : 'regie-cell-note'}>{note}</span>}
      {note && isLong && (
        // The whole text is in the page for screen readers; the button only undoes the visual cut.
        <button type="button" className="regie-more" aria-expanded={isOpen} onClick={() => setOpen(!isOpen)}>
          {isOpen ? T.less : T.more}
          <span className="regie-visually-hidden"> {T.moreLabel(activity.title)}</span>
        </button>
      )}
    </TableHeaderCell>
  );
}

/**
 * The activity table of a theme or programme, the advisers' daily work surface: activiteit (to its page with the
 * progress, in a sticky first column), status and whether it lags, then thema, tijdpad, frequentie, betrokkenen and
 * verantwoordelijke. Compact (one line a row) or spacious (with the toelichting); stacked cards on a phone.
 */
export function ActivityTable({ activities, names, planId, returnTo, caption, showTheme, canEdit }: Props) {
  const [density, setDensity] = useTableDensity();
  const hasEditColumn = activities.some(canEdit);
  return (
    <div className={`regie-activity-surface regie-density--${density}`}>
      <div className="regie-density">
        <RadioGroupField
          name="table-density" label={T.density} isRequired value={density}
          onChange={(value) => setDensity(value === 'spacious' ? 'spacious' : 'compact')}
          options={[{ value: 'compact', label: T.compact }, { value: 'spacious', label: T.spacious }]}
        />
      </div>
      <ScrollRegion label={caption} className="regie-activity-table-container">
        <Table className="regie-table regie-activity-table">
          <TableCaption className="regie-visually-hidden">{caption}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col" className="regie-col-title">{nl.activity.title}</TableHeaderCell>
              <TableHeaderCell scope="col" className="regie-col-status">{nl.activity.status}</TableHeaderCell>
              {showTheme && <TableHeaderCell scope="col">{nl.activity.theme}</TableHeaderCell>}
              <TableHeaderCell scope="col">{nl.activity.timeframe}</TableHeaderCell>
              <TableHeaderCell scope="col">{nl.activity.frequency}</TableHeaderCell>
              <TableHeaderCell scope="col">{nl.activity.stakeholders}</TableHeaderCell>
              <TableHeaderCell scope="col">{nl.activity.responsible}</TableHeaderCell>
              {hasEditColumn && (
                <TableHeaderCell scope="col" className="regie-col-edit">
                  <span className="regie-visually-hidden">{nl.activity.edit}</span>
                </TableHeaderCell>
              )}
            </TableRow>
          </TableHeader>
          <TableBody>
            {activities.map((a) => {
              const theme = themeOf(a);
              const ownPlanId = theme?.planId ?? planId;
              return (
                <TableRow key={a.id} className="regie-activity-row">
                  <TitleCell activity={a} />
                  <TableCell className="regie-activity-status" data-label={nl.activity.status}>
                    <ActivityStatusBadge status={a.status} /> {'monitoring' in a && a.monitoring?.isLagging && <LagBadge />}
                  </TableCell>
                  {showTheme && (
                    // Text, not a link: one Tab stop less a row; the theme filter and the plan lead to the theme.
                    <TableCell data-label={nl.activity.theme}>
                      {theme && [theme.number, theme.title].filter(Boolean).join(' ')}
                      {theme && <span className="regie-cell-note">{nl.labels.scope[theme.scope]}</span>}
                    </TableCell>
                  )}
                  <TableCell data-label={nl.activity.timeframe}>
                    <TimeframeText text={a.timeframeText} timeframe={a.timeframe} />
                  </TableCell>
                  <TableCell data-label={nl.activity.frequency}>
                    <FrequencyText text={a.frequencyText} frequency={a.frequency} />
                  </TableCell>
                  <TableCell className="regie-wrap-anywhere" data-label={nl.activity.stakeholders}>
                    {a.stakeholdersText || names.organisationList(a.stakeholderIds) || nl.app.empty}
                  </TableCell>
                  <TableCell data-label={nl.activity.responsible}>
                    {names.personList(a.responsibleIds) || nl.app.empty}
                  </TableCell>
                  {hasEditColumn && (
                    <TableCell className="regie-activity-edit">
                      {canEdit(a) && (
                        <AppButtonLink appearance="subtle" to={withReturn(paths.editActivity(ownPlanId, a.id), returnTo)}>
                          {nl.activity.edit}
                          <span className="regie-visually-hidden">: {a.title}</span>
                        </AppButtonLink>
                      )}
                    </TableCell>
                  )}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </ScrollRegion>
    </div>
  );
}
