import {
  canOnMelding, handles, meldnummer, MELDING_TRANSITIONS, OPEN_STATUSES, publicStatusOf,
} from '../../domain/meldpunt.ts';
import { ageAgainstNorm, type TMeldingDetail } from '../../domain/meldpunt-triage.ts';
import type { Db } from '../db/client.ts';
import type { DataCipher } from '../core/crypto.ts';
import type { RequestContext } from '../core/context.ts';
import { reporterFor } from './reporter.ts';
import { findMelding } from './melding-access.ts';
import { logProcessing, newTraceId } from './processing-log.ts';
import { MELDPUNT_PROCESSING } from './repository.ts';

/*
 * One melding for the back office: its answers, files, history and messages. The reporter's contact details are
 * decrypted only for who may read them (`read_reporter`) and masked for anyone else. The official who reported an
 * internal signal reads it, but not its triage, notes or history. Each read writes a processing-log row.
 */

const person = (id: string | null, name: string | null | undefined) => (id ? { id, name: name ?? '' } : null);

export async function getMelding(db: Db, cipher: DataCipher, ctx: RequestContext, id: string): Promise<TMeldingDetail> {
  return db.transaction(async (tx) => {
    const m = await findMelding(tx, ctx, id, 'read');
    const userId = ctx.actor.userId;
    const duties = ctx.actor.duties ?? [];
    const subject = { municipalityId: m.municipality_id, categoryKey: m.category_key, handlerId: m.handler_id, internalReporterId: m.internal_reporter_id };
    const canHandle = canOnMelding(userId, duties, 'triage', subject);
    const clear = canOnMelding(userId, duties, 'read_reporter', subject);
    const reporter = reporterFor(ctx.actor, { ...subject, reporterEnc: m.reporter_enc }, cipher);
    const names = new Map((await tx.query<{ id: string; name: string }>(
      `select id, name from users where id = any($1::uuid[])`,
      [[m.handler_id, m.internal_reporter_id].filter(Boolean)])).map((u) => [u.id, u.name]));
    const [main] = m.main_id ? await tx.query<{ id: string; year: number; sequence: number }>('select id, year, sequence from meldingen where id = $1', [m.main_id]) : [];
    const [theme] = m.theme_id ? await tx.query<{ id: string; title: string }>('select id, title from themes where id = $1', [m.theme_id]) : [];
    const [activity] = m.activity_id ? await tx.query<{ id: string; title: string }>('select id, title from activities where id = $1', [m.activity_id]) : [];
    const files = await tx.query<{ id: string; media_type: string; size: number; created_at: string }>(
      'select id, media_type, size, created_at from melding_files where melding_id = $1 order by created_at, id', [m.id]);
    const messages = await tx.query<{ id: string; kind: 'note' | 'question' | 'answer' | 'addition'; body: string; author: string | null; created_at: string }>(
      `select mm.id, mm.kind, mm.body, u.name as author, mm.created_at from melding_messages mm left join users u on u.id = mm.author_id
        where mm.melding_id = $1 ${canHandle ? '' : "and mm.kind <> 'note'"} order by mm.created_at, mm.id`, [m.id]);
    const events = canHandle ? await tx.query<{ id: string; kind: string; from_status: string | null; to_status: string | null; detail: { text?: string; weging?: number }; actor: string | null; at: string }>(
      `select e.id, e.kind, e.from_status, e.to_status, e.detail, u.name as actor, e.at from melding_events e left join users u on u.id = e.actor_id
        where e.melding_id = $1 order by e.at, e.id`, [m.id]) : [];
    const handlers = canHandle ? await tx.query<{ id: string; name: string }>(
      `select distinct u.id, u.name from meldpunt_duties d join users u on u.id = d.user_id
        where d.duty = 'behandelaar' and d.organisation_id = $1 and (d.category_key is null or d.category_key = $2) order by u.name, u.id`,
      [m.municipality_id, m.category_key]) : [];
    const themeRows = canHandle ? await tx.query<{ id: string; title: string; activity_id: string | null; activity_title: string | null }>(
      `select t.id, t.title, a.id as activity_id, a.title as activity_title from themes t left join activities a on a.theme_id = t.id
        where t.owner_id = $1 order by t.title, t.id, a.title`, [m.municipality_id]) : [];
    const themes = new Map<string, TMeldingDetail['themes'][number]>();
    for (const r of themeRows) {
      const th = themes.get(r.id) ?? { id: r.id, title: r.title, activities: [] };
      if (r.activity_id) th.activities.push({ id: r.activity_id, title: r.activity_title ?? '' });
      themes.set(r.id, th);
    }
    const [code] = await tx.query('select 1 from melding_codes where melding_id = $1', [m.id]);
    await logProcessing(tx, newTraceId(), { activity: 'melding lezen', processingActivity: MELDPUNT_PROCESSING, subjectType: 'melding', subjectRefs: [m.id] });
    const age = ageAgainstNorm(m.received_at, m.response_days);
    return {
      id: m.id, number: meldnummer(m.year, m.sequence), municipalityId: m.municipality_id,
      category: { id: m.category_id, key: m.category_key, name: m.category_name, responseDays: m.response_days, questions: m.questions.map((q) => ({ key: q.key, label: q.label })) },
      source: m.source, status: m.status, publicStatus: publicStatusOf(m.status),
      nextStatuses: canHandle ? MELDING_TRANSITIONS[m.status].filter((s) => s !== 'samengevoegd') : [],
      answers: m.answers,
      reporter, reporterMasked: !!reporter && !clear,
      shareConsent: m.share_consent,
      internalReporter: person(m.internal_reporter_id, names.get(m.internal_reporter_id ?? '')),
      handler: person(m.handler_id, names.get(m.handler_id ?? '')),
      main: main ? { id: main.id, number: meldnummer(main.year, main.sequence) } : null,
      theme: theme ?? null, activity: activity ?? null,
      triage: canHandle ? (m.triage as TMeldingDetail['triage']) : {},
      closingReason: m.closing_reason, retainUntil: canHandle ? m.retain_until : null,
      receivedAt: m.received_at, ageDays: age.ageDays, lateDays: OPEN_STATUSES.includes(m.status) ? age.lateDays : 0,
      version: m.version, canHandle,
      canAsk: canHandle && (!!code || (m.source === 'internal' && !!m.internal_reporter_id)),
      events: events.map((e) => ({
        id: e.id, kind: e.kind, fromStatus: e.from_status, toStatus: e.to_status, text: e.detail?.text ?? null,
        weging: e.detail?.weging ?? null, actor: e.actor, at: e.at,
      })),
      messages: messages.map((x) => ({ id: x.id, kind: x.kind, body: x.body, author: x.author, createdAt: x.created_at })),
      files: files.map((f) => ({ id: f.id, mediaType: f.media_type, size: f.size, createdAt: f.created_at })),
      handlers, themes: [...themes.values()],
    };
  });
}

/** Whether a user is a behandelaar of a melding's municipality and category (for assigning it to them). */
export async function isHandlerOf(db: Db, userId: string, municipalityId: string, categoryKey: string): Promise<boolean> {
  const duties = await db.query<{ organisation_id: string; category_key: string | null }>(
    `select organisation_id, category_key from meldpunt_duties where user_id = $1 and duty = 'behandelaar'`, [userId]);
  return handles(duties.map((d) => ({ organisationId: d.organisation_id, duty: 'behandelaar' as const, categoryKey: d.category_key })), municipalityId, categoryKey);
}
