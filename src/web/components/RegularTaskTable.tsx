import {
  Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import type { TRegularTask } from '../../domain/schemas.ts';
import { nl } from '../../text/nl/web.ts';
import { FrequencyText } from './ParsedText.tsx';
import { ScrollRegion } from './ScrollRegion.tsx';

/** Regular work and fixed tasks beside the priorities. */
export function RegularTaskTable({ tasks }: { tasks: TRegularTask[] }) {
  return (
    <ScrollRegion label={nl.plan.regularTasks}>
      <Table className="regie-table">
        <TableCaption className="regie-visually-hidden">{nl.plan.regularTasks}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{nl.regularTask.title}</TableHeaderCell>
            <TableHeaderCell scope="col">{nl.regularTask.description}</TableHeaderCell>
            <TableHeaderCell scope="col">{nl.regularTask.frequency}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {tasks.map((t) => (
            <TableRow key={t.id}>
              <TableCell>{t.title}</TableCell>
              <TableCell className="regie-pre-line">{t.description || nl.app.empty}</TableCell>
              <TableCell>
                <FrequencyText text={t.frequencyText} frequency={t.frequency} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}
