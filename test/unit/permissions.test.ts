import { describe, expect, it } from 'vitest';
import { ANONYMOUS, can, readScope, type Actor, type Subject, type TAction, type TRole } from '../../src/domain/permissions.ts';

const HUIZEN = 'huizen';
const LAREN = 'laren';
const POLICE = 'politie';
const DISTRICT = 'district';
const as = (role: TRole, organisationId = HUIZEN): Actor => ({ userId: `${role}-user`, roles: [{ organisationId, role }] });
const plan = (planStatus: Subject['planStatus'], over: Partial<Subject> = {}): Subject => ({ entity: 'themes', ownerId: HUIZEN, planStatus, ...over });
const ACTIONS: TAction[] = ['read', 'create', 'update', 'delete'];
const allowed = (actor: Actor, subject: Subject) => ACTIONS.filter((a) => can(actor, a, subject));

describe('plan content of Huizen', () => {
  it.each([
    // actor, draft, adopted, published
    ['beheerder', ['read'], ['read'], ['read']],
    ['adviseur', ACTIONS, ACTIONS, ACTIONS],
    ['bestuurder', ['read'], ['read'], ['read']],
    ['raadslid', [], ['read'], ['read']],
    ['partner', [], [], ['read']],
  ] as const)('%s of Huizen', (role, draft, adopted, published) => {
    const actor = as(role);
    expect(allowed(actor, plan('draft'))).toEqual(draft);
    expect(allowed(actor, plan('adopted'))).toEqual(adopted);
    expect(allowed(actor, plan('published'))).toEqual(published);
  });

  it('anonymous reads published material only', () => {
    expect(allowed(ANONYMOUS, plan('draft'))).toEqual([]);
    expect(allowed(ANONYMOUS, plan('sent_to_council'))).toEqual([]);
    expect(allowed(ANONYMOUS, plan('published'))).toEqual(['read']);
  });

  it('a decision not yet taken (a collegevoorstel in the making) is the staff’s alone, even in a published plan', () => {
    const proposal = plan('published', { entity: 'decisions', isUndecided: true });
    const taken = plan('published', { entity: 'decisions', isUndecided: false });
    for (const role of ['beheerder', 'bestuurder'] as const) expect(allowed(as(role), proposal)).toEqual(['read']);
    expect(allowed(as('adviseur'), proposal)).toEqual(ACTIONS);
    for (const actor of [as('raadslid'), as('partner'), ANONYMOUS, as('adviseur', LAREN)]) {
      expect(allowed(actor, proposal)).toEqual([]);
      expect(allowed(actor, taken)).toEqual(['read']);
    }
  });

  it('a user of another municipality sees no drafts and changes nothing', () => {
    for (const role of ['beheerder', 'adviseur', 'bestuurder', 'raadslid'] as const) {
      expect(allowed(as(role, LAREN), plan('draft'))).toEqual([]);
      expect(allowed(as(role, LAREN), plan('adopted'))).toEqual([]);
      expect(allowed(as(role, LAREN), plan('published'))).toEqual(['read']);
    }
  });

  it('spending entries stay with the organisation and its council when the plan is published', () => {
    const spending = plan('published', { entity: 'spending-entries' });
    expect(allowed(ANONYMOUS, spending)).toEqual([]);
    expect(allowed(as('adviseur', LAREN), spending)).toEqual([]);
    expect(allowed(as('raadslid'), spending)).toEqual(['read']);
    expect(allowed(as('bestuurder'), spending)).toEqual(['read']);
    expect(allowed(as('adviseur'), spending)).toEqual(ACTIONS);
    expect(allowed(as('raadslid'), { ...spending, planStatus: 'draft' })).toEqual([]);
  });

  it('a partner reads and updates only the activities it is involved in', () => {
    const police = as('partner', POLICE);
    const involved: Subject = { entity: 'activities', ownerId: HUIZEN, planStatus: 'draft', stakeholderIds: [POLICE] };
    expect(allowed(police, involved)).toEqual(['read', 'update']);
    expect(allowed(police, { ...involved, stakeholderIds: ['riec'] })).toEqual([]);
    expect(allowed(police, { ...involved, entity: 'themes' })).toEqual([]);
  });
});

describe('a joint programme', () => {
  const joint = (planStatus: Subject['planStatus']): Subject => ({ entity: 'plans', ownerId: DISTRICT, planStatus, ownerMemberIds: [HUIZEN, LAREN] });
  it('is read by the staff of each member municipality, and written by the advisers the collaboration appoints', () => {
    expect(allowed(as('adviseur', HUIZEN), joint('draft'))).toEqual(['read']);
    expect(allowed(as('raadslid', LAREN), joint('draft'))).toEqual([]);
    expect(allowed(as('raadslid', LAREN), joint('adopted'))).toEqual(['read']);
    expect(allowed(as('adviseur', DISTRICT), joint('draft'))).toEqual(ACTIONS);
    expect(allowed(as('adviseur', 'elders'), joint('draft'))).toEqual([]);
  });
});

describe('organisations, people, users and the audit trail', () => {
  it('organisations are public; a beheerder updates their own; only the platform adds municipalities', () => {
    const huizen: Subject = { entity: 'organisations', ownerId: HUIZEN, organisationKind: 'municipality' };
    expect(allowed(ANONYMOUS, huizen)).toEqual(['read']);
    expect(allowed(as('beheerder'), huizen)).toEqual(['read', 'update']);
    expect(allowed(as('adviseur'), huizen)).toEqual(['read']);
    expect(allowed({ userId: 'p', roles: [], isPlatformAdmin: true }, huizen)).toEqual(ACTIONS);
    const team: Subject = { entity: 'organisations', ownerId: HUIZEN, organisationKind: 'team' };
    expect(allowed(as('adviseur'), team)).toEqual(ACTIONS);
    expect(allowed(as('adviseur', LAREN), team)).toEqual(['read']);
  });

  it('people are personal data: staff of the organisation only', () => {
    const person: Subject = { entity: 'people', ownerId: HUIZEN };
    expect(allowed(ANONYMOUS, person)).toEqual([]);
    expect(allowed(as('raadslid'), person)).toEqual([]);
    expect(allowed(as('bestuurder'), person)).toEqual(['read']);
    expect(allowed(as('adviseur'), person)).toEqual(ACTIONS);
    expect(allowed(as('adviseur', LAREN), person)).toEqual([]);
  });

  it('users and the audit trail are for the organisation’s beheerder', () => {
    expect(allowed(as('beheerder'), { entity: 'users', ownerId: HUIZEN })).toEqual(ACTIONS);
    expect(allowed(as('adviseur'), { entity: 'users', ownerId: HUIZEN })).toEqual([]);
    expect(allowed(as('beheerder'), { entity: 'audit', ownerId: HUIZEN })).toEqual(['read']);
    expect(allowed(as('beheerder', LAREN), { entity: 'audit', ownerId: HUIZEN })).toEqual([]);
  });

  it('a platform administrator gives a municipality or collaboration its first beheerder, and nothing else (issue 11)', () => {
    const platform: Actor = { userId: 'p', roles: [], isPlatformAdmin: true };
    const users = (over: Partial<Subject>): Subject => ({ entity: 'users', ownerId: LAREN, organisationKind: 'municipality', ...over });
    expect(allowed(platform, users({ isFirstBeheerder: true }))).toEqual(['create']);
    expect(allowed(platform, users({ organisationKind: 'collaboration', isFirstBeheerder: true }))).toEqual(['create']);
    // Another role, a second beheerder, an API token: not the platform's.
    expect(allowed(platform, users({}))).toEqual([]);
    expect(allowed(platform, users({ isFirstBeheerder: false }))).toEqual([]);
    expect(allowed(platform, users({ organisationKind: 'partner', isFirstBeheerder: true }))).toEqual([]);
    expect(allowed(platform, users({ organisationKind: 'team', isFirstBeheerder: true }))).toEqual([]);
    // Where it is a beheerder itself (the first run's account), it is that organisation's beheerder.
    expect(allowed({ ...platform, roles: [{ organisationId: LAREN, role: 'beheerder' }] }, users({}))).toEqual(ACTIONS);
  });
});

describe('readScope filters lists by the same rules', () => {
  it('collects owners read in full, owners read as council, and partner organisations', () => {
    const actor: Actor = { userId: 'u', roles: [{ organisationId: HUIZEN, role: 'adviseur' }, { organisationId: LAREN, role: 'raadslid' }, { organisationId: POLICE, role: 'partner' }] };
    const scope = readScope(actor, (m) => (m === HUIZEN || m === LAREN ? [DISTRICT] : []));
    expect(scope.allOwnerIds.sort()).toEqual([DISTRICT, HUIZEN].sort());
    expect(scope.councilOwnerIds).toEqual([LAREN]);
    expect(scope.partnerOrganisationIds).toEqual([POLICE]);
    expect(readScope(ANONYMOUS)).toMatchObject({ allOwnerIds: [], councilOwnerIds: [], partnerOrganisationIds: [] });
  });
});

describe('frozen versions', () => {
  const version = (stage: Subject['planStatus'], over: Partial<Subject> = {}): Subject => ({ entity: 'versions', ownerId: HUIZEN, planStatus: stage, ...over });

  it.each([
    // actor, adopted, sent to the council, published
    ['beheerder', ['read'], ['read'], ['read']],
    ['adviseur', ['read', 'create', 'update'], ['read', 'create', 'update'], ['read', 'create', 'update']],
    ['bestuurder', ['read'], ['read'], ['read']],
    ['raadslid', ['read'], ['read'], ['read']],
    ['partner', [], [], ['read']],
  ] as const)('%s of Huizen', (role, adopted, sent, published) => {
    const actor = as(role);
    expect(allowed(actor, version('adopted'))).toEqual(adopted);
    expect(allowed(actor, version('sent_to_council'))).toEqual(sent);
    expect(allowed(actor, version('published'))).toEqual(published);
  });

  it('nobody deletes a version, the public reads only published ones, another municipality nothing else', () => {
    expect(can(as('adviseur'), 'delete', version('adopted'))).toBe(false);
    expect(allowed(ANONYMOUS, version('adopted'))).toEqual([]);
    expect(allowed(ANONYMOUS, version('sent_to_council'))).toEqual([]);
    expect(allowed(ANONYMOUS, version('published'))).toEqual(['read']);
    expect(allowed(as('raadslid', LAREN), version('sent_to_council'))).toEqual([]);
    expect(allowed(as('adviseur', LAREN), version('adopted'))).toEqual([]);
  });

  it('a raadslid of a member municipality reads the joint programme’s versions', () => {
    expect(can(as('raadslid'), 'read', version('adopted', { ownerId: DISTRICT, ownerMemberIds: [HUIZEN] }))).toBe(true);
  });
});
