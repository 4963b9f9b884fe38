import { z } from 'zod';

/*
 * The meldpunt's rules as data (issue 13, ADR 0023): a melding's statuses and the steps between them, the coarse
 * status a reporter sees, the categories' questions, the CCV Modelprotocol's four wegingen, and who may do what with a
 * melding (`canOnMelding`). Pure: the server's repository applies the same rule in SQL (`meldingScope`).
 */

export const MELDING_SOURCES = ['public', 'internal', 'mma'] as const;
export type TMeldingSource = (typeof MELDING_SOURCES)[number];

export const MELDING_STATUSES = ['nieuw', 'in_behandeling', 'wacht_op_melder', 'doorgestuurd', 'afgesloten', 'samengevoegd'] as const;
export type TMeldingStatus = (typeof MELDING_STATUSES)[number];

/** Each status with the steps allowed from it. Closing and reopening require a text (`NEEDS_TEXT`). */
export const MELDING_TRANSITIONS: Record<TMeldingStatus, readonly TMeldingStatus[]> = {
  nieuw: ['in_behandeling', 'afgesloten', 'samengevoegd'],
  in_behandeling: ['wacht_op_melder', 'doorgestuurd', 'afgesloten', 'samengevoegd'],
  wacht_op_melder: ['in_behandeling', 'doorgestuurd', 'afgesloten'],
  doorgestuurd: ['in_behandeling', 'afgesloten'],
  afgesloten: ['in_behandeling'],
  samengevoegd: [],
};

/** Steps that need a text: closing (the reason) and reopening (why). */
export const needsText = (from: TMeldingStatus, to: TMeldingStatus) => to === 'afgesloten' || from === 'afgesloten';

/** The problem with a status change, or null when it is allowed. */
export function checkMeldingTransition(from: TMeldingStatus, to: TMeldingStatus, text: string | null | undefined):
  'not_allowed' | 'text_required' | null {
  if (!MELDING_TRANSITIONS[from].includes(to)) return 'not_allowed';
  if (needsText(from, to) && !text?.trim()) return 'text_required';
  return null;
}

/** What a reporter with a meldcode sees: ontvangen, in behandeling, afgerond. */
export const PUBLIC_STATUSES = ['ontvangen', 'in_behandeling', 'afgerond'] as const;
export type TPublicStatus = (typeof PUBLIC_STATUSES)[number];
export const publicStatusOf = (status: TMeldingStatus): TPublicStatus =>
  status === 'nieuw' ? 'ontvangen' : status === 'afgesloten' || status === 'samengevoegd' ? 'afgerond' : 'in_behandeling';

/** Open statuses: the queue and the response-time clock. */
export const OPEN_STATUSES: readonly TMeldingStatus[] = ['nieuw', 'in_behandeling', 'wacht_op_melder', 'doorgestuurd'];

/** The meldnummer a reporter keeps: M-2026-0042. */
export const meldnummer = (year: number, sequence: number) => `M-${year}-${String(sequence).padStart(4, '0')}`;

// --- Categories and their questions ---------------------------------------------------------------------------------

export const QUESTION_KINDS = ['text', 'textarea', 'date', 'choice', 'place'] as const;
export const ZQuestion = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  label: z.string().trim().min(1).max(200),
  hint: z.string().max(400).optional(),
  kind: z.enum(QUESTION_KINDS),
  required: z.boolean().default(false),
  options: z.array(z.string().trim().min(1).max(100)).max(20).optional(),
});
export type TQuestion = z.infer<typeof ZQuestion>;

/** The questions every category asks unless it says otherwise: what, where, when, how often, who. */
export const STANDARD_QUESTIONS: TQuestion[] = [
  { key: 'wat', label: 'Wat is er aan de hand?', hint: 'Beschrijf wat u ziet of weet. Typ geen gegevens over uzelf in de omschrijving.', kind: 'textarea', required: true },
  { key: 'waar', label: 'Waar is het?', hint: 'Een adres of een omschrijving van de plek.', kind: 'place', required: true },
  { key: 'wanneer', label: 'Wanneer was het?', hint: 'Bijvoorbeeld 12-11-2026 of "elke vrijdagavond".', kind: 'text', required: false },
  { key: 'hoe_vaak', label: 'Hoe vaak gebeurt het?', kind: 'choice', required: false, options: ['Eén keer', 'Vaker', 'Dagelijks', 'Weet ik niet'] },
  { key: 'personen', label: 'Welke personen zijn erbij betrokken?', hint: 'Een omschrijving is genoeg.', kind: 'textarea', required: false },
];
const VEHICLES_AND_BUSINESSES: TQuestion[] = [
  { key: 'voertuigen', label: 'Welke voertuigen zijn erbij betrokken?', hint: 'Merk, kleur, kenteken als u dat weet.', kind: 'text', required: false },
  { key: 'bedrijven', label: 'Welke bedrijven zijn erbij betrokken?', hint: 'Naam of soort bedrijf, adres.', kind: 'text', required: false },
];

export const ZCategoryFields = z.object({
  key: z.string().regex(/^[a-z0-9-]{2,40}$/),
  name: z.string().trim().min(1).max(120),
  description: z.string().max(1000).default(''),
  questions: z.array(ZQuestion).max(20).default([]),
  handlingText: z.string().max(2000).default(''),
  responseDays: z.number().int().min(1).max(365).default(5),
  referralUrl: z.url().max(500).nullable().default(null),
  noActionRetentionMonths: z.number().int().min(1).max(120).default(12),
  isActive: z.boolean().default(true),
  position: z.number().int().min(0).default(0),
});
export type TCategoryFields = z.infer<typeof ZCategoryFields>;

/** The default categories of a municipality's meldpunt, from the source documents (seeds 000, 003). */
export const DEFAULT_CATEGORIES: TCategoryFields[] = [
  {
    key: 'ondermijning', name: 'Ondermijning', description: 'Een vermoeden van criminele activiteiten, zoals drugshandel, witwassen, mensenhandel of een bedrijf dat als dekmantel dient.',
    questions: [...STANDARD_QUESTIONS, ...VEHICLES_AND_BUSINESSES],
    handlingText: 'Het team Openbare Orde en Veiligheid beoordeelt uw melding volgens het Modelprotocol van het CCV. Soms gaat een samenvatting naar de politie of het RIEC; uw gegevens gaan alleen mee als u daarvoor toestemming geeft.',
    responseDays: 10, referralUrl: null, noActionRetentionMonths: 12, isActive: true, position: 0,
  },
  {
    key: 'woonoverlast', name: 'Woonoverlast', description: 'Overlast van buren of van een woning: geluid, stank, vervuiling, bedreiging.',
    questions: STANDARD_QUESTIONS,
    handlingText: 'Een medewerker bekijkt uw melding en bespreekt zo nodig met de woningcorporatie, de politie of de wijkteams wat er kan gebeuren.',
    responseDays: 5, referralUrl: null, noActionRetentionMonths: 12, isActive: true, position: 1,
  },
  {
    key: 'zorg', name: 'Zorgmelding of persoon met onbegrepen gedrag', description: 'U maakt zich zorgen over iemand: verward gedrag, vereenzaming, vervuiling, verslaving.',
    questions: STANDARD_QUESTIONS,
    handlingText: 'Het Zorg- en Veiligheidshuis of het wijkteam neemt uw melding op. Bij direct gevaar: bel 112.',
    responseDays: 2, referralUrl: null, noActionRetentionMonths: 12, isActive: true, position: 2,
  },
  {
    key: 'jeugdoverlast', name: 'Jeugdoverlast', description: 'Overlast van jongeren of groepen jongeren op straat, in parken of bij winkels.',
    questions: STANDARD_QUESTIONS,
    handlingText: 'De jongerenwerkers, de boa\'s en de politie gebruiken de meldingen om te bepalen waar zij extra aandacht geven.',
    responseDays: 5, referralUrl: null, noActionRetentionMonths: 12, isActive: true, position: 3,
  },
  {
    key: 'discriminatie', name: 'Discriminatie', description: 'U bent gediscrimineerd of u zag dat iemand anders werd gediscrimineerd.',
    questions: STANDARD_QUESTIONS,
    handlingText: 'De gemeente bekijkt uw melding en verwijst u zo nodig naar het antidiscriminatievoorziening in de regio.',
    responseDays: 5, referralUrl: null, noActionRetentionMonths: 12, isActive: true, position: 4,
  },
  {
    key: 'openbare-ruimte', name: 'Openbare ruimte', description: 'Kapotte straatverlichting, zwerfvuil, losliggende stoeptegels: meld het bij het meldpunt openbare ruimte van de gemeente.',
    questions: [], handlingText: 'Meldingen over de openbare ruimte gaan via het eigen meldpunt van de gemeente.',
    responseDays: 5, referralUrl: 'https://meldingen.example.nl/', noActionRetentionMonths: 12, isActive: true, position: 5,
  },
];

// --- Contact details ------------------------------------------------------------------------------------------------

/** A reporter's contact details: all optional; stored encrypted, masked for everyone but the melding's handlers. */
export const ZReporter = z.object({
  name: z.string().trim().max(200).optional(),
  email: z.email().max(254).optional(),
  phone: z.string().trim().regex(/^[0-9 +()-]{6,20}$/).optional(),
});
export type TReporter = z.infer<typeof ZReporter>;
export const MASK = '*****';
export const maskReporter = (r: TReporter): TReporter =>
  Object.fromEntries(Object.entries(r).filter(([, v]) => v).map(([k]) => [k, MASK]));

// --- The CCV Modelprotocol ------------------------------------------------------------------------------------------

/** Weging 3's outcomes and weging 4's approaches. */
export const CCV_OUTCOMES = ['geen_actie', 'afdeling', 'riec', 'nader_onderzoek'] as const;
export const CCV_APPROACHES = ['afdeling', 'casusoverleg', 'riec'] as const;
export const ZTriageAnswer = z.discriminatedUnion('weging', [
  z.object({ weging: z.literal(1), isOndermijning: z.boolean(), lokaleVerankering: z.boolean(), signalen: z.string().max(2000) }),
  z.object({ weging: z.literal(2), gemeentelijkeTaak: z.boolean(), grondgebied: z.boolean(), toelichting: z.string().max(2000) }),
  z.object({ weging: z.literal(3), ernst: z.enum(['laag', 'midden', 'hoog']), uitkomst: z.enum(CCV_OUTCOMES), toelichting: z.string().max(2000) }),
  z.object({ weging: z.literal(4), aanpak: z.enum(CCV_APPROACHES), toelichting: z.string().max(2000) }),
]);
export type TTriageAnswer = z.infer<typeof ZTriageAnswer>;
/** A recorded answer: with who decided and when. */
export type TTriageRecord = TTriageAnswer & { decidedBy: string; decidedByName: string; decidedAt: string };

// --- Who may do what ------------------------------------------------------------------------------------------------

export const DUTIES = ['behandelaar', 'casemanager', 'privacy'] as const;
export type TDuty = (typeof DUTIES)[number];
/** A meldpunt duty of a user in a municipality, for one category (key) or all (null). */
export interface Duty { organisationId: string; duty: TDuty; categoryKey: string | null }

export type TMeldingAction = 'read' | 'triage' | 'read_reporter' | 'forward';

/** What the rule needs to know of a melding. */
export interface MeldingSubject { municipalityId: string; categoryKey: string; handlerId: string | null; internalReporterId: string | null }

/** Whether a user with these duties handles meldingen of this municipality and category. */
export const handles = (duties: readonly Duty[], municipalityId: string, categoryKey: string) =>
  duties.some((d) => d.duty === 'behandelaar' && d.organisationId === municipalityId && (d.categoryKey === null || d.categoryKey === categoryKey));

/**
 * Need-to-know: the behandelaars of the municipality (for the category) read, triage and forward a melding and read
 * its reporter's contact details; nobody else does – not the beheerder, not the adviser. An official who reported an
 * internal signal reads that signal (not the triage).
 */
export function canOnMelding(userId: string | null, duties: readonly Duty[], action: TMeldingAction, m: MeldingSubject): boolean {
  if (handles(duties, m.municipalityId, m.categoryKey)) return true;
  return action === 'read' && !!userId && m.internalReporterId === userId;
}
