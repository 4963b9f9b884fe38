import { ZOrganisation, ZOrganisationCreate, ZOrganisationFields, ZPerson, ZPersonCreate, ZPersonFields } from '../../domain/schemas.ts';
import { slugify } from '../../domain/public-site.ts';
import type { ResourceDef } from '../core/resource.ts';

/*
 * The accounts room's entities for the generic service and routes: organisations (municipalities, collaborations,
 * partners, teams) and the people in them.
 */

/** Organisations: names and CBS codes are public; a municipality or collaboration owns itself (ADR 0006). */
export const organisations: ResourceDef = {
  name: 'organisations', table: 'organisations', label: 'Organisatie',
  fields: ZOrganisationFields, create: ZOrganisationCreate, output: ZOrganisation,
  owner: 'organisation',
  fixed: ['kind', 'parentId'],
  links: [{ field: 'memberIds', table: 'collaboration_members', from: 'collaboration_id', to: 'municipality_id' }],
  references: [
    { field: 'parentId', table: 'organisations', where: `kind in ('municipality', 'collaboration')`, message: 'Kies een gemeente of samenwerking' },
    { field: 'memberIds', table: 'organisations', many: true, where: `kind = 'municipality'`, message: 'Leden zijn gemeenten' },
  ],
  json: ['publicSite'],
  filters: ['kind', 'parentId'],
  order: 'kind, name',
  subject: async (_, rec) => ({ organisationKind: rec.kind as 'municipality' | 'collaboration' | 'partner' | 'team' }),
  // A renamed organisation keeps its former public address: links to /openbaar/<former name> lead to the new one.
  onUpdate: async (tx, _ctx, before, after) => {
    const former = slugify(String(before.name));
    if (former && former !== slugify(String(after.name))) {
      await tx.query('insert into organisation_former_addresses (organisation_id, address) values ($1, $2) on conflict do nothing', [before.id, former]);
    }
  },
  read: 'public',
  isContent: false,
};

/** People: personal data, read by the owner's own staff only (ADR 0007). */
export const people: ResourceDef = {
  name: 'people', table: 'people', label: 'Persoon',
  fields: ZPersonFields, create: ZPersonCreate, output: ZPerson,
  parent: { field: 'organisationId', table: 'organisations' },
  fixed: ['organisationId'],
  references: [
    {
      // A person is linked to an account of their own organisation (or of the municipality their team belongs to).
      field: 'userId', table: 'users',
      where: `id in (select m.user_id from memberships m join organisations o on o.id = :organisationId
                      where m.organisation_id = o.id or m.organisation_id = o.owner_id)`,
      message: 'Kies een gebruiker van de eigen organisatie',
    },
  ],
  filters: ['organisationId', 'role', 'userId'],
  order: 'name',
  read: (a, scope, bind) => `${a}.owner_id = any(${bind(scope.allOwnerIds)}::uuid[])`,
  isContent: false,
};

/** The accounts room's entities with generic routes. */
export const ACCOUNT_RESOURCES: ResourceDef[] = [organisations, people];
