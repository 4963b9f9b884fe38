import type { TCarryOverInput, TCarryOverResult } from '../../domain/carry-over.ts';
import type { ErrorCode, FieldError } from '../../domain/errors.ts';
import type {
  TActivity, TBudgetLine, TDecision, TGoal, TIndicator, TMeasurement, TOrganisation, TPerson, TPlan, TPlanSummary, TRegion, TSpendingEntry, TTheme,
} from '../../domain/schemas.ts';
import type { TProposalRequest } from '../../domain/proposal.ts';
import type { TMeldpuntOverview } from '../../domain/meldpunt-overview.ts';
import type {
  TImportPreview, TImportResult, TMeasurementImportCommit, TMeasurementImportRequest,
} from '../../domain/measurement-import.ts';
import type { TXlsxCommit, TXlsxPreview, TXlsxRequest, TXlsxResult } from '../../domain/programme-xlsx.ts';
import { sessionStore, type SessionUser } from './session.ts';
import { clearDrafts } from '../session/drafts.ts';
import type { TRole } from '../../domain/permissions.ts';
import type {
  ActivityFilter, AddedMember, ApiToken, AuditEntry, AuditFilter, LoginOptions, Member, MyActivity, PasswordLink, PlanBudget,
  PlanExport, ProgrammeActivity, Roadmap, SetupInput, SsoConfigInput, SsoSettings,
} from './types.ts';
import type { TActivityProgress, TOccurrence, TOccurrenceInput, TProgressEntry, TProgressInput } from '../../domain/progress.ts';
import type { TOrganisationDashboard } from '../../domain/dashboard.ts';
import type { TMyUpdates, TReminderResult, TRound, TRoundDetail, TRoundOpen } from '../../domain/rounds.ts';
import type { TDocumentVersion, TPlanVersions, TVersionAdopt, TVersionCouncil } from '../../domain/versions.ts';
import type { TPlanComparison } from '../../domain/plan-content.ts';

const BASE = '/api/v1';

/** The formats of the council document. */
export const DOCUMENT_FORMATS = ['docx', 'pdf', 'html'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** A failed API call: the problem document's code, Dutch title and field errors. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'network' | 'unknown',
    title: string,
    readonly errors: FieldError[] = [],
  ) {
    super(title);
  }

  get isConflict(): boolean {
    return this.status === 409 && this.code === 'conflict';
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const CSRF_HEADER = 'x-csrf-token';
const SESSION_EXPIRES_HEADER = 'x-session-expires';

function send(method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const token = sessionStore.csrfToken();
  if (UNSAFE.has(method) && token) headers[CSRF_HEADER] = token;
  return fetch(BASE + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }).then((res) => {
    // Every answer to a signed-in request says when the session now ends.
    const expires = res.headers.get(SESSION_EXPIRES_HEADER);
    if (expires) sessionStore.setExpiry(expires);
    return res;
  });
}

/** Who the server says is signed in, without telling the pages yet. */
async function readMe(): Promise<Me> {
  const res = await sendOrFail('GET', '/auth/me');
  if (!res.ok) throw await toError(res);
  return (await res.json()) as Me;
}

async function toError(res: Response): Promise<ApiError> {
  const data = await res.json().catch(() => null);
  const problem = (data ?? {}) as { code?: ErrorCode; title?: string; errors?: FieldError[] };
  return new ApiError(res.status, problem.code ?? 'unknown', problem.title ?? '', problem.errors ?? []);
}

async function sendOrFail(method: string, path: string, body?: unknown): Promise<Response> {
  try {
    return await send(method, path, body);
  } catch {
    throw new ApiError(0, 'network', '');
  }
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res = await sendOrFail(method, path, body);
  // A write refused for its CSRF token: the session changed (signed in again in another tab). Once more, with the
  // current token. (A session that ended is the dialog's, below: the pages must not hear of it before.)
  if (res.status === 403 && UNSAFE.has(method)) {
    const me = await readMe().catch(() => null);
    if (me?.user && me.csrfToken !== sessionStore.csrfToken()) {
      sessionStore.set(me.user, me.csrfToken);
      res = await sendOrFail(method, path, body);
    }
  }
  if (res.status === 204) return undefined as T;
  if (!res.ok) {
    const error = await toError(res);
    // Refused while signed in, because the session ended: log in again in a dialog, and send the same request again –
    // the page, and what was typed in it, stays (review D3).
    if ([401, 403, 404].includes(res.status) && !path.startsWith('/auth/') && sessionStore.get().user
      && (res.status === 401 || (await readMe().catch(() => null))?.user === null)) {
      if (await sessionStore.askLogin()) return request<T>(method, path, body);
      sessionStore.set(null, null);
      throw error;
    }
    if (res.status === 401 && !path.startsWith('/auth/')) sessionStore.set(null, null);
    // Not found or not allowed while signed in: perhaps the session expired. Check, so the page can offer to log in.
    else if ((res.status === 404 || res.status === 403) && sessionStore.get().user) void revalidate();
    throw error;
  }
  return (await res.json().catch(() => null)) as T;
}

interface Me {
  user: SessionUser | null;
  csrfToken: string | null;
  expiresAt: string | null;
}

/** Asks the server who is signed in and keeps the answer (and the CSRF token). */
export async function refreshSession(): Promise<{ tokenChanged: boolean }> {
  const before = sessionStore.csrfToken();
  const me = await request<Me>('GET', '/auth/me');
  sessionStore.set(me.user, me.csrfToken);
  sessionStore.setExpiry(me.expiresAt);
  return { tokenChanged: !!me.csrfToken && me.csrfToken !== before };
}

let lastCheck = 0;
async function revalidate() {
  if (Date.now() - lastCheck < 5_000) return;
  lastCheck = Date.now();
  await refreshSession().catch(() => undefined);
}

/** At start-up: who is signed in. Without an answer (no connection) the app starts signed out. */
export async function loadSession(): Promise<void> {
  await refreshSession().catch(() => sessionStore.set(null, null));
}

function query(params: Record<string, string | undefined>): string {
  const entries = Object.entries(params).filter((e): e is [string, string] => !!e[1]);
  return entries.length ? `?${new URLSearchParams(entries)}` : '';
}

/** The collections of the API that can be written, with their record types. */
export interface Resources {
  themes: TTheme;
  goals: TGoal;
  activities: TActivity;
  indicators: TIndicator;
  measurements: TMeasurement;
  plans: TPlan;
  'budget-lines': TBudgetLine;
  'spending-entries': TSpendingEntry;
  people: TPerson;
  decisions: TDecision;
  organisations: TOrganisation;
}
export type ResourceName = keyof Resources;

/** Progress of an upload: the share sent (0–1), then null while the server works on it. */
export type UploadProgress = (sent: number | null) => void;

/**
 * A JSON POST that reports the upload's progress (fetch cannot), for large files: XMLHttpRequest with the same CSRF
 * header and the same problem documents as every other call.
 */
function postWithProgress<T>(path: string, body: unknown, onProgress: UploadProgress): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', BASE + path);
    xhr.setRequestHeader('content-type', 'application/json');
    xhr.setRequestHeader('accept', 'application/json');
    const token = sessionStore.csrfToken();
    if (token) xhr.setRequestHeader(CSRF_HEADER, token);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.upload.onload = () => onProgress(null);
    xhr.onerror = () => reject(new ApiError(0, 'network', ''));
    xhr.onload = () => {
      const data = (() => {
        try {
          return JSON.parse(xhr.responseText) as unknown;
        } catch {
          return null;
        }
      })();
      if (xhr.status >= 200 && xhr.status < 300) return resolve(data as T);
      const problem = (data ?? {}) as { code?: ErrorCode; title?: string; errors?: FieldError[] };
      if (xhr.status === 401) sessionStore.set(null, null);
      reject(new ApiError(xhr.status, problem.code ?? 'unknown', problem.title ?? '', problem.errors ?? []));
    };
    xhr.send(JSON.stringify(body));
  });
}

/** The typed client of the Regie API. */
export const api = {
  /** Signs in; the session (and its CSRF token) is kept for the following requests. */
  login: async (email: string, password: string) => {
    const me = await request<Me>('POST', '/auth/login', { email, password });
    sessionStore.set(me.user, me.csrfToken);
    sessionStore.setExpiry(me.expiresAt);
    return me.user;
  },
  logout: async () => {
    // Drafts are the user's own text, but the machine may be shared: they go with the session.
    clearDrafts(sessionStore.get().user?.id);
    try {
      await request<void>('POST', '/auth/logout');
    } finally {
      await refreshSession().catch(() => sessionStore.set(null, null));
    }
  },
  /** Sets a password with a one-time link's token. */
  setPassword: (token: string, password: string) => request<void>('POST', '/auth/password', { token, password }),
  /** First run: creates the municipality and its first beheerder. */
  setup: (input: SetupInput) => request<unknown>('POST', '/auth/setup', input),

  /** The ways to log in (single sign-on per organisation) and whether a password can be reset by e-mail. */
  loginOptions: () => request<LoginOptions>('GET', '/auth/options'),
  /** The address that starts a single sign-on login: a page navigation to the identity provider, not a fetch. */
  ssoStartUrl: (organisationId: string, back: string) =>
    `${BASE}/auth/sso/${organisationId}/start${query({ terug: back === '/' ? undefined : back })}`,
  /** "Wachtwoord vergeten": the server answers the same whether or not the address has an account. */
  requestPasswordReset: (email: string) => request<void>('POST', '/auth/password-reset', { email }),

  getSso: (organisationId: string) => request<SsoSettings>('GET', `/organisations/${organisationId}/sso`),
  saveSso: (organisationId: string, body: SsoConfigInput) => request<SsoSettings>('PUT', `/organisations/${organisationId}/sso`, body),
  deleteSso: (organisationId: string) => request<void>('DELETE', `/organisations/${organisationId}/sso`),

  listTokens: (organisationId: string) => request<ApiToken[]>('GET', `/organisations/${organisationId}/tokens`),
  /** Makes a token; its secret is in this answer only. */
  createToken: (organisationId: string, body: { name: string; role: TRole; expiresInDays: number }) =>
    request<{ token: string; apiToken: ApiToken }>('POST', `/organisations/${organisationId}/tokens`, body),
  revokeToken: (organisationId: string, tokenId: string) => request<void>('DELETE', `/organisations/${organisationId}/tokens/${tokenId}`),

  listMembers: (organisationId: string) => request<Member[]>('GET', `/organisations/${organisationId}/members`),
  addMember: (organisationId: string, body: { email: string; name: string; role: TRole }) =>
    request<AddedMember>('POST', `/organisations/${organisationId}/members`, body),
  changeMemberRole: (organisationId: string, userId: string, role: TRole) =>
    request<Member>('PATCH', `/organisations/${organisationId}/members/${userId}`, { role }),
  removeMember: (organisationId: string, userId: string) =>
    request<void>('DELETE', `/organisations/${organisationId}/members/${userId}`),
  /** A new one-time link to set a password; it also ends the user's sessions. */
  createPasswordLink: (organisationId: string, userId: string) =>
    request<PasswordLink>('POST', `/organisations/${organisationId}/members/${userId}/password-link`),

  listAudit: (organisationId: string, filter: AuditFilter, limit: number) =>
    request<AuditEntry[]>('GET', `/audit${query({ organisationId, ...filter, limit: String(limit) })}`),
  auditCsvUrl: (organisationId: string, filter: AuditFilter) => `${BASE}/audit.csv${query({ organisationId, ...filter })}`,

  listOrganisations: (filter: { kind?: TOrganisation['kind'] } = {}) =>
    request<TOrganisation[]>('GET', `/organisations${query(filter)}`),
  getOrganisation: (id: string) => request<TOrganisation>('GET', `/organisations/${id}`),
  listPeople: () => request<TPerson[]>('GET', '/people'),
  listPlans: (filter: { organisationId?: string } = {}) => request<TPlanSummary[]>('GET', `/plans${query(filter)}`),
  getPlan: (id: string) => request<TPlan>('GET', `/plans/${id}`),
  exportPlan: (id: string) => request<PlanExport>('GET', `/plans/${id}/export`),
  exportUrl: (id: string) => `${BASE}/plans/${id}/export?download=1`,
  /** The progress report of a closed update round, and the evaluation report of a programme, as a file. */
  progressReportUrl: (roundId: string, format: DocumentFormat) => `${BASE}/rounds/${roundId}/report.${format}`,
  evaluationUrl: (planId: string, format: DocumentFormat) => `${BASE}/plans/${planId}/evaluation.${format}`,
  /** An organisation's dashboard: its latest plans (or the one asked for), per theme where it stands. */
  /** Meldpunt in cijfers: a municipality's meldingen per category and month, response times, triage outcomes. */
  getMeldpuntOverview: (municipality: string, range: { from?: string; to?: string } = {}) =>
    request<TMeldpuntOverview>('GET', `/meldpunt/overview${query({ municipality, ...range })}`),
  meldpuntOverviewChartUrl: (municipality: string, o: { from: string; to: string; width: number }) =>
    `${BASE}/meldpunt/overview/chart.svg${query({ municipality, from: o.from, to: o.to, width: String(o.width) })}`,
  getDashboard: (organisationId: string, filter: { planId?: string; portfolioHolderId?: string; scope?: 'own' | 'all' } = {}) =>
    request<TOrganisationDashboard>('GET', `/organisations/${organisationId}/dashboard${query(filter)}`),
  /** A plan's activities per theme and status (and how many lag) as an SVG image, drawn by the server at a width. */
  statusChartUrl: (planId: string, portfolioHolderId: string | undefined, width: number) =>
    `${BASE}/plans/${planId}/status-chart.svg${query({ portfolioHolderId, width: String(width) })}`,
  getBudget: (id: string) => request<PlanBudget>('GET', `/plans/${id}/budget`),
  listSpending: (budgetLineId: string) => request<TSpendingEntry[]>('GET', `/spending-entries${query({ budgetLineId })}`),
  listThemes: (planId: string) => request<TTheme[]>('GET', `/themes${query({ planId })}`),
  listProgrammeActivities: (planId: string, filter: ActivityFilter = {}) =>
    request<ProgrammeActivity[]>('GET', `/plans/${planId}/activities${query({ ...filter })}`),
  getRoadmap: (planId: string, filter: ActivityFilter = {}) =>
    request<Roadmap>('GET', `/plans/${planId}/roadmap${query({ ...filter })}`),
  /** The roadmap's dated activities and meetings as an iCalendar file, with the same filters. */
  roadmapIcsUrl: (planId: string, filter: ActivityFilter = {}) => `${BASE}/plans/${planId}/roadmap.ics${query({ ...filter })}`,
  /** The activities the signed-in user is responsible for or their organisations are involved in, across plans. */
  listMyActivities: () => request<MyActivity[]>('GET', '/me/activities'),
  /** The open rounds with activities awaiting the signed-in user's update. */
  myUpdates: () => request<TMyUpdates>('GET', '/me/updates'),

  getActivityProgress: (activityId: string) => request<TActivityProgress>('GET', `/activities/${activityId}/progress`),
  /** A progress update; a status change names the activity's version (409 when it changed meanwhile). */
  addProgress: (activityId: string, body: TProgressInput) =>
    request<{ entry: TProgressEntry; activity: TActivity }>('POST', `/activities/${activityId}/progress`, body),
  addOccurrence: (activityId: string, body: TOccurrenceInput) =>
    request<TOccurrence>('POST', `/activities/${activityId}/occurrences`, body),
  deleteOccurrence: (activityId: string, occurrenceId: string) =>
    request<void>('DELETE', `/activities/${activityId}/occurrences/${occurrenceId}`),

  listRounds: (planId: string) => request<TRound[]>('GET', `/plans/${planId}/rounds`),
  openRound: (planId: string, body: TRoundOpen) => request<TRound>('POST', `/plans/${planId}/rounds`, body),
  getRound: (roundId: string) => request<TRoundDetail>('GET', `/rounds/${roundId}`),
  closeRound: (roundId: string, version: number) => request<TRoundDetail>('POST', `/rounds/${roundId}/close`, { version }),
  sendReminders: (roundId: string) => request<TReminderResult>('POST', `/rounds/${roundId}/reminders`, {}),

  /** A collegevoorstel, prefilled from the plan's data (and a closed round's figures for a progress report). */
  createSuccessorPlan: (planId: string, body: TCarryOverInput) => request<TCarryOverResult>('POST', `/plans/${planId}/successor`, body),
  createProposal: (planId: string, body: TProposalRequest) => request<TDecision>('POST', `/plans/${planId}/proposals`, body),
  /** A decision as a collegevoorstel document: Word, PDF or HTML. */
  decisionDocumentUrl: (decisionId: string, format: DocumentFormat) => `${BASE}/decisions/${decisionId}/document.${format}`,
  /** The council document of the live plan, or of a frozen version, as a download. */
  documentUrl: (planId: string, format: DocumentFormat) => `${BASE}/plans/${planId}/document.${format}`,
  versionDocumentUrl: (versionId: string, format: DocumentFormat) => `${BASE}/versions/${versionId}/document.${format}`,
  listVersions: (planId: string) => request<TPlanVersions>('GET', `/plans/${planId}/versions`),
  /** The versions of an organisation's plans the reader may read: where the council finds what was adopted. */
  listOrganisationVersions: (organisationId: string) => request<TDocumentVersion[]>('GET', `/organisations/${organisationId}/versions`),
  adoptVersion: (planId: string, body: TVersionAdopt) => request<TDocumentVersion>('POST', `/plans/${planId}/versions`, body),
  adoptProgressReport: (roundId: string, body: TVersionAdopt) => request<TDocumentVersion>('POST', `/rounds/${roundId}/versions`, body),
  adoptEvaluation: (planId: string, body: TVersionAdopt) => request<TDocumentVersion>('POST', `/plans/${planId}/evaluation/versions`, body),
  sendToCouncil: (versionId: string, body: TVersionCouncil) => request<TDocumentVersion>('POST', `/versions/${versionId}/council`, body),
  publishVersion: (versionId: string, version: number) => request<TDocumentVersion>('POST', `/versions/${versionId}/publish`, { version }),
  /** What changed from one version to another, or to the live draft ('draft'). */
  compareVersions: (planId: string, from: string, to: string) =>
    request<TPlanComparison>('GET', `/plans/${planId}/compare${query({ from, to })}`),

  listRegions: () => request<TRegion[]>('GET', '/regions'),
  /** An indicator's chart (SVG); `version` changes the address when its data change, so no stale image shows. */
  chartUrl: (indicatorId: string, version: string) => `${BASE}/indicators/${indicatorId}/chart.svg?v=${encodeURIComponent(version)}`,
  previewImport: (planId: string, body: TMeasurementImportRequest, onProgress: UploadProgress) =>
    postWithProgress<TImportPreview>(`/plans/${planId}/measurement-imports/preview`, body, onProgress),
  commitImport: (planId: string, body: TMeasurementImportCommit, onProgress: UploadProgress) =>
    postWithProgress<TImportResult>(`/plans/${planId}/measurement-imports`, body, onProgress),
  /** The programme as an Excel workbook (a download link). */
  programmeXlsxUrl: (planId: string) => `${BASE}/plans/${planId}/programme.xlsx`,
  previewXlsx: (planId: string, body: TXlsxRequest, onProgress: UploadProgress) =>
    postWithProgress<TXlsxPreview>(`/plans/${planId}/programme.xlsx/preview`, body, onProgress),
  commitXlsx: (planId: string, body: TXlsxCommit, onProgress: UploadProgress) =>
    postWithProgress<TXlsxResult>(`/plans/${planId}/programme.xlsx/commit`, body, onProgress),

  get: <R extends ResourceName>(name: R, id: string) => request<Resources[R]>('GET', `/${name}/${id}`),
  create: <R extends ResourceName>(name: R, body: Partial<Resources[R]>) =>
    request<Resources[R]>('POST', `/${name}`, body),
  /** A PATCH with the changed fields and the version read: 409 when someone else changed it meanwhile. */
  update: <R extends ResourceName>(name: R, id: string, version: number, changes: Partial<Resources[R]>) =>
    request<Resources[R]>('PATCH', `/${name}/${id}`, { ...changes, version }),
  /** A DELETE of the version read: 409 when someone else changed it meanwhile. */
  remove: <R extends ResourceName>(name: R, id: string, version: number) =>
    request<void>('DELETE', `/${name}/${id}${query({ version: String(version) })}`),
};

/** A JSON request as the `api` object makes them (CSRF token, logging in again), for a room's own API module. */
export const apiRequest = request;
