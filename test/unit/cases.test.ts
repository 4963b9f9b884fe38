import { describe, expect, it } from 'vitest';
import {
  canOnCase, canOpenCase, canSearchSubjects, CASE_STATUSES, CASE_TRANSITIONS, checkCaseTransition, DEFAULT_CASE_TYPES,
  DEFAULT_PROCESSING_ACTIVITIES, isPrivacyOfficer, ZCaseTypeFields, type CaseSubject,
} from '../../src/domain/cases.ts';
import type { Duty } from '../../src/domain/meldpunt.ts';

const HUIZEN = 'huizen';
const subject = (over: Partial<CaseSubject>): CaseSubject => ({ municipalityId: HUIZEN, caseTypeKey: 'woonoverlast', membership: null, hasBreakGlass: false, ...over });

describe('need-to-know on cases (issue 14)', () => {
  it('lets only the team read a case: the case manager all, members read and update, nobody else anything', () => {
    expect(['read', 'update', 'manage_team', 'close'].map((a) => canOnCase(a as never, subject({ membership: 'casemanager' })))).toEqual([true, true, true, true]);
    expect(['read', 'update', 'manage_team', 'close'].map((a) => canOnCase(a as never, subject({ membership: 'lid' })))).toEqual([true, true, false, false]);
    expect(['read', 'update', 'manage_team', 'close'].map((a) => canOnCase(a as never, subject({ membership: 'partner' })))).toEqual([true, true, false, false]);
    // A beheerder, bestuurder, adviser or privacy officer outside the team: no case content.
    expect(['read', 'update', 'manage_team', 'close'].map((a) => canOnCase(a as never, subject({})))).toEqual([false, false, false, false]);
  });

  it('gives break-glass reading only, for its time', () => {
    expect(canOnCase('read', subject({ hasBreakGlass: true }))).toBe(true);
    expect(canOnCase('update', subject({ hasBreakGlass: true }))).toBe(false);
    expect(canOnCase('manage_team', subject({ hasBreakGlass: true }))).toBe(false);
  });

  it('lets case managers open cases of their types, and handlers, case managers and members search; the privacy officer keeps the register', () => {
    const all: Duty[] = [{ organisationId: HUIZEN, duty: 'casemanager', categoryKey: null }];
    const bibob: Duty[] = [{ organisationId: HUIZEN, duty: 'casemanager', categoryKey: 'bibob' }];
    const handler: Duty[] = [{ organisationId: HUIZEN, duty: 'behandelaar', categoryKey: null }];
    const privacy: Duty[] = [{ organisationId: HUIZEN, duty: 'privacy', categoryKey: null }];
    expect(canOpenCase(all, HUIZEN, 'damocles')).toBe(true);
    expect(canOpenCase(bibob, HUIZEN, 'damocles')).toBe(false);
    expect(canOpenCase(all, 'laren', 'damocles')).toBe(false);
    expect(canOpenCase(handler, HUIZEN, 'woonoverlast')).toBe(false);
    expect(canSearchSubjects(handler, HUIZEN, false)).toBe(true);
    expect(canSearchSubjects(privacy, HUIZEN, false)).toBe(false);
    expect(canSearchSubjects([], HUIZEN, true)).toBe(true);
    expect(isPrivacyOfficer(privacy, HUIZEN)).toBe(true);
    expect(isPrivacyOfficer(handler, HUIZEN)).toBe(false);
  });
});

describe('case statuses and types as data', () => {
  it('allows only the listed steps, and closing and reopening need a text', () => {
    expect(checkCaseTransition('open', 'nazorg', null)).toBe('not_allowed');
    expect(checkCaseTransition('open', 'in_onderzoek', null)).toBeNull();
    expect(checkCaseTransition('interventie', 'afgesloten', ' ')).toBe('text_required');
    expect(checkCaseTransition('afgesloten', 'in_onderzoek', null)).toBe('text_required');
    expect(checkCaseTransition('afgesloten', 'in_onderzoek', 'Nieuwe signalen')).toBeNull();
    // Every status can be closed from, or is closed; every step leads to a known status.
    for (const s of CASE_STATUSES) {
      expect(s === 'afgesloten' || CASE_TRANSITIONS[s].includes('afgesloten'), s).toBe(true);
      for (const to of CASE_TRANSITIONS[s]) expect(CASE_STATUSES).toContain(to);
    }
  });

  it('has the five default types of the seeds, each valid, citing its Selectielijst row and a registered processing activity', () => {
    expect(DEFAULT_CASE_TYPES.map((t) => t.key)).toEqual(['ondermijning', 'bibob', 'damocles', 'woonoverlast', 'zorg']);
    const registered = DEFAULT_PROCESSING_ACTIVITIES.map((p) => p.slug as string);
    for (const t of DEFAULT_CASE_TYPES) {
      expect(ZCaseTypeFields.safeParse(t).success, t.key).toBe(true);
      expect(registered, t.key).toContain(t.processingActivity);
    }
    expect(DEFAULT_CASE_TYPES.find((t) => t.key === 'bibob')).toMatchObject({ retentionYears: 5, selectielijstRow: expect.stringContaining('4.12') });
    expect(DEFAULT_CASE_TYPES.find((t) => t.key === 'damocles')).toMatchObject({ retentionYears: 10, selectielijstRow: expect.stringContaining('12.2') });
  });
});
