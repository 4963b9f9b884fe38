import {
  Table, TableBody, TableCaption, TableCell, TableContainer, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import type { TActivity } from '../../domain/schemas.ts';
import type { ProgrammeActivity } from '../api/types.ts';
import { nl } from '../../text/nl/web.ts';
import { paths, withReturn } from '../lib/paths.ts';
import type { Names } from '../lib/names.ts';
import { AppButtonLink, AppLink } from './AppLink.tsx';
import { FrequencyText, TimeframeText } from './ParsedText.tsx';
import { ActivityStatusBadge, LagBadge } from './ActivityStatus.tsx';

interface Props {
  activities: (TActivity | ProgrammeActivity)[];
  names: Names;
  /** The plan the activities' themes belong to; a programme activity carries its own. */
  planId: string;
  /** Where the edit form returns to. */
  returnTo: string;
  caption: string;
  captionHidden?: boolean;
  showTheme?: boolean;
  /** Whether the user may edit this activity: otherwise its row has no edit link. */
  canEdit: (activity: TActivity | ProgrammeActivity) => boolean;
}

const themeOf = (a: TActivity | ProgrammeActivity) => ('theme' in a ? a.theme : undefined);

/**
 * The activity table of a theme or programme: activiteit (to its page with the progress), tijdpad, frequentie,
 * betrokkenen, verantwoordelijke, status – and, in the programme table, whether it lags.
 */
export function ActivityTable({ activities, names, planId, returnTo, caption, captionHidden, showTheme, canEdit }: Props) {
  const hasEditColumn = activities.some(canEdit);
  return (
    <TableContainer className="regie-table-container">
      <Table className="regie-table regie-activity-table">
        <TableCaption className={captionHidden ? 'regie-visually-hidden' : 'regie-caption'}>{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{nl.activity.title}</TableHeaderCell>
            {showTheme && <TableHeaderCell scope="col">{nl.activity.theme}</TableHeaderCell>}
            <TableHeaderCell scope="col">{nl.activity.timeframe}</TableHeaderCell>
            <TableHeaderCell scope="col">{nl.activity.frequency}</TableHeaderCell>
            <TableHeaderCell scope="col">{nl.activity.stakeholders}</TableHeaderCell>
            <TableHeaderCell scope="col">{nl.activity.responsible}</TableHeaderCell>
            <TableHeaderCell scope="col">{nl.activity.status}</TableHeaderCell>
            {hasEditColumn && (
              <TableHeaderCell scope="col">
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
                <TableCell className="regie-activity-title">
                  <AppLink to={paths.activity(a.id)}>{a.title}</AppLink>
                  {a.explanation && <span className="regie-cell-note">{a.explanation}</span>}
                </TableCell>
                {showTheme && (
                  <TableCell>
                    {theme && (
                      <AppLink to={paths.theme(theme.planId, theme.id)}>
                        {[theme.number, theme.title].filter(Boolean).join(' ')}
                      </AppLink>
                    )}
                    {theme && <span className="regie-cell-note">{nl.labels.scope[theme.scope]}</span>}
                  </TableCell>
                )}
                <TableCell>
                  <TimeframeText text={a.timeframeText} timeframe={a.timeframe} />
                </TableCell>
                <TableCell>
                  <FrequencyText text={a.frequencyText} frequency={a.frequency} />
                </TableCell>
                <TableCell>{a.stakeholdersText || names.organisationList(a.stakeholderIds) || nl.app.empty}</TableCell>
                <TableCell>{names.personList(a.responsibleIds) || nl.app.empty}</TableCell>
                <TableCell>
                  <ActivityStatusBadge status={a.status} /> {'monitoring' in a && a.monitoring?.isLagging && <LagBadge />}
                </TableCell>
                {hasEditColumn && (
                  <TableCell>
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
    </TableContainer>
  );
}
