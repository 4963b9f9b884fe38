import { randomUUID } from 'node:crypto';
import { createUser } from '../src/server/accounts/accounts.ts';
import { SYSTEM } from '../src/server/core/audit.ts';
import type { Db } from '../src/server/db/client.ts';
import type { TRole } from '../src/domain/permissions.ts';
import type { TDuty } from '../src/domain/meldpunt.ts';
import { slugify } from '../src/domain/public-site.ts';
import { ensureDefaultCategories, type Category } from '../src/server/meldpunt/repository.ts';
import { type Api, make, signIn, TEST_PASSWORD } from './api.ts';

/*
 * A municipality with a meldpunt and everyone who meets it, for the meldpunt's tests and its authorisation matrix
 * (test/api/meldpunt-matrix.test.ts). Each call makes its own municipality, so tests share nothing.
 */

export const MELDPUNT_WHO = [
  'anoniem', 'beheerder', 'adviseur', 'behandelaar', 'behandelaar woonoverlast', 'partner politie', 'partner zvh',
  'behandelaar andere gemeente',
] as const;
export type MeldpuntWho = (typeof MELDPUNT_WHO)[number];

export interface MeldpuntFixture {
  municipality: { id: string; name: string; cbsCode: string };
  other: { id: string; name: string };
  /** The municipality's public address (/openbaar/<address>). */
  address: string;
  categories: Category[];
  category: (key: string) => Category;
  police: { id: string; name: string };
  zvh: { id: string; name: string };
  /** A client per actor (anoniem: no session). */
  as: Record<MeldpuntWho, Api>;
  userIds: Partial<Record<MeldpuntWho, string>>;
}

async function member(api: Api, db: Db, name: string, memberships: { organisationId: string; role: TRole }[],
  duties: { organisationId: string; duty: TDuty; categoryKey?: string }[] = []) {
  const email = `${name.replace(/\W+/g, '-')}-${randomUUID().slice(0, 6)}@regie.test`.toLowerCase();
  const { id } = await createUser(db, { email, name, password: TEST_PASSWORD, memberships }, SYSTEM);
  for (const d of duties) {
    await db.query('insert into meldpunt_duties (user_id, organisation_id, duty, category_key) values ($1, $2, $3, $4)',
      [id, d.organisationId, d.duty, d.categoryKey ?? null]);
  }
  return { id, api: api.as(await signIn(api.app, email, TEST_PASSWORD)) };
}

/** A municipality with the default categories, a police and a Zorg- en Veiligheidshuis partner, and one actor per role. */
export async function meldpuntFixture(api: Api, db: Db): Promise<MeldpuntFixture> {
  const municipality = await make.municipality(api);
  const other = await make.municipality(api);
  const police = await api.create('/organisations', { kind: 'partner', partnerKind: 'police', name: `Politie ${randomUUID().slice(0, 6)}` });
  const zvh = await api.create('/organisations', { kind: 'partner', partnerKind: 'care_safety_house', name: `Zorg- en Veiligheidshuis ${randomUUID().slice(0, 6)}` });
  const categories = await ensureDefaultCategories(db, municipality.id);
  await ensureDefaultCategories(db, other.id);
  const m = municipality.id;
  const people = {
    beheerder: await member(api, db, 'Beheerder', [{ organisationId: m, role: 'beheerder' }]),
    adviseur: await member(api, db, 'Adviseur', [{ organisationId: m, role: 'adviseur' }]),
    behandelaar: await member(api, db, 'Behandelaar', [{ organisationId: m, role: 'adviseur' }], [{ organisationId: m, duty: 'behandelaar' }]),
    'behandelaar woonoverlast': await member(api, db, 'Behandelaar woonoverlast', [{ organisationId: m, role: 'adviseur' }],
      [{ organisationId: m, duty: 'behandelaar', categoryKey: 'woonoverlast' }]),
    'partner politie': await member(api, db, 'Partner politie', [{ organisationId: police.id, role: 'partner' }]),
    'partner zvh': await member(api, db, 'Partner ZVH', [{ organisationId: zvh.id, role: 'partner' }]),
    'behandelaar andere gemeente': await member(api, db, 'Behandelaar elders', [{ organisationId: other.id, role: 'adviseur' }],
      [{ organisationId: other.id, duty: 'behandelaar' }]),
  };
  const address = slugify(municipality.name);
  return {
    municipality, other, address, categories, police, zvh,
    category: (key) => categories.find((c) => c.key === key)!,
    as: { anoniem: api.as(null), ...Object.fromEntries(Object.entries(people).map(([k, v]) => [k, v.api])) } as Record<MeldpuntWho, Api>,
    userIds: Object.fromEntries(Object.entries(people).map(([k, v]) => [k, v.id])),
  };
}
