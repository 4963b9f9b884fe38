/**
 * Checks the demo data files without a database: schema, references between keys, parse results of tijdpad and
 * frequentie, budget totals against the totals the documents print, and targets that contradict their baseline.
 * Usage: node --import tsx scripts/check-seeds.ts [file …]   (default: every file in data/seeds)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ZPlanDocument, type TPlanDocument } from '../src/domain/plan-document.ts';
import { parseTimeframe } from '../src/domain/timeframe.ts';
import { parseFrequency } from '../src/domain/frequency.ts';
import { findSubLineMismatches, formatEuro, totalOfSelection, type BudgetLineLike } from '../src/domain/budget.ts';
import { checkTarget } from '../src/domain/indicator.ts';

const dir = 'data/seeds';
const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => join(dir, f));
const all = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => join(dir, f));

let errors = 0;
const docs = new Map<string, TPlanDocument>();
for (const file of new Set([...all, ...files])) {
  const parsed = ZPlanDocument.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    if (files.includes(file)) {
      for (const issue of parsed.error.issues) console.log(`ERROR ${file}: ${issue.path.join('.')}: ${issue.message}`);
      errors += parsed.error.issues.length;
    }
    continue;
  }
  docs.set(file, parsed.data);
}

// A key may be defined in several files, but only with the same content.
const defined = new Map<string, string>();
for (const [file, doc] of docs) {
  for (const item of [...doc.organisations, ...doc.people]) {
    const seen = defined.get(item.key);
    if (seen !== undefined && seen !== JSON.stringify(item) && files.includes(file)) {
      console.log(`ERROR ${file}: "${item.key}" is defined differently in another file`);
      errors++;
    }
    defined.set(item.key, JSON.stringify(item));
  }
}

const orgKeys = new Set<string>();
const personKeys = new Set<string>();
const planKeys = new Set<string>();
for (const doc of docs.values()) {
  doc.organisations.forEach((o) => orgKeys.add(o.key));
  doc.people.forEach((p) => personKeys.add(p.key));
  doc.plans.forEach((p) => planKeys.add(p.key));
}

for (const file of files) {
  const doc = docs.get(file);
  if (!doc) continue;
  const ref = (kind: Set<string>, key: string | null | undefined, where: string) => {
    if (key && !kind.has(key)) {
      console.log(`ERROR ${file}: ${where}: unknown key "${key}"`);
      errors++;
    }
  };
  doc.organisations.forEach((o) => {
    ref(orgKeys, o.parentKey, `organisation ${o.key}.parentKey`);
    o.memberKeys.forEach((k) => ref(orgKeys, k, `organisation ${o.key}.memberKeys`));
  });
  doc.people.forEach((p) => ref(orgKeys, p.organisationKey, `person ${p.key}.organisationKey`));
  for (const plan of doc.plans) {
    ref(orgKeys, plan.ownerKey, `plan ${plan.key}.ownerKey`);
    ref(planKeys, plan.parentPlanKey, `plan ${plan.key}.parentPlanKey`);
    ref(planKeys, plan.jointPlanKey, `plan ${plan.key}.jointPlanKey`);
    const defaultYear = Number(plan.periodStart.slice(0, 4));
    const counts = { themes: plan.themes.length, goals: 0, activities: 0, indicators: plan.indicators.length, measurements: 0 };
    const unparsed: string[] = [];
    const indicators = [...plan.indicators];
    for (const theme of plan.themes) {
      theme.portfolioHolderKeys.forEach((k) => ref(personKeys, k, `theme "${theme.title}".portfolioHolderKeys`));
      theme.officialKeys.forEach((k) => ref(personKeys, k, `theme "${theme.title}".officialKeys`));
      const goalKeys = new Set(theme.goals.map((g) => g.key).filter(Boolean));
      counts.goals += theme.goals.length;
      counts.activities += theme.activities.length;
      counts.indicators += theme.indicators.length;
      indicators.push(...theme.indicators);
      for (const a of theme.activities) {
        a.stakeholderKeys.forEach((k) => ref(orgKeys, k, `activity "${a.title}".stakeholderKeys`));
        a.responsibleKeys.forEach((k) => ref(personKeys, k, `activity "${a.title}".responsibleKeys`));
        a.goalKeys.forEach((k) => {
          if (!goalKeys.has(k)) {
            console.log(`ERROR ${file}: activity "${a.title}": goal key "${k}" not in its theme`);
            errors++;
          }
        });
        if (a.timeframeText && parseTimeframe(a.timeframeText, defaultYear).kind === 'unparsed') unparsed.push(`tijdpad "${a.timeframeText}"`);
        if (a.frequencyText && parseFrequency(a.frequencyText).kind === 'unparsed') unparsed.push(`frequentie "${a.frequencyText}"`);
      }
      theme.indicators.forEach((i) => {
        if (i.goalKey && !goalKeys.has(i.goalKey)) {
          console.log(`ERROR ${file}: indicator "${i.name}": goal key "${i.goalKey}" not in its theme`);
          errors++;
        }
      });
    }
    for (const i of indicators) {
      counts.measurements += i.measurements.length;
      for (const p of checkTarget(i)) console.log(`FLAG  ${plan.key}: indicator "${i.name}": ${p.code} ${p.expected ?? ''}`);
    }
    console.log(`PLAN  ${plan.key}: ${JSON.stringify(counts)}, budget lines ${plan.budgetLines.length}, regular tasks ${plan.regularTasks.length}, decisions ${plan.decisions.length}`);
    unparsed.forEach((u) => console.log(`NOTE  ${plan.key}: not parsed (kept and flagged): ${u}`));

    // Budget: flatten with synthetic ids so sub-lines can be matched to their line.
    const lines: BudgetLineLike[] = plan.budgetLines.flatMap((l, n) => [
      { ...l, id: `l${n}`, parentId: null },
      ...l.subLines.map((s) => ({ ...s, id: undefined, parentId: `l${n}` })),
    ]);
    for (const m of findSubLineMismatches(lines)) {
      console.log(`FLAG  ${plan.key}: budget "${m.title}" ${m.year}: line ${formatEuro(m.lineCents)} ≠ sub-lines ${formatEuro(m.subLinesCents)}`);
    }
    for (const t of plan.printedTotals) {
      const totals = totalOfSelection(lines, (l) => (t.section == null || l.section === t.section) && (t.nature == null || l.nature === t.nature));
      const computed = totals.get(t.year ?? 'per_jaar') ?? 0;
      const ok = computed === t.amountCents;
      if (!ok) errors++;
      console.log(`${ok ? 'OK   ' : 'ERROR'} ${plan.key}: printed total "${t.label}" ${t.year ?? 'per jaar'} ${formatEuro(t.amountCents)}, computed ${formatEuro(computed)}`);
    }
  }
}
console.log(errors ? `${errors} error(s)` : 'no errors');
process.exit(errors ? 1 : 0);
