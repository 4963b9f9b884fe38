import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoIfEmpty } from '../../src/server/demo.ts';
import { importPlanDocuments } from '../../src/server/plans/import-documents.ts';
import { ZPlanDocument } from '../../src/domain/plan-document.ts';
import { useApi } from '../api.ts';

/*
 * Organisations written twice in the sources (review D12: "Sociaal domein" and "Sociaal Domein"): one organisation
 * within one parent; the same name under two municipalities stays two organisations.
 */
const ctx = useApi();

beforeAll(async () => {
  expect(await loadDemoIfEmpty(ctx.db, 'demo-wachtwoord-voor-de-test')).not.toBeNull();
}, 300_000);

describe('the demo', () => {
  it('has no two organisations of the same name in one place', async () => {
    const dupes = await ctx.db.query(`select parent_id, lower(regexp_replace(trim(name), '\\s+', ' ', 'g')) as name, count(*)::int as n
      from organisations group by 1, 2 having count(*) > 1`);
    expect(dupes).toEqual([]);
  });
});

describe('organisations written twice in the sources', () => {
  it('are one organisation: names compared without case and extra spaces, within the same parent', async () => {
    const doc = ZPlanDocument.parse({
      source: { title: 'Test' },
      organisations: [
        { key: 'gem', kind: 'municipality', name: 'Gemeente Dubbel', cbsCode: 'GM8801' },
        { key: 'gem-sd', kind: 'team', name: 'Sociaal domein', parentKey: 'gem' },
        { key: 'gem-sd-2', kind: 'team', name: ' Sociaal  Domein', parentKey: 'gem' },
        { key: 'ander', kind: 'municipality', name: 'Gemeente Anders', cbsCode: 'GM8802' },
        { key: 'ander-sd', kind: 'team', name: 'Sociaal Domein', parentKey: 'ander' },
      ],
    });
    await importPlanDocuments(ctx.db, [doc]);
    const rows = await ctx.db.query<{ name: string; parent: string }>(
      `select o.name, p.name as parent from organisations o join organisations p on p.id = o.parent_id where p.cbs_code in ('GM8801', 'GM8802') order by p.name`,
    );
    expect(rows).toEqual([{ name: 'Sociaal Domein', parent: 'Gemeente Anders' }, { name: 'Sociaal domein', parent: 'Gemeente Dubbel' }]);
  });
});
