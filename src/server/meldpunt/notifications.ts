import { randomUUID } from 'node:crypto';
import { forwardsCopy } from '../../text/nl/meldpunt-forwards.ts';
import type { Db } from '../db/client.ts';
import type { Mailer } from '../core/mail.ts';

/*
 * Notifications (issue 13, part 4): a row per recipient with a kind and a link into Regie, never content of a melding;
 * by e-mail too when SMTP is configured, with the same nothing-but-a-link text. The writers take the caller's
 * transaction and return `send`, to call once that transaction committed (a failed e-mail is dropped, the row stays).
 */

export const NOTIFICATION_KINDS = ['nieuwe_melding', 'reactie_melder', 'doorgestuurd'] as const;
export type TNotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Where notifications go besides the app: the mailer (null: no SMTP) and the address links are built from. */
export interface Notifier { mailer: Mailer | null; publicUrl: string | null }
/** The app's notifier: its mailer and public address. */
export const notifierOf = (app: { mailer: Mailer | null; publicUrl: string | null }): Notifier => ({ mailer: app.mailer, publicUrl: app.publicUrl });
/** In the app only (tests, demo data). */
export const IN_APP_ONLY: Notifier = { mailer: null, publicUrl: null };

/** Sends the e-mails of notifications written in a committed transaction. */
export type SendNotifications = () => Promise<void>;

const t = forwardsCopy.notifications;

/** Links into the web app. */
export const meldingLink = (meldingId: string) => `/meldpunt/meldingen/${meldingId}`;
export const forwardLink = (forwardId: string) => `/meldpunt/doorgestuurd/${forwardId}`;

/** Writes one notification per (active) user and returns the e-mails to send after the commit. */
export async function notify(tx: Db, mailer: Mailer | null, publicUrl: string | null, userIds: readonly string[], kind: TNotificationKind,
  link: string): Promise<SendNotifications> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return async () => {};
  const users = await tx.query<{ id: string; email: string }>('select id, email from users where id = any($1::uuid[]) and is_active', [ids]);
  for (const u of users) {
    await tx.query('insert into notifications (id, user_id, kind, link) values ($1, $2, $3, $4)', [randomUUID(), u.id, kind, link]);
  }
  return async () => {
    if (!mailer) return;
    const what = t.kinds[kind];
    for (const u of users) {
      await mailer.send({ to: u.email, subject: t.mailSubject(what), text: t.mailText(what, `${publicUrl ?? ''}${link}`) }).catch(() => undefined);
    }
  };
}

/** The behandelaars of a melding's municipality and category. */
async function behandelaarsOf(tx: Db, meldingId: string): Promise<string[]> {
  const rows = await tx.query<{ user_id: string }>(
    `select distinct d.user_id from meldingen m join meldpunt_categories c on c.id = m.category_id
       join meldpunt_duties d on d.organisation_id = m.municipality_id and d.duty = 'behandelaar' and (d.category_key is null or d.category_key = c.key)
      where m.id = $1`, [meldingId]);
  return rows.map((r) => r.user_id);
}

/** A new melding: every behandelaar of its municipality and category. */
export async function notifyNewMelding(tx: Db, mailer: Mailer | null, meldingId: string, publicUrl: string | null = null): Promise<SendNotifications> {
  return notify(tx, mailer, publicUrl, await behandelaarsOf(tx, meldingId), 'nieuwe_melding', meldingLink(meldingId));
}

/** A reporter's answer or addition: the melding's handler, or (none assigned yet) every behandelaar of it. */
export async function notifyReporterReply(tx: Db, mailer: Mailer | null, meldingId: string, publicUrl: string | null = null): Promise<SendNotifications> {
  const [m] = await tx.query<{ handler_id: string | null }>('select handler_id from meldingen where id = $1', [meldingId]);
  if (!m) return async () => {};
  const users = m.handler_id ? [m.handler_id] : await behandelaarsOf(tx, meldingId);
  return notify(tx, mailer, publicUrl, users, 'reactie_melder', meldingLink(meldingId));
}

/** A forward received: every member of the partner organisation. */
export async function notifyForwardReceived(tx: Db, mailer: Mailer | null, forwardId: string, publicUrl: string | null = null): Promise<SendNotifications> {
  const users = await tx.query<{ user_id: string }>(
    'select ms.user_id from melding_forwards f join memberships ms on ms.organisation_id = f.partner_id where f.id = $1', [forwardId]);
  return notify(tx, mailer, publicUrl, users.map((u) => u.user_id), 'doorgestuurd', forwardLink(forwardId));
}

export interface TNotification { id: string; kind: string; link: string; createdAt: string; readAt: string | null }

/** The actor's notifications, newest first (at most 100), and how many are unread. */
export async function listNotifications(db: Db, userId: string): Promise<{ items: TNotification[]; unread: number }> {
  const rows = await db.query<{ id: string; kind: string; link: string; created_at: Date | string; read_at: Date | string | null }>(
    'select id, kind, link, created_at, read_at from notifications where user_id = $1 order by created_at desc, id limit 100', [userId]);
  const [{ n }] = await db.query<{ n: number }>('select count(*)::int as n from notifications where user_id = $1 and read_at is null', [userId]);
  const iso = (d: Date | string) => new Date(d).toISOString();
  return {
    items: rows.map((r) => ({ id: r.id, kind: r.kind, link: r.link, createdAt: iso(r.created_at), readAt: r.read_at ? iso(r.read_at) : null })),
    unread: n,
  };
}

/** Marks one of the actor's notifications read; someone else's or an unknown one: false (404). */
export async function markNotificationRead(db: Db, userId: string, id: string): Promise<boolean> {
  const rows = await db.query('update notifications set read_at = coalesce(read_at, now()) where id = $1 and user_id = $2 returning id', [id, userId]);
  return rows.length > 0;
}
