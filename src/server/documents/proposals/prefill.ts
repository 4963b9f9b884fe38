import type { z } from 'zod';
import { formatEuro } from '../../../domain/budget.ts';
import type { TPlanExport, TYearAmount } from '../../../domain/plan-views.ts';
import type { TProposalPurpose } from '../../../domain/proposal.ts';
import type { TRoundSnapshot } from '../../../domain/rounds.ts';
import { ACTIVITY_STATUSES, type TSection, type ZDecisionFields } from '../../../domain/schemas.ts';
import { nl } from '../../../text/nl.ts';
import { formatDate, formatPeriod, formatQuarterCode } from '../../../text/format.ts';

/*
 * The collegevoorstel prefilled from the data (ADR 0017): a pure function from the plan export – and for a progress
 * report the closed round's frozen figures – to the fields of a decision, in the structure of the Huizen
 * collegevoorstel (seed 002). What the data cannot say is a "[Vul in: …]" placeholder for the adviser.
 */

const P = nl.proposal;
const fill = P.placeholder;

export interface ProposalSource {
  plan: TPlanExport;
  purpose: TProposalPurpose;
  /** The IVP a programme elaborates, when the reader may see it. */
  parent?: { title: string; adoptedBy?: 'council' | 'college' | 'mayor' | null; adoptedOn?: string | null } | null;
  /** For a progress report: the closed round and its frozen figures. */
  round?: { quarter: string; closedAt: string | null; snapshot: TRoundSnapshot } | null;
}

export type TDecisionInput = z.input<typeof ZDecisionFields>;

/** A decision (collegevoorstel, not yet decided) prefilled from the plan's data. */
export function prefillProposal(source: ProposalSource): TDecisionInput {
  const { plan, purpose, round } = source;
  const isReport = purpose === 'report_to_council' && !!round;
  const quarter = round ? formatQuarterCode(round.quarter) : '';
  const evaluateWhen = endOfPeriod(plan.periodEnd);
  const decisionPoints = isReport
    ? [P.pointReport(quarter, plan.title), P.pointReportInform(quarter)]
    : [plan.kind === 'ivp' ? P.pointAdoptIvp(plan.title) : P.pointAdopt(plan.title), P.pointInform(plan.title)];
  const sections: TSection[] = [
    section('aanleiding', occasion(source)),
    section('doel', intendedEffect(plan)),
    section('argumenten', isReport ? reportArguments(plan, round.snapshot) : programmeArguments(plan)),
    section('risicos', risks(plan, isReport ? round.snapshot : null)),
    section('financien', finances(plan)),
    section('participatie', participation(plan)),
    section('communicatie', isReport ? P.communicateReport : P.communicateAdopt(plan.title)),
    section('vervolg-evaluatie', followUpText(plan, isReport ? round.quarter : null, evaluateWhen)),
  ];
  return {
    planId: plan.id,
    title: isReport ? P.reportTitle(quarter, plan.title) : P.adoptTitle(plan.title),
    body: 'college',
    isDecided: false,
    decisionPoints,
    sections,
    followUps: [
      { kind: 'inform_council', description: decisionPoints[1], addressee: P.council, dueText: P.afterAdoption },
      ...(isReport ? [] : [
        { kind: 'publish' as const, description: P.publishOnSite(plan.title) },
        { kind: 'start' as const, description: P.followStart, dueText: P.afterAdoption },
      ]),
      { kind: 'evaluate', description: P.followEvaluate(evaluateWhen.text), dueText: evaluateWhen.text, dueDate: evaluateWhen.date },
    ],
  };
}

const section = (key: keyof typeof P.sections, lines: string[] | string): TSection =>
  ({ key, title: P.sections[key], body: (Array.isArray(lines) ? lines : [lines]).join('\n') });

/** "eind 2024" for a period ending in Q4 2024; "Q2 2024" otherwise – with the period's last day. */
function endOfPeriod(periodEnd: string): { text: string; date: string } {
  const year = Number(periodEnd.slice(0, 4));
  const q = Number(periodEnd.slice(6));
  const date = `${year}-${['03-31', '06-30', '09-30', '12-31'][q - 1]}`;
  return { text: q === 4 ? P.endOf(year) : formatQuarterCode(periodEnd), date };
}

function occasion({ plan, parent, round, purpose }: ProposalSource): string[] {
  const lines: string[] = [];
  if (purpose === 'report_to_council' && round) {
    lines.push(P.reportOccasion(formatQuarterCode(round.quarter), round.closedAt ? formatDate(round.closedAt.slice(0, 10)) : ''));
  } else if (parent) {
    const adopted = parent.adoptedBy ? P.adoptedBy(nl.labels.decidingBody[parent.adoptedBy], parent.adoptedOn ? formatDate(parent.adoptedOn) : '') : '';
    lines.push(P.elaborates(parent.title, adopted));
  } else {
    lines.push(fill(P.fillOccasion));
  }
  lines.push(P.period(plan.title, formatPeriod(plan.periodStart, plan.periodEnd)));
  return lines;
}

/** The plan's own ambition or mission, then the goals per theme. */
function intendedEffect(plan: TPlanExport): string[] {
  const ambition = plan.sections.filter((s) => /ambitie|missie|doel/i.test(`${s.key} ${s.title}`)).map((s) => s.body.trim()).filter(Boolean);
  const goals = plan.themes.filter((t) => t.goals.length).map((t) => `- ${themeName(t)}: ${t.goals.map((g) => g.title).join('; ')}`);
  const lines = [...ambition, ...(goals.length ? [P.goalsIntro, ...goals] : [])];
  return lines.length ? lines : [fill(P.fillGoal)];
}

const themeName = (t: { number?: string | null; title: string }) => (t.number ? `${nl.document.theme} ${t.number}: ${t.title}` : t.title);

/** Every theme by name: the priorities with their scope, the other subjects after them (as seed 002 words it). */
function themeLines(plan: TPlanExport): string[] {
  const priorities = plan.themes.filter((t) => t.scope !== 'other');
  const others = plan.themes.filter((t) => t.scope === 'other');
  const lines = priorities.length
    ? [P.themesIntro(plan.title, priorities.length), ...priorities.map((t) => `- ${P.themeLine[t.scope]}: ${t.title}`)]
    : [];
  if (others.length) lines.push(P.otherThemes(others.map((t) => t.title).join('; ')));
  return lines;
}

function programmeArguments(plan: TPlanExport): string[] {
  const activities = plan.themes.reduce((n, t) => n + t.activities.length, 0);
  return [...themeLines(plan), ...(plan.themes.length ? [P.activityCount(activities, plan.themes.length)] : []), fill(P.fillArguments)];
}

function reportArguments(plan: TPlanExport, snapshot: TRoundSnapshot): string[] {
  const { totals } = snapshot;
  const statuses = ACTIVITY_STATUSES.filter((s) => totals.byStatus[s]).map((s) => `- ${P.statusLine(nl.labels.activityStatus[s], totals.byStatus[s])}`);
  return [
    P.reportFigures(totals.awaited, totals.updated),
    P.reportStatus, ...statuses,
    ...(totals.lagging ? [P.lagging(totals.lagging)] : []),
    ...themeLines(plan),
    fill(P.fillArguments),
  ];
}

/** What the data say may go wrong: PM lines, overspending, sums that do not add up, contradictory targets, delays. */
function risks(plan: TPlanExport, snapshot: TRoundSnapshot | null): string[] {
  const found = [
    ...(plan.budget.pmCount ? [P.riskPm(plan.budget.pmCount)] : []),
    ...plan.budget.remainders.filter((r) => r.amountCents < 0).map((r) => P.riskOver(yearLabel(r.year), formatEuro(-r.amountCents))),
    ...[...new Set(plan.budget.mismatches.map((m) => m.title))].map(P.riskMismatch),
    ...[...plan.indicators, ...plan.themes.flatMap((t) => t.indicators)].filter((i) => i.targetProblems.length).map((i) => P.riskTarget(i.name)),
    ...(snapshot?.totals.byStatus.delayed ? [P.riskDelayed(snapshot.totals.byStatus.delayed)] : []),
  ];
  return found.length ? [P.risksIntro, ...found.map((f) => `- ${f}`), fill(P.fillRisks)] : [fill(P.fillRisks)];
}

const yearLabel = (year: number | null) => (year === null ? P.perYear : String(year));

/** The budget per year as the budget module computes it: planned, and where known available and remainder. */
function finances(plan: TPlanExport): string[] {
  const { totals, remainders } = plan.budget;
  if (!totals.length) return [P.noBudget, fill(P.fillFinance)];
  const remainderOf = (t: TYearAmount) => remainders.find((r) => r.year === t.year);
  const lines = totals.map((t) => {
    const rest = remainderOf(t);
    const available = plan.availableBudgetCents != null && rest ? P.budgetAvailable(formatEuro(plan.availableBudgetCents), formatEuro(rest.amountCents)) : '';
    return `- ${P.budgetYear(yearLabel(t.year), formatEuro(t.amountCents))}${available}`;
  });
  return [P.budgetIntro, ...lines, ...(plan.budget.pmCount ? [P.riskPm(plan.budget.pmCount)] : []), fill(P.fillFinance)];
}

/** The organisations involved in the activities (betrokkenen) by name: partners, then the municipality's own teams. */
function participation(plan: TPlanExport): string[] {
  const ids = new Set(plan.themes.flatMap((t) => t.activities.flatMap((a) => a.stakeholderIds)));
  const involved = plan.organisations.filter((o) => ids.has(o.id) && o.id !== plan.ownerId);
  const isOwnTeam = (o: (typeof involved)[number]) => o.kind === 'team' && o.ownerId === plan.ownerId;
  const names = (list: typeof involved) => list.map((o) => o.name).sort((a, b) => a.localeCompare(b, 'nl')).join('; ');
  const partners = involved.filter((o) => !isOwnTeam(o));
  const teams = involved.filter(isOwnTeam);
  return [
    ...(partners.length ? [P.partners(names(partners))] : []),
    ...(teams.length ? [P.teams(names(teams))] : []),
    fill(P.fillParticipation),
  ];
}

function followUpText(plan: TPlanExport, roundQuarter: string | null, evaluate: { text: string }): string[] {
  const next = roundQuarter ? nextQuarter(roundQuarter) : null;
  return [
    ...(roundQuarter ? [] : [P.followStart]),
    P.followRounds,
    ...(next && next <= plan.periodEnd ? [P.followNextRound(formatQuarterCode(next))] : []),
    P.followEvaluate(evaluate.text),
  ];
}

const nextQuarter = (code: string) => {
  const year = Number(code.slice(0, 4));
  const q = Number(code.slice(6));
  return q === 4 ? `${year + 1}-Q1` : `${year}-Q${q + 1}`;
};
