import type { ErrorCode, FieldError } from '../../domain/errors.ts';
import type {
  TActivity, TBudgetLine, TGoal, TIndicator, TOrganisation, TPerson, TPlan, TPlanSummary, TTheme,
} from '../../domain/schemas.ts';
import type { ActivityFilter, PlanBudget, PlanExport, ProgrammeActivity } from './types.ts';

const BASE = '/api/v1';

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

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(BASE + path, {
      method,
      headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', '');
  }
  if (res.status === 204) return undefined as T;
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const problem = (data ?? {}) as { code?: ErrorCode; title?: string; errors?: FieldError[] };
    throw new ApiError(res.status, problem.code ?? 'unknown', problem.title ?? '', problem.errors ?? []);
  }
  return data as T;
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
  'budget-lines': TBudgetLine;
}
export type ResourceName = keyof Resources;

/** The typed client of the Regie API. */
export const api = {
  listOrganisations: (filter: { kind?: TOrganisation['kind'] } = {}) =>
    request<TOrganisation[]>('GET', `/organisations${query(filter)}`),
  getOrganisation: (id: string) => request<TOrganisation>('GET', `/organisations/${id}`),
  listPeople: () => request<TPerson[]>('GET', '/people'),
  listPlans: (filter: { organisationId?: string } = {}) => request<TPlanSummary[]>('GET', `/plans${query(filter)}`),
  getPlan: (id: string) => request<TPlan>('GET', `/plans/${id}`),
  exportPlan: (id: string) => request<PlanExport>('GET', `/plans/${id}/export`),
  exportUrl: (id: string) => `${BASE}/plans/${id}/export?download=1`,
  getBudget: (id: string) => request<PlanBudget>('GET', `/plans/${id}/budget`),
  listThemes: (planId: string) => request<TTheme[]>('GET', `/themes${query({ planId })}`),
  listProgrammeActivities: (planId: string, filter: ActivityFilter = {}) =>
    request<ProgrammeActivity[]>('GET', `/plans/${planId}/activities${query({ ...filter })}`),

  get: <R extends ResourceName>(name: R, id: string) => request<Resources[R]>('GET', `/${name}/${id}`),
  create: <R extends ResourceName>(name: R, body: Partial<Resources[R]>) =>
    request<Resources[R]>('POST', `/${name}`, body),
  /** A PATCH with the changed fields and the version read: 409 when someone else changed it meanwhile. */
  update: <R extends ResourceName>(name: R, id: string, version: number, changes: Partial<Resources[R]>) =>
    request<Resources[R]>('PATCH', `/${name}/${id}`, { ...changes, version }),
};
