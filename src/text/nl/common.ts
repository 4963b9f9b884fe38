import type { ErrorCode } from '../../domain/errors.ts';
import type { ROLES } from '../../domain/permissions.ts';
import type { ROUND_STATUSES } from '../../domain/rounds.ts';
import type {
  ACTIVITY_STATUSES, BUDGET_NATURES, COLLABORATION_KINDS, DECIDING_BODIES, DIRECTIONS, FOLLOW_UP_KINDS, FUNDING_KINDS,
  MEASUREMENT_KINDS, ORGANISATION_KINDS, PARTNER_KINDS, PERSON_ROLES, PLAN_KINDS, PLAN_STATUSES, TARGET_KINDS,
  THEME_SCOPES,
} from '../../domain/schemas.ts';

/** The labels of a list of codes: one Dutch label per code. */
export type Labels<T extends readonly string[]> = Record<T[number], string>;

/**
 * What pages outside the help and the collegevoorstel show of them: the links to them. The web app's main chunk
 * carries only these (nl/web.ts); help.ts and proposal.ts spread them into their rooms.
 */
export const helpLinks = { link: 'Help', contextLink: 'Hulp bij deze pagina' } as const;
export const proposalLinks = { create: 'Collegevoorstel maken', edit: 'Bewerken' } as const;

/** Shared by every room: the app frame, forms, the labels of enum codes, time frames, frequencies and error codes. */
export const commonText = {
  app: {
    name: 'Regie',
    tagline: 'Integraal veiligheidsbeleid',
    skipLink: 'Direct naar de inhoud',
    mainNav: 'Hoofdmenu',
    dashboard: 'Dashboard',
    home: 'Overzicht',
    footer: 'Regie – software voor het integraal veiligheidsbeleid van gemeenten',
    titleSuffix: 'Regie',
    loading: 'Bezig met laden…',
    breadcrumb: 'Kruimelpad',
    notFoundTitle: 'Pagina niet gevonden',
    notFoundText: 'Deze pagina bestaat niet (meer). Ga terug naar het overzicht.',
    empty: '–',
    yes: 'Ja',
    no: 'Nee',
  },
  form: {
    save: 'Opslaan',
    saving: 'Bezig met opslaan…',
    multiSelectHelp: 'Typ om te zoeken; kies met de pijltjestoetsen en Enter.',
    chosen: (label: string) => `Gekozen: ${label}`,
    chipAdded: (label: string) => `${label} toegevoegd.`,
    chipRemoved: (label: string) => `${label} verwijderd.`,
    chipRemove: (label: string) => `Verwijder ${label}`,
    dateHint: 'Datum als dd-mm-jjjj, bijvoorbeeld 15-01-2025.',
    draftRestored: (when: string) => `Concept hersteld van ${when}.`,
    draftHelp: 'Wat u eerder typte en nog niet opsloeg, staat weer in het formulier.',
    draftDiscard: 'Concept weggooien',
    cancel: 'Annuleren',
    optional: '(niet verplicht)',
    choose: 'Kies…',
    none: 'Geen',
    newTheme: 'Nieuw thema',
    editTheme: 'Thema bewerken',
    newGoal: 'Nieuw doel',
    editGoal: 'Doel bewerken',
    newActivity: 'Nieuwe activiteit',
    editActivity: 'Activiteit bewerken',
    newIndicator: 'Nieuwe indicator',
    editIndicator: 'Indicator bewerken',
    newBudgetLine: 'Nieuwe begrotingspost',
    editBudgetLine: 'Begrotingspost bewerken',
    errorSummary: (n: number) => (n === 1 ? 'Er is 1 fout in het formulier' : `Er zijn ${n} fouten in het formulier`),
    errorSummaryHelp: 'Verbeter de volgende punten en sla opnieuw op:',
    conflictTitle: 'Iemand anders heeft dit intussen gewijzigd',
    conflictText:
      'Uw wijzigingen zijn niet opgeslagen, omdat een collega dit onderdeel heeft gewijzigd nadat u het opende. ' +
      'Laad de nieuwste versie en voer uw wijziging opnieuw in.',
    reload: 'Nieuwste versie laden',
    notANumber: 'Vul een getal in, bijvoorbeeld 7,5',
    notAYear: 'Vul een jaartal in, bijvoorbeeld 2024',
    notAnAmount: 'Vul een bedrag in euro’s in, bijvoorbeeld 35.650,00',
    firstOfficial: 'Eerste verantwoordelijke',
    backupOfficials: 'Achtervang',
    kernbeleidHelp: 'Codes gescheiden door komma’s, bijvoorbeeld 5.2, 1.3',
    position: 'Volgorde',
  },
  labels: {
    role: {
      beheerder: 'Beheerder',
      adviseur: 'Adviseur',
      bestuurder: 'Portefeuillehouder',
      raadslid: 'Raadslid',
      partner: 'Partner',
    } satisfies Labels<typeof ROLES>,
    scope: {
      joint: 'Gezamenlijk / districtelijk',
      local: 'Lokaal',
      other: 'Overig thema',
    } satisfies Labels<typeof THEME_SCOPES>,
    planKind: { ivp: 'IVP', uvp: 'UVP' } satisfies Labels<typeof PLAN_KINDS>,
    planKindLong: {
      ivp: 'Integraal veiligheidsplan',
      uvp: 'Uitvoeringsprogramma',
    } satisfies Labels<typeof PLAN_KINDS>,
    planStatus: {
      draft: 'Concept',
      adopted: 'Vastgesteld',
      sent_to_council: 'Aan de raad gezonden',
      published: 'Gepubliceerd',
      archived: 'Gearchiveerd',
    } satisfies Labels<typeof PLAN_STATUSES>,
    decidingBody: {
      council: 'Gemeenteraad',
      college: 'College van B&W',
      mayor: 'Burgemeester',
    } satisfies Labels<typeof DECIDING_BODIES>,
    activityStatus: {
      not_started: 'Niet gestart',
      in_progress: 'Loopt',
      done: 'Gereed',
      delayed: 'Vertraagd',
      cancelled: 'Vervallen',
    } satisfies Labels<typeof ACTIVITY_STATUSES>,
    roundStatus: {
      open: 'Open',
      closed: 'Gesloten',
    } satisfies Labels<typeof ROUND_STATUSES>,
    direction: {
      higher_is_better: 'Hoger is beter',
      lower_is_better: 'Lager is beter',
      neutral: 'Geen richting',
    } satisfies Labels<typeof DIRECTIONS>,
    targetKind: {
      absolute: 'Absolute waarde',
      relative: 'Relatieve verandering',
      maximum: 'Maximum',
      minimum: 'Minimum',
    } satisfies Labels<typeof TARGET_KINDS>,
    measurementKind: {
      value: 'Waarde',
      change_percent: 'Verandering (%)',
    } satisfies Labels<typeof MEASUREMENT_KINDS>,
    budgetNature: {
      structural: 'Structureel',
      incidental: 'Incidenteel',
    } satisfies Labels<typeof BUDGET_NATURES>,
    funding: {
      own: 'Eigen middelen',
      subsidy: 'Subsidie',
    } satisfies Labels<typeof FUNDING_KINDS>,
    followUp: {
      inform_council: 'Raad informeren',
      publish: 'Publiceren',
      start: 'Starten',
      evaluate: 'Evalueren',
      other: 'Overig',
    } satisfies Labels<typeof FOLLOW_UP_KINDS>,
    organisationKind: {
      municipality: 'Gemeente',
      collaboration: 'Samenwerkingsverband',
      partner: 'Partner',
      team: 'Team',
    } satisfies Labels<typeof ORGANISATION_KINDS>,
    collaborationKind: {
      district: 'District',
      basisteam: 'Basisteam',
      region: 'Regio',
      other: 'Samenwerking',
    } satisfies Labels<typeof COLLABORATION_KINDS>,
    partnerKind: {
      police: 'Politie',
      prosecutor: 'Openbaar Ministerie',
      riec: 'RIEC',
      care_safety_house: 'Zorg- en Veiligheidshuis',
      halt: 'Halt',
      welfare: 'Welzijn',
      housing: 'Woningcorporatie',
      fire_service: 'Brandweer',
      safety_region: 'Veiligheidsregio',
      health: 'Gezondheidszorg',
      education: 'Onderwijs',
      business: 'Ondernemers',
      residents: 'Inwoners',
      government: 'Overheid',
      other: 'Overig',
    } satisfies Labels<typeof PARTNER_KINDS>,
    personRole: {
      mayor: 'Burgemeester',
      alderman: 'Wethouder',
      municipal_secretary: 'Gemeentesecretaris',
      adviser: 'Adviseur',
      official: 'Ambtenaar',
      partner_contact: 'Contactpersoon partner',
      other: 'Overig',
    } satisfies Labels<typeof PERSON_ROLES>,
  },
  timeframe: {
    quarter: (q: number, year: number) => `Q${q} ${year}`,
    range: (from: string, to: string) => `${from} t/m ${to}`,
    continuous: 'Doorlopend',
    continuousFrom: (from: string) => `Doorlopend vanaf ${from}`,
    annual: 'Jaarlijks',
  },
  frequency: {
    once: 'Eenmalig',
    onRequest: 'Op afroep',
    continuous: 'Doorlopend',
    recurring: (count: string, per: string, isMinimum: boolean) => `${isMinimum ? 'minimaal ' : ''}${count}× per ${per}`,
    unit: {
      week: (n: number) => (n === 1 ? 'week' : `${n} weken`),
      month: (n: number) => (n === 1 ? 'maand' : `${n} maanden`),
      year: (n: number) => (n === 1 ? 'jaar' : `${n} jaar`),
    },
  },
  errors: {
    validation: 'De invoer is niet geldig. Verbeter de gemarkeerde velden.',
    bad_request: 'Het verzoek is ongeldig.',
    unauthorized: 'U bent niet (meer) ingelogd. Log in om verder te gaan.',
    forbidden: 'U mag dit niet doen met uw rol.',
    too_many_requests: 'Te veel pogingen. Wacht even en probeer het dan opnieuw.',
    not_found: 'Niet gevonden. Het is misschien verwijderd.',
    conflict: 'Iemand anders heeft dit intussen gewijzigd.',
    in_use: 'Dit wordt nog gebruikt door andere gegevens.',
    internal: 'Er ging iets mis aan onze kant. Probeer het later opnieuw.',
    unavailable: 'Dit is in deze installatie niet beschikbaar.',
    network: 'Geen verbinding met de server. Controleer uw verbinding en probeer het opnieuw.',
    unknown: 'Er ging iets mis. Probeer het opnieuw.',
  } satisfies Record<ErrorCode | 'network' | 'unknown', string>,
  /**
   * What to fill in, per collection and field, instead of the schemas' bare "Verplicht veld" (review D12; NL Design
   * System: say what to do). `fieldMessage` in src/text/field-messages.ts applies it, on the server and in the forms.
   */
  requiredFields: {
    plans: { title: 'Vul de titel van het programma in' },
    themes: { title: 'Vul de naam van het thema in' },
    goals: { title: 'Vul het doel in' },
    indicators: { name: 'Vul de naam van de indicator in' },
    measurements: { periodLabel: 'Vul de periode van de meting in, bijvoorbeeld 2024' },
    activities: { title: 'Vul de naam van de activiteit in' },
    'budget-lines': { title: 'Vul de omschrijving van de begrotingspost in' },
    'regular-tasks': { title: 'Vul de naam van de vaste taak in' },
    decisions: { title: 'Vul het onderwerp van het voorstel in' },
    organisations: { name: 'Vul de naam van de organisatie in' },
    people: { name: 'Vul de naam van de persoon in' },
  } as Record<string, Record<string, string>>,
  errorTitle: 'Er ging iets mis',
  retry: 'Opnieuw proberen',
} as const;
