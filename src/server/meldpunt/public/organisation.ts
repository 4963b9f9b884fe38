import { publicAddresses, type TPublicSiteSettings } from '../../../domain/public-site.ts';
import type { Db } from '../../db/client.ts';
import { findByAddress, type PublicOrganisation } from '../../public-site/queries.ts';

/*
 * The municipality behind /openbaar/<address>/melden. The public site lists only organisations with a published
 * version; a meldpunt is there as soon as a municipality has an active category, published or not. The addresses are
 * worked out over both, so a municipality has the same address on the site and on its form.
 */

/** The organisation at a public address whose meldpunt is open (an active category), or undefined. */
export async function findMeldpunt(db: Db, address: string): Promise<PublicOrganisation | undefined> {
  const rows = await db.query<Record<string, unknown>>(
    `select o.id, o.name, o.kind, o.cbs_code, o.public_site,
            exists (select 1 from meldpunt_categories c where c.municipality_id = o.id and c.is_active) as has_meldpunt,
            (select coalesce(json_agg(f.address order by f.created_at desc), '[]') from organisation_former_addresses f
              where f.organisation_id = o.id) as former_addresses
       from organisations o
      where o.kind in ('municipality', 'collaboration')
        and (exists (select 1 from document_versions v where v.owner_id = o.id and v.status = 'published')
             or exists (select 1 from meldpunt_categories c where c.municipality_id = o.id and c.is_active))
      order by o.name, o.id`,
  );
  const orgs = rows.map((r) => ({
    id: r.id as string, name: r.name as string, kind: r.kind as PublicOrganisation['kind'], cbsCode: r.cbs_code as string | null,
    publicSite: (r.public_site as TPublicSiteSettings | null) ?? null, count: 0, address: '',
    formerAddresses: r.former_addresses as string[], hasMeldpunt: r.has_meldpunt as boolean,
  }));
  for (const [a, org] of publicAddresses(orgs)) org.address = a;
  const found = findByAddress(orgs, address) as (typeof orgs)[number] | undefined;
  return found?.hasMeldpunt ? found : undefined;
}
