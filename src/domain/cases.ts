import { z } from 'zod';
import type { Duty } from './meldpunt.ts';

/*
 * Cases under a privacy protocol (issue 14, ADR 0023): case types as data with their defaults (fields, milestones,
 * subjects, retention with its Selectielijst row), the statuses and the steps between them, and who may do what with a
 * case (`canOnCase`). Pure: the cases room's repository applies the same rule in SQL.
 */

export const CASE_STATUSES = ['open', 'in_onderzoek', 'plan_van_aanpak', 'interventie', 'nazorg', 'afgesloten'] as const;
export type TCaseStatus = (typeof CASE_STATUSES)[number];

/** Each status with the steps allowed from it; reopening a closed case needs a text (`checkCaseTransition`). */
export const CASE_TRANSITIONS: Record<TCaseStatus, readonly TCaseStatus[]> = {
  open: ['in_onderzoek', 'plan_van_aanpak', 'afgesloten'],
  in_onderzoek: ['plan_van_aanpak', 'interventie', 'afgesloten'],
  plan_van_aanpak: ['interventie', 'in_onderzoek', 'afgesloten'],
  interventie: ['nazorg', 'plan_van_aanpak', 'afgesloten'],
  nazorg: ['interventie', 'afgesloten'],
  afgesloten: ['in_onderzoek'],
};

export function checkCaseTransition(from: TCaseStatus, to: TCaseStatus, text: string | null | undefined): 'not_allowed' | 'text_required' | null {
  if (!CASE_TRANSITIONS[from].includes(to)) return 'not_allowed';
  if ((to === 'afgesloten' || from === 'afgesloten') && !text?.trim()) return 'text_required';
  return null;
}

export const SUBJECT_KINDS = ['person', 'address', 'business', 'vehicle'] as const;
export type TSubjectKind = (typeof SUBJECT_KINDS)[number];

export const ZCaseField = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  label: z.string().trim().min(1).max(200),
  kind: z.enum(['text', 'textarea', 'date', 'choice', 'number']),
  options: z.array(z.string().trim().min(1).max(100)).max(20).optional(),
});
export type TCaseField = z.infer<typeof ZCaseField>;

export const ZCaseTypeFields = z.object({
  key: z.string().regex(/^[a-z0-9-]{2,40}$/),
  name: z.string().trim().min(1).max(120),
  fields: z.array(ZCaseField).max(30),
  milestones: z.array(z.string().trim().min(1).max(200)).max(20),
  subjectKinds: z.array(z.enum(SUBJECT_KINDS)).min(1),
  requiresBsn: z.boolean(),
  retentionYears: z.number().int().min(1).max(100),
  selectielijstRow: z.string().trim().min(1).max(200),
  /** The processing activity of the register (its slug) the type's processing falls under. */
  processingActivity: z.string().regex(/^[a-z0-9-]{2,60}$/),
  /** Kinds of partner organisations that may be members of a case of this type. */
  partnerKinds: z.array(z.string()).max(20),
});
export type TCaseTypeFields = z.infer<typeof ZCaseTypeFields>;

/** The default processing activities of the register: purpose and legal basis per kind of case work. */
export const DEFAULT_PROCESSING_ACTIVITIES = [
  { slug: 'meldpunt', name: 'Meldpunt veiligheid', purpose: 'Meldingen over ondermijning, woonoverlast, zorg en jeugdoverlast ontvangen, beoordelen en afhandelen.', legalBasis: 'AVG art. 6 lid 1 sub e; Gemeentewet art. 172 (handhaving openbare orde)' },
  { slug: 'ondermijning', name: 'Lokale aanpak ondermijning', purpose: 'Signalen van ondermijning onderzoeken, een plan van aanpak maken en maatregelen uitvoeren.', legalBasis: 'AVG art. 6 lid 1 sub e; Gemeentewet art. 172; Convenant RIEC' },
  { slug: 'bibob', name: 'Bibob-onderzoek', purpose: 'De integriteit van aanvragers van vergunningen en subsidies beoordelen.', legalBasis: 'Wet Bibob art. 3, 7a en 28' },
  { slug: 'damocles', name: 'Handhaving art. 13b Opiumwet', purpose: 'Woningen en lokalen sluiten waar drugs worden verkocht of aanwezig zijn.', legalBasis: 'Opiumwet art. 13b; Algemene wet bestuursrecht' },
  { slug: 'woonoverlast', name: 'Aanpak woonoverlast', purpose: 'Ernstige en herhaaldelijke woonoverlast aanpakken, tot een gedragsaanwijzing.', legalBasis: 'Gemeentewet art. 151d; AVG art. 6 lid 1 sub e' },
  { slug: 'persoonsgerichte-aanpak', name: 'Persoonsgerichte aanpak', purpose: 'Zorg en veiligheid rond personen met complexe problematiek samen met partners regisseren.', legalBasis: 'AVG art. 6 lid 1 sub e en art. 9 lid 2 sub g; Wet verplichte ggz; Convenant Zorg- en Veiligheidshuis' },
] as const;

/**
 * The default case types (seeds 000, 003, 004) with retention from the Selectielijst gemeenten en intergemeentelijke
 * organen 2020: Bibob-onderzoek 5 years (4.12), enforcement carried out 10 years (12.2).
 */
export const DEFAULT_CASE_TYPES: TCaseTypeFields[] = [
  {
    key: 'ondermijning', name: 'Ondermijning (lokaal ondermijningsteam)',
    fields: [
      { key: 'signaalanalyse', label: 'Signaalanalyse', kind: 'textarea' },
      { key: 'plan_van_aanpak', label: 'Plan van aanpak', kind: 'textarea' },
    ],
    milestones: ['Signalen geanalyseerd', 'Plan van aanpak vastgesteld', 'Interventies uitgevoerd', 'Geëvalueerd'],
    subjectKinds: ['person', 'address', 'business', 'vehicle'], requiresBsn: false,
    retentionYears: 10, selectielijstRow: '12.2 Uitgevoerde handhaving (10 jaar)', processingActivity: 'ondermijning',
    partnerKinds: ['police', 'riec', 'prosecutor'],
  },
  {
    key: 'bibob', name: 'Bibob-onderzoek',
    fields: [
      { key: 'aanvraag', label: 'Vergunningaanvraag (soort en kenmerk)', kind: 'text' },
      { key: 'advies_lbb', label: 'Adviesaanvraag Landelijk Bureau Bibob', kind: 'choice', options: ['Niet gevraagd', 'Gevraagd', 'Ontvangen'] },
      { key: 'uitkomst', label: 'Uitkomst', kind: 'choice', options: ['Geen risico', 'Mindere mate van gevaar', 'Ernstig gevaar'] },
    ],
    milestones: ['Vragenformulier ontvangen', 'Eigen onderzoek afgerond', 'Advies Landelijk Bureau Bibob', 'Besluit op de aanvraag'],
    subjectKinds: ['person', 'business', 'address'], requiresBsn: true,
    retentionYears: 5, selectielijstRow: '4.12 Bibob-onderzoek (5 jaar)', processingActivity: 'bibob',
    partnerKinds: ['riec'],
  },
  {
    key: 'damocles', name: 'Damocles (art. 13b Opiumwet)',
    fields: [
      { key: 'bevinding', label: 'Bevinding (bestuurlijke rapportage)', kind: 'textarea' },
      { key: 'maatregel', label: 'Maatregel', kind: 'choice', options: ['Waarschuwing', 'Sluiting'] },
      { key: 'duur', label: 'Duur van de sluiting', kind: 'text' },
      { key: 'besluit_burgemeester', label: 'Besluit van de burgemeester (datum)', kind: 'date' },
    ],
    milestones: ['Bestuurlijke rapportage ontvangen', 'Voornemen verzonden', 'Besluit genomen', 'Sluiting beëindigd'],
    subjectKinds: ['address', 'person', 'business'], requiresBsn: false,
    retentionYears: 10, selectielijstRow: '12.2 Uitgevoerde handhaving (10 jaar)', processingActivity: 'damocles',
    partnerKinds: ['police'],
  },
  {
    key: 'woonoverlast', name: 'Woonoverlast (art. 151d Gemeentewet)',
    fields: [
      { key: 'meldingen', label: 'Meldingen en rapportages', kind: 'textarea' },
      { key: 'gesprekken', label: 'Gesprekken', kind: 'textarea' },
      { key: 'gedragsaanwijzing', label: 'Gedragsaanwijzing', kind: 'choice', options: ['Niet nodig', 'Voorgenomen', 'Opgelegd'] },
    ],
    milestones: ['Overlast in kaart', 'Gesprek gevoerd', 'Afspraken gemaakt', 'Gedragsaanwijzing (zo nodig)'],
    subjectKinds: ['person', 'address'], requiresBsn: false,
    retentionYears: 10, selectielijstRow: '12.2 Uitgevoerde handhaving (10 jaar)', processingActivity: 'woonoverlast',
    partnerKinds: ['police', 'housing', 'welfare'],
  },
  {
    key: 'zorg', name: 'Zorg en veiligheid (persoonsgerichte aanpak, Top X)',
    fields: [
      { key: 'partners', label: 'Betrokken zorg- en veiligheidspartners', kind: 'textarea' },
      { key: 'plan', label: 'Plan', kind: 'textarea' },
    ],
    milestones: ['Aangemeld', 'Plan opgesteld', 'Plan uitgevoerd', 'Afgeschaald'],
    subjectKinds: ['person', 'address'], requiresBsn: true,
    retentionYears: 10, selectielijstRow: '12.2 Uitgevoerde handhaving (10 jaar)', processingActivity: 'persoonsgerichte-aanpak',
    partnerKinds: ['care_safety_house', 'police', 'health', 'welfare'],
  },
];

/** Internal meeting minutes (a casusoverleg without decisions that go into a case): Selectielijst 19.9, 1 year. */
export const MEETING_MINUTES_RETENTION = { years: 1, selectielijstRow: '19.9 Interne overleggen (1 jaar)' } as const;

// --- Who may do what ------------------------------------------------------------------------------------------------

export type TCaseAction = 'read' | 'update' | 'manage_team' | 'close';

/** What the rule needs to know of a case and of the actor's relation to it. */
export interface CaseSubject {
  municipalityId: string;
  caseTypeKey: string;
  /** The actor's active membership of the case team, if any. */
  membership: 'casemanager' | 'lid' | 'partner' | null;
  /** Break-glass access of the actor, still running. */
  hasBreakGlass: boolean;
}

/** Whether the user is a case manager of this municipality (for the type, or all types). */
export const managesCases = (duties: readonly Duty[], municipalityId: string, caseTypeKey: string) =>
  duties.some((d) => d.duty === 'casemanager' && d.organisationId === municipalityId && (d.categoryKey === null || d.categoryKey === caseTypeKey));

/**
 * Need-to-know: only the members of a case's team read it – not the beheerder, a bestuurder, an adviser or the privacy
 * officer as such. The team's case manager manages the team and closes the case; members (partners included) update
 * it. Break-glass gives reading, for its time, and nothing more.
 */
export function canOnCase(action: TCaseAction, c: CaseSubject): boolean {
  if (c.membership === 'casemanager') return true;
  if (c.membership === 'lid' || c.membership === 'partner') return action === 'read' || action === 'update';
  return action === 'read' && c.hasBreakGlass;
}

/** Who may open a case of a type: the municipality's case managers (for the type). */
export const canOpenCase = (duties: readonly Duty[], municipalityId: string, caseTypeKey: string) => managesCases(duties, municipalityId, caseTypeKey);

/** Who may search subjects (hit/no-hit beyond their own cases): meldpunt handlers, case managers and case team members. */
export const canSearchSubjects = (duties: readonly Duty[], municipalityId: string, isCaseMember: boolean) =>
  isCaseMember || duties.some((d) => d.organisationId === municipalityId && (d.duty === 'behandelaar' || d.duty === 'casemanager'));

/** The privacy officer: the register, the logs, break-glass review, retention reports and inzage – no case content. */
export const isPrivacyOfficer = (duties: readonly Duty[], municipalityId: string) =>
  duties.some((d) => d.duty === 'privacy' && d.organisationId === municipalityId);

/** The case number a team uses: Z-2026-0007. */
export const caseNumber = (year: number, sequence: number) => `Z-${year}-${String(sequence).padStart(4, '0')}`;
