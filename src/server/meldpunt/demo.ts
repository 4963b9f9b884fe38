import { randomBytes } from 'node:crypto';
import { CCV_OUTCOMES, type TMeldingStatus } from '../../domain/meldpunt.ts';
import type { Db } from '../db/client.ts';
import type { DataCipher } from '../core/crypto.ts';
import { hashPassword } from '../accounts/passwords.ts';
import { refreshCounts } from './counts.ts';
import { newTraceId } from './processing-log.ts';
import { ensureDefaultCategories, insertMelding, type Category } from './repository.ts';
import { loadDemoForward } from './demo-forwards.ts';

/*
 * The demo meldpunt (issue 13, part 6): Huizen's and Utrechtse Heuvelrug's categories, and their behandelaars. The
 * meldingen in it are generated and clearly fictional: no real names or addresses ("Voorbeeldstraat", "Demo-persoon").
 * They are generated deterministically (a seeded sequence) over the twelve months before the clock, across categories,
 * sources and statuses, so every screen of the meldpunt has content; Huizen's indicator "Meldingen van jeugdoverlast"
 * counts the jeugdoverlast category.
 */

/** The demo municipalities with a meldpunt, by CBS code, and their behandelaar's e-mail address. */
export const DEMO_MELDPUNTEN = [
  { cbsCode: 'GM0406', behandelaar: 'behandelaar@huizen.demo', official: 'adviseur@huizen.demo', count: 34, seed: 406 },
  { cbsCode: 'GM1581', behandelaar: 'behandelaar@heuvelrug.demo', official: 'adviseur@heuvelrug.demo', count: 24, seed: 1581 },
] as const;

/** The indicator of the seeds that counts a category: Huizen's IVP measures its jeugdoverlast in meldingen. */
export const DEMO_LINKED_INDICATOR = { cbsCode: 'GM0406', name: 'Meldingen van jeugdoverlast', categoryKey: 'jeugdoverlast' } as const;

/** What the demo prints for trying the reporter's status page: a meldcode with its secret phrase. */
export interface DemoMeldcode { municipality: string; number: string; code: string; phrase: string }

/** A small deterministic sequence (mulberry32): the same demo on every first start. */
function sequence(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)], int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)) };
}

/** Fictional descriptions per category; places are made up. */
const WHAT: Record<string, string[]> = {
  jeugdoverlast: [
    'Groep jongeren met scooters hangt elke avond bij de Voorbeeldsnackbar en maakt veel lawaai.',
    'Jongeren gooien vuurwerk bij het Demo-plein.',
    'Rommel en lachgaspatronen achtergelaten bij het Voorbeeldpark na een avond met een groep jongeren.',
    'Een groep jongeren valt voorbijgangers lastig bij het winkelcentrum Demo-hof.',
  ],
  woonoverlast: [
    'Harde muziek tot diep in de nacht uit een woning aan de Voorbeeldstraat.',
    'Vervuilde tuin met ongedierte bij een woning in de Demo-laan.',
    'Buren schreeuwen en dreigen regelmatig in het portiek.',
  ],
  zorg: [
    'Een oudere buurvrouw lijkt verward en loopt \'s nachts op straat.',
    'Iemand in de Voorbeeldflat komt al weken niet meer buiten; de brievenbus puilt uit.',
    'Een man spreekt voorbijgangers verward en dreigend aan bij het station Demo-stad.',
  ],
  ondermijning: [
    'Bij een loods op het Voorbeeld-bedrijventerrein komen \'s nachts steeds andere busjes; de ramen zijn afgeplakt.',
    'Een winkel in de Demo-straat heeft bijna nooit klanten maar is elke dag open; er wordt veel contant betaald.',
    'Sterke hennepgeur uit een woning aan de Voorbeeldweg en een warmtebron op het dak.',
    'In een woning aan de Demo-kade wonen wisselend veel mensen; het lijkt op illegale verhuur.',
  ],
  discriminatie: [
    'Bij de ingang van een café aan het Demo-plein werden bezoekers om hun afkomst geweigerd.',
    'Op een muur bij het Voorbeeldpark staan discriminerende teksten.',
  ],
};
const WHERE = ['Voorbeeldstraat 12', 'Demo-plein', 'bij het Voorbeeldpark', 'Demo-laan 3', 'Voorbeeldweg, bij de rotonde', 'Demo-kade 40'];
const OFTEN = ['Eén keer', 'Vaker', 'Dagelijks', 'Weet ik niet'];
/** How often each category comes in: jeugdoverlast most, discriminatie least. */
const WEIGHTS: [string, number][] = [['jeugdoverlast', 9], ['woonoverlast', 5], ['zorg', 4], ['ondermijning', 4], ['discriminatie', 1]];

const DAY = 86_400_000;

interface Planned {
  id: string; number: string; category: Category; receivedAt: Date; status: TMeldingStatus; handlerId: string | null;
  events: { from: TMeldingStatus; to: TMeldingStatus; at: Date; text?: string }[];
  triage: Record<string, unknown> | null; retainUntil: string | null; closingReason: string | null;
}

/**
 * Configures the demo meldpunten in the caller's transaction (the demo accounts exist) and fills them with generated
 * meldingen; `now` is the clock the dates count back from. Returns the meldcode to print.
 */
export async function loadDemoMeldpunt(tx: Db, cipher: DataCipher, now = new Date()): Promise<DemoMeldcode | null> {
  let meldcode: DemoMeldcode | null = null;
  for (const m of DEMO_MELDPUNTEN) {
    const [org] = await tx.query<{ id: string; name: string }>('select id, name from organisations where cbs_code = $1', [m.cbsCode]);
    if (!org) continue;
    const categories = await ensureDefaultCategories(tx, org.id);
    const [user] = await tx.query<{ id: string }>('select id from users where email = $1', [m.behandelaar]);
    if (user) {
      await tx.query(`insert into meldpunt_duties (user_id, organisation_id, duty) values ($1, $2, 'behandelaar')`, [user.id, org.id]);
    }
    if (m.cbsCode === 'GM0406') await loadDemoForward(tx, cipher, org.id, now);
    const [official] = await tx.query<{ id: string }>('select id from users where email = $1', [m.official]);
    const planned = await generate(tx, cipher, org.id, categories, m, user?.id ?? null, official?.id ?? null, now);
    await writeHistory(tx, planned, user?.id ?? null);
    if (!meldcode) meldcode = { municipality: org.name, ...(await demoMeldcode(tx, cipher, planned)) };
  }
  await linkDemoIndicator(tx);
  await refreshCounts(tx, { now });
  return meldcode;
}

async function generate(tx: Db, cipher: DataCipher, municipalityId: string, categories: Category[], m: (typeof DEMO_MELDPUNTEN)[number],
  handlerId: string | null, officialId: string | null, now: Date): Promise<Planned[]> {
  const r = sequence(m.seed);
  const byKey = new Map(categories.map((c) => [c.key, c]));
  const bag = WEIGHTS.flatMap(([key, w]) => Array.from({ length: w }, () => key)).filter((k) => byKey.has(k));
  const trace = newTraceId();
  const planned: Planned[] = [];
  for (let n = 0; n < m.count; n++) {
    const category = byKey.get(r.pick(bag))!;
    // Spread over the last year, the newest few days old; office hours and evenings.
    const daysAgo = n >= m.count - 4 ? r.int(0, 4) : Math.round(((m.count - n) / m.count) * 355) - r.int(0, 6) + 8;
    const receivedAt = new Date(now.getTime() - Math.max(daysAgo, 0) * DAY - r.int(1, 12) * 3_600_000);
    // Most come in through the public form; some are internal signals, one an M. tip (ondermijning).
    const source = n % 11 === 5 && officialId ? 'internal' : n === 7 ? 'mma' : 'public';
    const withContact = source === 'public' && n % 4 === 1;
    const { id, number } = await insertMelding(tx, cipher, {
      municipalityId, categoryId: category.id, source, receivedAt: receivedAt.toISOString(),
      answers: { wat: r.pick(WHAT[category.key]), waar: r.pick(WHERE), hoe_vaak: r.pick(OFTEN) },
      reporter: withContact ? { name: `Demo-persoon ${n + 1}`, email: `demo-persoon-${n + 1}@voorbeeld.invalid` } : undefined,
      shareConsent: withContact && n % 8 === 1, internalReporterId: source === 'internal' ? officialId : null,
    }, trace);
    planned.push(plan(r, id, number, category, receivedAt, handlerId, now, n));
  }
  // At least one waits on its reporter's answer (the meldcode's melding).
  const open = [...planned].reverse().find((p) => p.status === 'in_behandeling' && p.category.key !== 'ondermijning');
  if (open && !planned.some((p) => p.status === 'wacht_op_melder')) {
    open.status = 'wacht_op_melder';
    open.events.push({ from: 'in_behandeling', to: 'wacht_op_melder', at: new Date(open.events.at(-1)!.at.getTime() + DAY) });
  }
  // One duplicate of the newest jeugdoverlast melding, merged into it.
  const main = [...planned].reverse().find((p) => p.category.key === 'jeugdoverlast' && p.status !== 'nieuw');
  const duplicate = main && planned.find((p) => p !== main && p.category.key === 'jeugdoverlast' && p.status === 'nieuw');
  if (main && duplicate) {
    duplicate.status = 'samengevoegd';
    duplicate.events = [{ from: 'nieuw', to: 'samengevoegd', at: new Date(duplicate.receivedAt.getTime() + DAY) }];
    await tx.query('update meldingen set main_id = $2 where id = $1', [duplicate.id, main.id]);
  }
  return planned;
}

/** Where a melding stands: older ones closed or forwarded, recent ones open; ondermijning triaged by the protocol. */
function plan(r: ReturnType<typeof sequence>, id: string, number: string, category: Category, receivedAt: Date, handlerId: string | null,
  now: Date, n: number): Planned {
  const age = (now.getTime() - receivedAt.getTime()) / DAY;
  const pickedUp = new Date(receivedAt.getTime() + r.int(2, category.responseDays * 2 + 2) * DAY * 0.6);
  const p: Planned = { id, number, category, receivedAt, status: 'nieuw', handlerId: null, events: [], triage: null, retainUntil: null, closingReason: null };
  if (age < 6) return p;
  p.handlerId = handlerId;
  p.status = 'in_behandeling';
  p.events.push({ from: 'nieuw', to: 'in_behandeling', at: pickedUp });
  if (category.key === 'ondermijning') {
    const outcome = CCV_OUTCOMES[n % CCV_OUTCOMES.length];
    const decided = { decidedBy: handlerId, decidedByName: 'Demo behandelaar meldingen', decidedAt: pickedUp.toISOString() };
    p.triage = {
      1: { weging: 1, isOndermijning: outcome !== 'geen_actie', lokaleVerankering: true, signalen: 'Afgeplakte ramen, veel wisselend verkeer.', ...decided },
      2: { weging: 2, gemeentelijkeTaak: true, grondgebied: true, toelichting: 'Binnen de gemeente; vergunningen en Bibob.', ...decided },
      3: { weging: 3, ernst: outcome === 'riec' ? 'hoog' : 'midden', uitkomst: outcome, toelichting: 'Fictieve afweging voor de demo.', ...decided },
      ...(outcome === 'geen_actie' ? {} : { 4: { weging: 4, aanpak: outcome === 'riec' ? 'riec' : 'afdeling', toelichting: 'Fictief.', ...decided } }),
    };
    if (outcome === 'geen_actie') {
      // Kept one year under the protocol, then destroyed by the retention job.
      const until = new Date(pickedUp.getTime() + 365 * DAY);
      p.retainUntil = until.toISOString().slice(0, 10);
    }
    if (outcome === 'riec' && age > 30) {
      p.status = 'doorgestuurd';
      p.events.push({ from: 'in_behandeling', to: 'doorgestuurd', at: new Date(pickedUp.getTime() + 2 * DAY) });
      return p;
    }
  }
  if (age > 75 && n % 5 !== 0) {
    p.closingReason = r.pick(['Besproken met de wijkagent; de overlast is gestopt.', 'Doorverwezen naar het wijkteam.', 'Geen aanleiding voor verdere actie.']);
    p.status = 'afgesloten';
    p.events.push({ from: 'in_behandeling', to: 'afgesloten', at: new Date(pickedUp.getTime() + r.int(3, 20) * DAY), text: p.closingReason });
  } else if (age < 75 && n % 2 === 0) {
    p.status = 'wacht_op_melder';
    p.events.push({ from: 'in_behandeling', to: 'wacht_op_melder', at: new Date(pickedUp.getTime() + DAY) });
  }
  return p;
}

/** The statuses, triage and history of the generated meldingen, set-based: a few statements for all of them. */
async function writeHistory(tx: Db, planned: Planned[], handlerId: string | null): Promise<void> {
  const changed = planned.filter((p) => p.status !== 'nieuw');
  await tx.query(
    `update meldingen m set status = t.status, handler_id = t.handler_id, triage = t.triage, retain_until = t.retain_until,
            closing_reason = t.closing_reason, updated_at = t.updated_at
       from unnest($1::uuid[], $2::text[], $3::uuid[], $4::jsonb[], $5::date[], $6::text[], $7::timestamptz[])
         as t(id, status, handler_id, triage, retain_until, closing_reason, updated_at) where m.id = t.id`,
    [changed.map((p) => p.id), changed.map((p) => p.status), changed.map((p) => p.handlerId), changed.map((p) => JSON.stringify(p.triage ?? {})),
      changed.map((p) => p.retainUntil), changed.map((p) => p.closingReason), changed.map((p) => (p.events.at(-1)?.at ?? p.receivedAt).toISOString())],
  );
  const events = planned.flatMap((p) => p.events.map((e) => ({ ...e, melding: p.id })));
  await tx.query(
    `insert into melding_events (id, melding_id, kind, from_status, to_status, detail, actor_id, at)
     select gen_random_uuid(), t.melding, 'status', t.from_status, t.to_status, t.detail, $1, t.at
       from unnest($2::uuid[], $3::text[], $4::text[], $5::jsonb[], $6::timestamptz[]) as t(melding, from_status, to_status, detail, at)`,
    [handlerId, events.map((e) => e.melding), events.map((e) => e.from), events.map((e) => e.to),
      events.map((e) => JSON.stringify(e.text ? { text: e.text } : {})), events.map((e) => e.at.toISOString())],
  );
  // A question to the reporter for each melding waiting on one.
  const waiting = planned.filter((p) => p.status === 'wacht_op_melder');
  await tx.query(
    `insert into melding_messages (id, melding_id, kind, body, author_id, created_at)
     select gen_random_uuid(), t.melding, 'question', $1, $2, t.at from unnest($3::uuid[], $4::timestamptz[]) as t(melding, at)`,
    ['Op welke dagen en tijden ziet u dit meestal gebeuren?', handlerId, waiting.map((p) => p.id), waiting.map((p) => p.events.at(-1)!.at.toISOString())],
  );
}

/**
 * A meldcode for the first melding waiting on its reporter (else the newest): random, printed once by the demo, stored
 * as its HMAC and the argon2id hash of the phrase like any other.
 */
async function demoMeldcode(tx: Db, cipher: DataCipher, planned: Planned[]): Promise<{ number: string; code: string; phrase: string }> {
  const p = planned.find((x) => x.status === 'wacht_op_melder') ?? planned.at(-1)!;
  const code = randomBytes(16).toString('hex').toUpperCase().match(/.{4}/g)!.join('-');
  const phrase = randomBytes(16).toString('base64url');
  await tx.query('insert into melding_codes (code_hmac, melding_id, phrase_hash) values ($1, $2, $3)',
    [cipher.hmac('meldcode', code), p.id, await hashPassword(phrase)]);
  return { number: p.number, code, phrase };
}

/** Links the seeds' indicator that counts meldingen to its category (when the seed has it). */
async function linkDemoIndicator(tx: Db): Promise<void> {
  await tx.query(
    `update indicators set meldpunt_category_key = $3
      where name = $2 and owner_id = (select id from organisations where cbs_code = $1)`,
    [DEMO_LINKED_INDICATOR.cbsCode, DEMO_LINKED_INDICATOR.name, DEMO_LINKED_INDICATOR.categoryKey],
  );
}
