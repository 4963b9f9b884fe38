import { randomUUID } from 'node:crypto';
import { AppError, toFieldErrors } from '../../domain/errors.ts';
import { can, type TAction } from '../../domain/permissions.ts';
import type { TActivityStatus } from '../../domain/progress.ts';
import {
  isAwaitedInRound, isRoundOverdue, ZRoundOpen, type TMyUpdates, type TReminderResult, type TRound, type TRoundDetail, type TRoundSnapshot,
} from '../../domain/rounds.ts';
import { parseQuarterCode, type TTimeframe } from '../../domain/timeframe.ts';
import type { Db } from '../db/client.ts';
import { readCondition, subjectOf, type RequestContext } from '../core/access.ts';
import { writeAudit } from '../core/audit.ts';
import type { Mailer } from '../core/mail.ts';
import { fromRow, getRecord } from '../core/read.ts';
import { todayInNetherlands } from '../core/clock.ts';
import type { Record_ } from '../core/resource.ts';
import { activities as activitiesDef, plans as plansDef } from '../plans/resources.ts';
import { isResponsibleSql, responsiblesOf } from './monitoring.ts';
import { buildRoundSnapshot } from './round-snapshot.ts';

/*
 * Quarterly update rounds of a programme: the adviseur opens one for a quarter, the responsible people give their
 * update (a progress entry while the round is open), the adviseur sees who did, sends reminders, and closes the round,
 * which freezes its figures.
 */

const ROUND_SELECT = `select r.id, r.plan_id, r.owner_id, r.quarter, r.status, r.due_on, r.opened_at, r.opened_by_label as opened_by,
    r.closed_at, r.closed_by_label as closed_by, r.version,
    coalesce((r.snapshot->'totals'->>'awaited')::int, (select count(*)::int from update_round_activities x where x.round_id = r.id)) as awaited,
    coalesce((r.snapshot->'totals'->>'updated')::int, (select count(distinct e.activity_id)::int from activity_progress e
      join update_round_activities x on x.round_id = e.round_id and x.activity_id = e.activity_id where e.round_id = r.id)) as updated
  from update_rounds r`;

/** A round as the API gives it, with whether it is overdue today. */
function toRound(row: Record<string, unknown>): TRound {
  const round = fromRow(row) as Omit<TRound, 'isOverdue'>;
  return { ...round, isOverdue: isRoundOverdue(round, todayInNetherlands()) };
}

/** Checks `action` on the rounds of a plan: 404 for a plan the actor may not see, 403 for what they may not do. */
async function authorizeRounds(tx: Db, ctx: RequestContext, plan: Record_, action: TAction): Promise<void> {
  if (ctx.isSystem) return;
  const subject = { ...(await subjectOf(tx, plansDef, plan)), entity: 'rounds' as const };
  if (!can(ctx.actor, 'read', subject)) throw new AppError('not_found', 'Updaterondes niet gevonden');
  if (action !== 'read' && !can(ctx.actor, action, subject)) {
    throw new AppError('forbidden', 'Updaterondes opent, herinnert en sluit de adviseur van het programma');
  }
}

async function findRound(tx: Db, ctx: RequestContext, roundId: string, action: TAction, lock = false) {
  const [row] = await tx.query(`select id, plan_id from update_rounds where id = $1${lock ? ' for update' : ''}`, [roundId]);
  if (!row) throw new AppError('not_found', 'Updateronde niet gevonden');
  const plan = await getRecord(tx, plansDef, row.plan_id as string).catch(() => null);
  if (!plan) throw new AppError('not_found', 'Updateronde niet gevonden');
  await authorizeRounds(tx, ctx, plan, action).catch((e: AppError) => {
    throw e.code === 'not_found' ? new AppError('not_found', 'Updateronde niet gevonden') : e;
  });
  const [round] = await tx.query(`${ROUND_SELECT} where r.id = $1`, [roundId]);
  return { round: toRound(round), plan };
}

/** The rounds of a programme, newest quarter first. */
export async function listRounds(db: Db, ctx: RequestContext, planId: string): Promise<TRound[]> {
  return db.transaction(async (tx) => {
    const plan = await getRecord(tx, plansDef, planId, ctx);
    await authorizeRounds(tx, ctx, plan, 'read');
    return (await tx.query(`${ROUND_SELECT} where r.plan_id = $1 order by r.quarter desc`, [planId])).map(toRound);
  });
}

/**
 * Opens a round for a quarter of the programme's period and fixes the activities it asks for an update. One round
 * per quarter, and one open round at a time.
 */
export async function openRound(db: Db, ctx: RequestContext, planId: string, input: unknown): Promise<TRound> {
  const parsed = ZRoundOpen.safeParse(input);
  if (!parsed.success) throw new AppError('validation', 'De invoer is niet geldig', toFieldErrors(parsed.error.issues));
  const { quarter, dueOn } = parsed.data;
  return db.transaction(async (tx) => {
    const plan = await getRecord(tx, plansDef, planId, ctx);
    await authorizeRounds(tx, ctx, plan, 'create');
    const refuse = (path: string, message: string) => new AppError('validation', message, [{ path, message }]);
    if (plan.kind !== 'uvp') throw refuse('quarter', 'Updaterondes horen bij een uitvoeringsprogramma');
    if (quarter < (plan.periodStart as string) || quarter > (plan.periodEnd as string)) {
      throw refuse('quarter', 'Kies een kwartaal binnen de periode van het programma');
    }
    const existing = await tx.query<{ quarter: string; status: string }>('select quarter, status from update_rounds where plan_id = $1 for update', [planId]);
    if (existing.some((r) => r.quarter === quarter)) throw refuse('quarter', 'Voor dit kwartaal is al een ronde');
    const open = existing.find((r) => r.status === 'open');
    if (open) throw refuse('quarter', `Sluit eerst de lopende ronde (${open.quarter})`);

    const id = randomUUID();
    await tx.query(
      `insert into update_rounds (id, owner_id, plan_id, quarter, due_on, opened_by_user_id, opened_by_label) values ($1, $2, $3, $4, $5, $6, $7)`,
      [id, plan.ownerId, planId, quarter, dueOn ?? null, ctx.audit.userId, ctx.audit.label],
    );
    const candidates = await tx.query<{ id: string; status: TActivityStatus; timeframe: TTimeframe }>(
      'select a.id, a.status, a.timeframe from activities a join themes t on t.id = a.theme_id where t.plan_id = $1',
      [planId],
    );
    const awaited = candidates.filter((a) => isAwaitedInRound(a, parseQuarterCode(quarter))).map((a) => a.id);
    await tx.query(
      'insert into update_round_activities (round_id, activity_id, owner_id) select $1, a, $2 from unnest($3::uuid[]) as a',
      [id, plan.ownerId, awaited],
    );
    const [row] = await tx.query(`${ROUND_SELECT} where r.id = $1`, [id]);
    const round = toRound(row);
    await writeAudit(tx, ctx.audit, { action: 'create', organisationId: plan.ownerId, entity: 'update-rounds', entityId: id, after: round });
    return round;
  });
}

/** A round with its figures: live while it is open, the frozen snapshot once it is closed. */
export async function getRound(db: Db, ctx: RequestContext, roundId: string): Promise<TRoundDetail> {
  return db.transaction(async (tx) => {
    const { round, plan } = await findRound(tx, ctx, roundId, 'read');
    const [stored] = await tx.query<{ snapshot: TRoundSnapshot | null }>('select snapshot from update_rounds where id = $1', [roundId]);
    const snapshot = stored.snapshot ?? (await buildRoundSnapshot(tx, round));
    const reminders = await tx.query(
      // One send is one transaction: its rows share sent_at.
      `select sent_at as at, sent_by_label as by, count(*)::int as recipients, count(*) filter (where is_emailed)::int as emailed
         from update_round_reminders where round_id = $1 group by sent_at, sent_by_label order by sent_at desc`,
      [roundId],
    );
    return {
      ...round,
      plan: { id: plan.id, title: plan.title as string, periodStart: plan.periodStart as string, periodEnd: plan.periodEnd as string },
      snapshot,
      reminders: reminders.map(fromRow) as TRoundDetail['reminders'],
    };
  });
}

/** Closes a round: its figures are stored as they are now and do not change again. */
export async function closeRound(db: Db, ctx: RequestContext, roundId: string, version: number): Promise<TRoundDetail> {
  await db.transaction(async (tx) => {
    // Locked first: progress entries being written finish before, or see the round closed (see openRoundOf).
    const { round, plan } = await findRound(tx, ctx, roundId, 'update', true);
    if (round.status === 'closed') throw new AppError('validation', 'Deze ronde is al gesloten', [{ path: 'status', message: 'Al gesloten' }]);
    if (round.version !== version) {
      throw new AppError('conflict', 'De ronde is intussen gewijzigd. Laad opnieuw en probeer het nog eens.', [{ path: 'version', message: 'Verouderde versie' }]);
    }
    const snapshot = await buildRoundSnapshot(tx, round);
    await tx.query(
      `update update_rounds set status = 'closed', closed_at = $2, closed_by_user_id = $3, closed_by_label = $4, snapshot = $5,
         version = version + 1, updated_at = now() where id = $1`,
      [roundId, snapshot.takenAt, ctx.audit.userId, ctx.audit.label, JSON.stringify(snapshot)],
    );
    await writeAudit(tx, ctx.audit, {
      action: 'update', organisationId: plan.ownerId, entity: 'update-rounds', entityId: roundId,
      before: { status: 'open', version }, after: { status: 'closed', version: version + 1, totals: snapshot.totals },
    });
  });
  return getRound(db, ctx, roundId);
}

/** Who to remind: the accounts of the responsible people of activities still awaiting an update, with their activities. */
async function reminderRecipients(tx: Db, roundId: string) {
  const waiting = await tx.query<{ id: string; title: string }>(
    `select a.id, a.title from update_round_activities x join activities a on a.id = x.activity_id
      where x.round_id = $1 and not exists (select 1 from activity_progress e where e.round_id = $1 and e.activity_id = a.id)
      order by a.position, a.created_at`,
    [roundId],
  );
  const responsibles = await responsiblesOf(tx, waiting.map((w) => w.id));
  const byUser = new Map<string, string[]>();
  const withoutAccount = new Set<string>();
  for (const w of waiting) {
    for (const p of responsibles.get(w.id) ?? []) {
      if (!p.userId) withoutAccount.add(p.name);
      else byUser.set(p.userId, [...(byUser.get(p.userId) ?? []), w.title]);
    }
  }
  const users = byUser.size
    ? await tx.query<{ id: string; email: string; name: string }>('select id, email, name from users where id = any($1::uuid[]) and is_active', [[...byUser.keys()]])
    : [];
  return { users: users.map((u) => ({ ...u, titles: byUser.get(u.id)! })), withoutAccount: [...withoutAccount].sort() };
}

function reminderText(name: string, round: TRound, planTitle: string, titles: string[], link: string, from: string): string {
  const quarter = round.quarter.replace(/^(\d{4})-(Q\d)$/, '$2 $1');
  return [
    `Beste ${name},`,
    '',
    `Voor de updateronde ${quarter} van ${planTitle} ${titles.length === 1 ? 'wacht 1 activiteit' : `wachten ${titles.length} activiteiten`} op uw update${round.dueOn ? ` (graag uiterlijk ${round.dueOn.split('-').reverse().join('-')})` : ''}:`,
    '',
    ...titles.map((t) => `- ${t}`),
    '',
    'Geef uw update in Regie, onder Mijn activiteiten:',
    link,
    '',
    'Met vriendelijke groet,',
    from,
  ].join('\n');
}

/**
 * Reminds everyone whose update is still awaited: in the app always (they see it on their start page and under Mijn
 * activiteiten), and by e-mail when SMTP is configured. E-mails go out first; a failed one is counted, not retried.
 */
export async function sendReminders(db: Db, ctx: RequestContext, roundId: string, mailer: Mailer | null, baseUrl: string): Promise<TReminderResult> {
  const { round, plan, recipients } = await db.transaction(async (tx) => {
    const found = await findRound(tx, ctx, roundId, 'update');
    if (found.round.status === 'closed') throw new AppError('validation', 'Deze ronde is gesloten', [{ path: 'status', message: 'Gesloten' }]);
    return { ...found, recipients: await reminderRecipients(tx, roundId) };
  });
  const emailed = new Set<string>();
  if (mailer) {
    for (const u of recipients.users) {
      const text = reminderText(u.name, round, plan.title as string, u.titles, `${baseUrl}/mijn-activiteiten`, ctx.audit.label);
      await mailer.send({ to: u.email, subject: `Regie: uw update voor ${plan.title as string}`, text }).then(() => emailed.add(u.id), () => undefined);
    }
  }
  await db.transaction(async (tx) => {
    for (const u of recipients.users) {
      await tx.query(
        `insert into update_round_reminders (round_id, owner_id, user_id, sent_by_label, activity_count, is_emailed) values ($1, $2, $3, $4, $5, $6)`,
        [roundId, plan.ownerId, u.id, ctx.audit.label, u.titles.length, emailed.has(u.id)],
      );
    }
    await writeAudit(tx, ctx.audit, {
      action: 'create', organisationId: plan.ownerId, entity: 'round-reminders', entityId: roundId,
      after: { recipients: recipients.users.length, emailed: emailed.size },
    });
  });
  return { recipients: recipients.users.length, emailed: emailed.size, isMailConfigured: !!mailer, withoutAccount: recipients.withoutAccount };
}

/**
 * SQL: the open rounds' activities awaiting an update from the actor (parameter `user`: their user id, `partners`:
 * their partner organisations), among those they may read (`readable`, on alias a).
 */
export function awaitedSql(user: string, partners: string, readable: string | null): string {
  return `select x.round_id, x.activity_id from update_round_activities x
      join update_rounds ur on ur.id = x.round_id and ur.status = 'open'
      join activities a on a.id = x.activity_id
     where not exists (select 1 from activity_progress e where e.round_id = x.round_id and e.activity_id = x.activity_id)
       and (${isResponsibleSql('a', user)}
            or exists (select 1 from activity_stakeholders s where s.activity_id = a.id and s.organisation_id = any(${partners}::uuid[])))
       ${readable ? `and ${readable}` : ''}`;
}

/** The open rounds with activities awaiting the actor's update, and the last reminder they got in each. */
export async function myUpdates(db: Db, ctx: RequestContext): Promise<TMyUpdates> {
  if (!ctx.actor.userId) return { pending: 0, rounds: [] };
  const params: unknown[] = [ctx.actor.userId, ctx.actor.roles.filter((r) => r.role === 'partner').map((r) => r.organisationId)];
  const readable = await readCondition(db, ctx, activitiesDef, 'a', params);
  const rows = await db.query(
    `select r.id as round_id, r.plan_id, p.title as plan_title, o.name as owner_name, r.quarter, r.due_on, count(*)::int as pending,
            (select json_build_object('at', m.sent_at, 'by', m.sent_by_label) from update_round_reminders m
              where m.round_id = r.id and m.user_id = $1 order by m.sent_at desc limit 1) as last_reminder
       from (${awaitedSql('$1', '$2', readable)}) w
       join update_rounds r on r.id = w.round_id join plans p on p.id = r.plan_id join organisations o on o.id = p.owner_id
      group by r.id, p.title, o.name order by r.due_on nulls last, p.title`,
    params,
  );
  const rounds = rows.map(fromRow).map((r) => ({
    ...r,
    isOverdue: isRoundOverdue({ status: 'open', dueOn: r.dueOn as string | null }, todayInNetherlands()),
    lastReminder: r.lastReminder ? { at: new Date(String((r.lastReminder as { at: string }).at)).toISOString(), by: (r.lastReminder as { by: string }).by } : null,
  })) as TMyUpdates['rounds'];
  return { pending: rounds.reduce((n, r) => n + r.pending, 0), rounds };
}
