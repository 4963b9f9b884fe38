import { useParams } from 'react-router';
import {
  DataList, DataListItem, DataListKey, DataListValue, Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow,
} from '@utrecht/component-library-react';
import { forwardsApi } from '../../api/meldpunt-forwards.ts';
import { AppLink } from '../../components/AppLink.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { TextBlock } from '../../components/TextBlock.tsx';
import { useLoad } from '../../lib/useLoad.ts';
import { meldpuntPaths } from '../../lib/meldpunt-paths.ts';
import { formatDateTime } from '../../../text/format.ts';
import { nl } from '../../../text/nl/web.ts';

const t = nl.meldpuntForwards.inbox;

/** /meldpunt/doorgestuurd: what municipalities forwarded to the partner organisations of the signed-in user. */
export function PartnerInboxPage() {
  const loaded = useLoad(() => forwardsApi.inbox(), 'inbox');
  return (
    <>
      <PageHeading>{t.title}</PageHeading>
      <Paragraph>{t.intro}</Paragraph>
      <LoadState state={loaded} isNested>
        {(items) => items.length === 0 ? <Paragraph>{t.none}</Paragraph> : (
          <ScrollRegion label={t.title}>
            <Table className="regie-table">
              <TableCaption className="regie-visually-hidden">{t.title}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t.number}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.category}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.municipality}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.partner}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.date}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.status}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {items.map((i) => (
                  <TableRow key={i.id}>
                    <TableCell><AppLink to={meldpuntPaths.inboxForward(i.id)}>{i.number}</AppLink></TableCell>
                    <TableCell>{i.categoryName}</TableCell>
                    <TableCell>{i.municipalityName}</TableCell>
                    <TableCell>{i.partnerName}</TableCell>
                    <TableCell>{formatDateTime(i.forwardedAt)}</TableCell>
                    <TableCell>{i.readAt ? t.read : t.unread}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </ScrollRegion>
        )}
      </LoadState>
    </>
  );
}

/** /meldpunt/doorgestuurd/:forwardId: one forward – the summary, the basis, contact details only when they went along. */
export function PartnerForwardPage() {
  const { forwardId = '' } = useParams();
  const loaded = useLoad(() => forwardsApi.inboxForward(forwardId), forwardId);
  return (
    <LoadState state={loaded}>
      {(f) => (
        <>
          <PageHeading preHeading={f.municipalityName}>{t.detailTitle(f.number)}</PageHeading>
          <DataList className="regie-data-list">
            <DataListItem><DataListKey>{t.category}</DataListKey><DataListValue>{f.categoryName}</DataListValue></DataListItem>
            <DataListItem><DataListKey>{t.partner}</DataListKey><DataListValue>{f.partnerName}</DataListValue></DataListItem>
            <DataListItem><DataListKey>{t.date}</DataListKey><DataListValue>{formatDateTime(f.forwardedAt)}</DataListValue></DataListItem>
            <DataListItem><DataListKey>{t.basis}</DataListKey><DataListValue>{f.basis}</DataListValue></DataListItem>
          </DataList>
          <Heading level={2}>{t.summary}</Heading>
          <TextBlock text={f.summary} />
          <Heading level={2}>{t.contact}</Heading>
          {f.contact ? (
            <DataList className="regie-data-list">
              {f.contact.name && <DataListItem><DataListKey>{t.name}</DataListKey><DataListValue>{f.contact.name}</DataListValue></DataListItem>}
              {f.contact.email && <DataListItem><DataListKey>{t.email}</DataListKey><DataListValue>{f.contact.email}</DataListValue></DataListItem>}
              {f.contact.phone && <DataListItem><DataListKey>{t.phone}</DataListKey><DataListValue>{f.contact.phone}</DataListValue></DataListItem>}
            </DataList>
          ) : <Paragraph>{t.noContact}</Paragraph>}
          <Paragraph><AppLink to={meldpuntPaths.inbox()}>{t.back}</AppLink></Paragraph>
        </>
      )}
    </LoadState>
  );
}
