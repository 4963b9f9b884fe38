import { useState, type FormEvent } from 'react';
import {
  Button, Heading, Paragraph, Select, SelectOption, Table, TableBody, TableCaption, TableCell, TableHeader,
  TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import type { TPerson } from '../../domain/schemas.ts';
import { api, ApiError } from '../api/client.ts';
import type { Member } from '../api/types.ts';
import { nl } from '../../text/nl/web.ts';
import { useLoad } from '../lib/useLoad.ts';
import { errorMessage, LoadState } from './LoadState.tsx';
import { ScrollRegion } from './ScrollRegion.tsx';

/**
 * People in the plans (officials, contacts) linked to the organisation's accounts, so the activities they are
 * responsible for appear under "Mijn activiteiten" and update rounds remind them.
 */
export function PersonLinks({ organisationId, members }: { organisationId: string; members: Member[] }) {
  const people = useLoad(async () => (await api.listPeople()).filter((p) => p.ownerId === organisationId), `people:${organisationId}`, { keepPrevious: true });
  return (
    <section aria-labelledby="personen-koppelen">
      <Heading level={2} id="personen-koppelen">{nl.personLinks.heading}</Heading>
      <Paragraph>{nl.personLinks.intro}</Paragraph>
      <LoadState state={people} isNested>
        {(rows) => rows.length ? (
          <ScrollRegion label={nl.personLinks.heading}>
            <Table className="regie-table">
              <TableCaption className="regie-visually-hidden">{nl.personLinks.heading}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{nl.personLinks.person}</TableHeaderCell>
                  <TableHeaderCell scope="col">{nl.personLinks.account}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((p) => <PersonLinkRow key={`${p.id}:${p.version}`} person={p} members={members} onSaved={people.reload} />)}
              </TableBody>
            </Table>
          </ScrollRegion>
        ) : <Paragraph>{nl.personLinks.none}</Paragraph>}
      </LoadState>
    </section>
  );
}

function PersonLinkRow({ person, members, onSaved }: { person: TPerson; members: Member[]; onSaved: () => void }) {
  const [userId, setUserId] = useState(person.userId ?? '');
  const [isBusy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const id = `person-link-${person.id}`;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isBusy) return;
    setBusy(true);
    try {
      await api.update('people', person.id, person.version, { userId: userId || null });
      onSaved();
    } catch (err) {
      setMessage(err instanceof ApiError && err.isConflict ? nl.errors.conflict : errorMessage(err));
      setBusy(false);
    }
  };
  return (
    <TableRow>
      <TableHeaderCell scope="row">
        {person.name}
        {person.functionTitle && <span className="regie-cell-note">{person.functionTitle}</span>}
      </TableHeaderCell>
      <TableCell>
        <form className="regie-member-role" onSubmit={submit}>
          <label htmlFor={id} className="regie-visually-hidden">{nl.personLinks.accountOf(person.name)}</label>
          <Select id={id} value={userId} onChange={(e) => setUserId(e.target.value)}>
            <SelectOption value="">{nl.personLinks.noAccount}</SelectOption>
            {members.map((m) => <SelectOption key={m.userId} value={m.userId}>{`${m.name} (${m.email})`}</SelectOption>)}
          </Select>
          <Button type="submit" appearance="secondary-action-button" busy={isBusy} aria-disabled={isBusy || undefined}>
            {nl.personLinks.save}
            <span className="regie-visually-hidden">{nl.members.forName(person.name)}</span>
          </Button>
          <span role="status" className="regie-cell-note">{message}</span>
        </form>
      </TableCell>
    </TableRow>
  );
}
