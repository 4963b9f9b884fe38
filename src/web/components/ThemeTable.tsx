import {
  Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import type { ThemeWithContent } from '../api/types.ts';
import { nl } from '../../text/nl/web.ts';
import type { Names } from '../lib/names.ts';
import { paths } from '../lib/paths.ts';
import { AppLink } from './AppLink.tsx';
import { ScrollRegion } from './ScrollRegion.tsx';

/** The themes of a plan: number, title, scope, portefeuillehouders, number of activities. */
export function ThemeTable({ themes, names, planId }: { themes: ThemeWithContent[]; names: Names; planId: string }) {
  return (
    <ScrollRegion label={nl.plan.themes}>
      <Table className="regie-table">
        <TableCaption className="regie-visually-hidden">{nl.plan.themes}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{nl.theme.number}</TableHeaderCell>
            <TableHeaderCell scope="col">{nl.theme.title}</TableHeaderCell>
            <TableHeaderCell scope="col">{nl.theme.scope}</TableHeaderCell>
            <TableHeaderCell scope="col">{nl.theme.portfolioHolders}</TableHeaderCell>
            <TableHeaderCell scope="col" className="regie-numeric">{nl.theme.activities}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {themes.map((t) => (
            <TableRow key={t.id}>
              <TableCell>{t.number || nl.app.empty}</TableCell>
              <TableCell>
                <AppLink to={paths.theme(planId, t.id)}>{t.title}</AppLink>
              </TableCell>
              <TableCell>{nl.labels.scope[t.scope]}</TableCell>
              <TableCell>{names.personList(t.portfolioHolderIds) || nl.app.empty}</TableCell>
              <TableCell className="regie-numeric">{t.activities.length}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}
