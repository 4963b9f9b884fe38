import type { TCategoryFields, TReporter } from '../../domain/meldpunt.ts';
import { apiRequest as request } from './client.ts';

/** The meldpunt's forwards, the partner's inbox, notifications and the beheerder's settings (issue 13, part 4). */

export interface MeldingForward {
  id: string; partnerId: string; partnerName: string; summary: string; basis: string; includesContact: boolean;
  forwardedAt: string; forwardedByName: string | null; readAt: string | null;
}
export interface ForwardDraft {
  meldingId: string; number: string; categoryName: string; status: string; version: number; shareConsent: boolean; hasContact: boolean;
  draft: string; partners: { id: string; name: string }[]; forwards: MeldingForward[];
}
export interface InboxItem {
  id: string; number: string; categoryName: string; municipalityName: string; partnerName: string; basis: string; forwardedAt: string; readAt: string | null;
}
export interface InboxForward extends InboxItem { summary: string; contact: TReporter | null }
export interface Notification { id: string; kind: string; link: string; createdAt: string; readAt: string | null }
export interface Category extends TCategoryFields { id: string; municipalityId: string; version: number }
export interface DutyMember { userId: string; name: string; email: string; isBehandelaar: boolean; allCategories: boolean; categoryKeys: string[] }

export const forwardsApi = {
  draft: (meldingId: string) => request<ForwardDraft>('GET', `/meldpunt/meldingen/${meldingId}/forward-draft`),
  forward: (meldingId: string, body: { partnerId: string; summary: string; basis: string; includeContact: boolean; version: number }) =>
    request<{ forward: MeldingForward; version: number }>('POST', `/meldpunt/meldingen/${meldingId}/forwards`, body),
  inbox: () => request<InboxItem[]>('GET', '/meldpunt/forwards'),
  inboxForward: (id: string) => request<InboxForward>('GET', `/meldpunt/forwards/${id}`),
  notifications: () => request<{ items: Notification[]; unread: number }>('GET', '/notifications'),
  markRead: (id: string) => request<void>('POST', `/notifications/${id}/read`),
  categories: (municipalityId: string) => request<Category[]>('GET', `/meldpunt/categories?municipality=${municipalityId}`),
  createCategory: (body: Partial<TCategoryFields> & { municipalityId: string; key: string; name: string }) => request<Category>('POST', '/meldpunt/categories', body),
  updateCategory: (id: string, body: Partial<TCategoryFields> & { version: number }) => request<Category>('PATCH', `/meldpunt/categories/${id}`, body),
  duties: (municipalityId: string) => request<DutyMember[]>('GET', `/meldpunt/duties?municipality=${municipalityId}`),
  putDuties: (municipalityId: string, behandelaars: { userId: string; categoryKeys: string[] | null }[]) =>
    request<DutyMember[]>('PUT', `/meldpunt/duties?municipality=${municipalityId}`, { behandelaars }),
};
