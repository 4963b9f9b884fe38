/** The web app's URLs, in one place so links and routes agree. */
export const paths = {
  home: () => '/',
  /** The start page with all municipalities, not only the signed-in reader's own (issue 12, D10). */
  homeAll: () => '/?alle=1',
  /** The login page; after login it returns to `from`. */
  login: (from?: string) => (from && from !== '/' ? withReturn('/inloggen', from) : '/inloggen'),
  auditLog: (organisationId: string) => `/organisaties/${organisationId}/auditlog`,
  members: (organisationId: string) => `/organisaties/${organisationId}/gebruikers`,
  apiTokens: (organisationId: string) => `/organisaties/${organisationId}/api-tokens`,
  sso: (organisationId: string) => `/organisaties/${organisationId}/single-sign-on`,
  publicSiteSettings: (organisationId: string) => `/organisaties/${organisationId}/openbare-site`,
  passwordReset: () => '/wachtwoord-vergeten',
  /** The page a one-time link opens to set a password; absolute, to pass on. */
  setPasswordUrl: (token: string) => `${window.location.origin}/wachtwoord?token=${encodeURIComponent(token)}`,
  organisation: (id: string) => `/organisaties/${id}`,
  /** Meldpunt in cijfers of a municipality. */
  meldpuntOverview: (id: string) => `/organisaties/${id}/meldpunt-in-cijfers`,
  /** An organisation's dashboard, for one plan and one portefeuillehouder when given. */
  dashboard: (id: string, filter: { plan?: string; portefeuillehouder?: string } = {}) =>
    `/organisaties/${id}/dashboard${query(filter)}`,
  /** The programme's activity table with filters set. */
  programmeFiltered: (planId: string, filter: Record<string, string | undefined>) => `/plannen/${planId}/activiteiten${query(filter)}`,
  /** A theme's page showing only its indicators with this status. */
  themeIndicators: (planId: string, themeId: string, status: string) =>
    `/plannen/${planId}/themas/${themeId}?indicatorstatus=${encodeURIComponent(status)}#indicatoren`,
  /** A plan's page showing all its indicators (of the plan and its themes) with one of these statuses. */
  planIndicators: (planId: string, statuses: readonly string[]) =>
    `/plannen/${planId}?indicatorstatus=${encodeURIComponent(statuses.join(','))}#indicatoren`,
  myActivities: () => '/mijn-activiteiten',
  /** The meldpunt's back office: the queue, a melding, an internal signal, a tip of Meld Misdaad Anoniem. */
  meldingen: () => '/meldpunt/meldingen',
  melding: (id: string) => `/meldpunt/meldingen/${id}`,
  meldingForward: (id: string) => `/meldpunt/meldingen/${id}/doorsturen`,
  signal: () => '/meldpunt/signaal',
  tip: () => '/meldpunt/tip',
  /** An activity's page: its progress, history and occurrences (readable for partners too, without the plan). */
  activity: (activityId: string) => `/activiteiten/${activityId}`,
  rounds: (planId: string) => `/plannen/${planId}/rondes`,
  /** Two versions of a plan compared, or a version and the live draft (`tot=concept`). */
  compare: (planId: string, from?: string, to?: string) => `/plannen/${planId}/vergelijken${query({ van: from, tot: to })}`,
  round: (roundId: string) => `/rondes/${roundId}`,
  plan: (id: string) => `/plannen/${id}`,
  programme: (planId: string) => `/plannen/${planId}/activiteiten`,
  budget: (planId: string) => `/plannen/${planId}/begroting`,
  roadmap: (planId: string) => `/plannen/${planId}/planning`,
  theme: (planId: string, themeId: string) => `/plannen/${planId}/themas/${themeId}`,
  newTheme: (planId: string) => `/plannen/${planId}/themas/nieuw`,
  editTheme: (planId: string, themeId: string) => `/plannen/${planId}/themas/${themeId}/bewerken`,
  newGoal: (planId: string, themeId: string) => `/plannen/${planId}/themas/${themeId}/doelen/nieuw`,
  editGoal: (planId: string, goalId: string) => `/plannen/${planId}/doelen/${goalId}/bewerken`,
  newActivity: (planId: string, themeId: string) => `/plannen/${planId}/themas/${themeId}/activiteiten/nieuw`,
  editActivity: (planId: string, activityId: string) => `/plannen/${planId}/activiteiten/${activityId}/bewerken`,
  newIndicator: (planId: string, themeId?: string) =>
    `/plannen/${planId}/indicatoren/nieuw${themeId ? `?thema=${encodeURIComponent(themeId)}` : ''}`,
  editIndicator: (planId: string, indicatorId: string) => `/plannen/${planId}/indicatoren/${indicatorId}/bewerken`,
  indicator: (planId: string, indicatorId: string) => `/plannen/${planId}/indicatoren/${indicatorId}`,
  newMeasurement: (planId: string, indicatorId: string) => `/plannen/${planId}/indicatoren/${indicatorId}/metingen/nieuw`,
  editMeasurement: (planId: string, measurementId: string) => `/plannen/${planId}/metingen/${measurementId}/bewerken`,
  importMeasurements: (planId: string) => `/plannen/${planId}/metingen-importeren`,
  importExcel: (planId: string) => `/plannen/${planId}/excel-importeren`,
  referenceAreas: (planId: string) => `/plannen/${planId}/vergelijkingsgebieden`,
  newBudgetLine: (planId: string, parentId?: string) =>
    `/plannen/${planId}/begroting/posten/nieuw${parentId ? `?hoofdpost=${encodeURIComponent(parentId)}` : ''}`,
  editBudgetLine: (planId: string, lineId: string) => `/plannen/${planId}/begroting/posten/${lineId}/bewerken`,
  /** The budget with its realisation over one year, or over the whole period. */
  budgetYear: (planId: string, year: number | null) => `/plannen/${planId}/begroting${year === null ? '' : `?jaar=${year}`}`,
  budgetLine: (planId: string, lineId: string) => `/plannen/${planId}/begroting/posten/${lineId}`,
  newSpending: (planId: string, lineId: string) => `/plannen/${planId}/begroting/posten/${lineId}/uitgaven/nieuw`,
  editSpending: (planId: string, lineId: string, entryId: string) =>
    `/plannen/${planId}/begroting/posten/${lineId}/uitgaven/${entryId}/bewerken`,
  newProposal: (planId: string) => `/plannen/${planId}/collegevoorstel/nieuw`,
  /** "Nieuw programma op basis van dit programma". */
  successorPlan: (planId: string) => `/plannen/${planId}/volgend-programma`,
  editProposal: (planId: string, decisionId: string) => `/plannen/${planId}/besluiten/${decisionId}/bewerken`,
  /** The help pages, at one topic when given. */
  help: (topic?: string) => `/help${topic ? `#${topic}` : ''}`,
};

function query(params: Record<string, string | undefined>): string {
  const entries = Object.entries(params).filter((e): e is [string, string] => !!e[1]);
  return entries.length ? `?${new URLSearchParams(entries)}` : '';
}

/** Where a user lands after logging in without a page to return to: a portefeuillehouder (bestuurder) on the
 * dashboard of their organisation, everyone else on the start page. */
export function landingPage(memberships: readonly { organisationId: string; role: string }[]): string {
  const isStaff = memberships.some((m) => m.role === 'adviseur' || m.role === 'beheerder');
  const board = memberships.find((m) => m.role === 'bestuurder');
  return board && !isStaff ? paths.dashboard(board.organisationId) : paths.home();
}

const RETURN_PARAM = 'terug';

/** A form link that remembers the page it was opened from, so saving returns there. */
export function withReturn(path: string, from: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}${RETURN_PARAM}=${encodeURIComponent(from)}`;
}

/** The page to return to: the `terug` parameter when it is a path of this app, else the fallback. */
export function returnTarget(search: URLSearchParams, fallback: string): string {
  const target = search.get(RETURN_PARAM);
  // Only local paths: "//host" or "https://…" would make the form an open redirect.
  return target && target.startsWith('/') && !target.startsWith('//') && !target.includes('\\') ? target : fallback;
}
