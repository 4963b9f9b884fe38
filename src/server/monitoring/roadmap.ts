import ical, { ICalEventStatus, ICalEventTransparency } from 'ical-generator';
import { calendarEventsOf } from '../../domain/calendar.ts';
import { buildRoadmap } from '../../domain/roadmap.ts';
import type { TActivityFilter } from '../../domain/schemas.ts';
import type { TProgrammeActivity, TRoadmap } from '../../domain/plan-views.ts';
import type { Db } from '../db/client.ts';
import type { RequestContext } from '../core/access.ts';
import { todayInNetherlands } from '../core/clock.ts';
import { listProgrammeActivities } from './programme-activities.ts';
import { readPlan } from '../plans/served-reads.ts';

/** The plan and its activity table (the joint programme's too), filtered as the activity table is. */
async function programme(db: Db, planId: string, filter: TActivityFilter, ctx: RequestContext) {
  const plan = await readPlan(db, planId, ctx);
  const activities = await listProgrammeActivities(db, planId, filter, ctx);
  return { plan, activities };
}

/**
 * The roadmap of a programme on `asOf` (today by default): each activity on the quarters of the programme period,
 * with what is due this quarter and what is overdue; activities whose tijdpad cannot be read apart.
 */
export async function getRoadmap(db: Db, planId: string, filter: TActivityFilter, ctx: RequestContext, asOf = todayInNetherlands()): Promise<TRoadmap> {
  const { plan, activities } = await programme(db, planId, filter, ctx);
  const roadmap = buildRoadmap(activities, plan.periodStart, plan.periodEnd, asOf);
  const byId = new Map(activities.map((a) => [a.id, a]));
  return {
    planId,
    asOf,
    currentQuarter: roadmap.currentQuarter,
    isCurrentInPeriod: roadmap.isCurrentInPeriod,
    quarters: roadmap.quarters,
    rows: roadmap.placements.map(({ activityId, ...placement }) => ({ activity: byId.get(activityId)!, ...placement })),
    unplaced: roadmap.unplacedIds.map((id) => byId.get(id)!),
  };
}

/** What an event says about its activity: theme, tijdpad and frequency as written, betrokkenen, and where to find it. */
function describe(a: TProgrammeActivity, url: string, stepLabel?: string): string {
  const lines = [
    stepLabel && `Stap van de jaarlijkse cyclus: ${stepLabel}`,
    `Thema: ${[a.theme.number, a.theme.title].filter(Boolean).join(' ')}`,
    a.timeframeText && `Tijdpad: ${a.timeframeText}`,
    a.frequencyText && `Frequentie: ${a.frequencyText}`,
    a.stakeholdersText && `Betrokkenen: ${a.stakeholdersText}`,
    a.explanation && `Toelichting: ${a.explanation}`,
    'Het programma plant per kwartaal: de data in deze agenda zijn een indicatie vanaf het begin van het kwartaal, geen afspraken.',
    url,
  ];
  return lines.filter(Boolean).join('\n');
}

const utcDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * The programme's dated activities and recurring meetings as an iCalendar file. Each event's UID is its activity's id
 * (and step), so importing the file again updates the events instead of adding them twice; SEQUENCE grows with every
 * change of the activity or the plan (whose period bounds the recurrences). A cancelled activity stays in the file as
 * a cancelled event, so calendars that imported it remove it.
 */
export async function roadmapCalendar(db: Db, planId: string, filter: TActivityFilter, ctx: RequestContext, baseUrl: string) {
  const { plan, activities } = await programme(db, planId, filter, ctx);
  const calendar = ical({
    name: `Planning – ${plan.title}`,
    description: `Activiteiten en overleggen uit ${plan.title} (Regie)`,
    prodId: { company: 'Regie', product: 'Planning', language: 'NL' },
  });
  for (const a of activities) {
    const url = `${baseUrl}/plannen/${a.theme.planId}/themas/${a.theme.id}`;
    for (const e of calendarEventsOf(a, plan.periodStart, plan.periodEnd)) {
      calendar.createEvent({
        id: `${a.id}${e.part ? `-${e.part}` : ''}@regie`,
        sequence: a.version + plan.version,
        start: utcDate(e.start),
        end: utcDate(e.end),
        allDay: true,
        repeating: e.rrule,
        summary: e.label ? `${a.title} – ${e.label}` : a.title,
        description: describe(a, url, e.label),
        url,
        lastModified: new Date(a.updatedAt),
        transparency: ICalEventTransparency.TRANSPARENT,
        status: a.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      });
    }
  }
  return { plan, ics: calendar.toString() };
}
