import type { TMeldingStatus, TTriageAnswer } from '../../domain/meldpunt.ts';
import type { TMeldingDetail, TQueue, TSignalCategories } from '../../domain/meldpunt-triage.ts';
import { request } from './client.ts';

/** The meldpunt's back office in the API (/api/v1/meldpunt/…). */

export interface Changed { id: string; version: number; status: TMeldingStatus }

const query = (q: Record<string, string | undefined>) => {
  const s = new URLSearchParams(Object.entries(q).filter(([, v]) => v) as [string, string][]).toString();
  return s ? `?${s}` : '';
};

export const meldpuntApi = {
  queue: (q: Record<string, string | undefined>) => request<TQueue>('GET', `/meldpunt/meldingen${query(q)}`),
  melding: (id: string) => request<TMeldingDetail>('GET', `/meldpunt/meldingen/${id}`),
  change: (id: string, body: { version: number; handlerId?: string | null; themeId?: string | null; activityId?: string | null }) =>
    request<Changed>('PATCH', `/meldpunt/meldingen/${id}`, body),
  note: (id: string, body: string) => request<unknown>('POST', `/meldpunt/meldingen/${id}/notes`, { body }),
  ask: (id: string, body: string, version: number) => request<Changed>('POST', `/meldpunt/meldingen/${id}/questions`, { body, version }),
  status: (id: string, to: TMeldingStatus, text: string, version: number) =>
    request<Changed>('POST', `/meldpunt/meldingen/${id}/status`, { to, text: text || undefined, version }),
  triage: (id: string, answer: TTriageAnswer, version: number) => request<Changed>('POST', `/meldpunt/meldingen/${id}/triage`, { answer, version }),
  merge: (id: string, mainId: string, version: number) => request<Changed>('POST', `/meldpunt/meldingen/${id}/merge`, { mainId, version }),
  fileUrl: (id: string, fileId: string) => `/api/v1/meldpunt/meldingen/${id}/files/${fileId}`,
  signalCategories: () => request<TSignalCategories>('GET', '/meldpunt/signals/categories'),
  signal: (body: { municipalityId: string; categoryId: string; answers: Record<string, string>; idempotencyKey: string }) =>
    request<{ id: string; number: string }>('POST', '/meldpunt/signals', body),
  tip: (body: { municipalityId: string; categoryId: string; answers: Record<string, string>; idempotencyKey: string }) =>
    request<{ id: string; number: string }>('POST', '/meldpunt/tips', body),
};
