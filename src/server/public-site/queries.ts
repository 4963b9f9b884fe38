import { publicAddresses, slugify, type TPublicSiteSettings } from '../../domain/public-site.ts';
import { ZId } from '../../domain/schemas.ts';
import type { Db } from '../db/client.ts';
import type { TDocumentKind } from '../../domain/versions.ts';

/*
 * What the public site reads: only document versions with status 'published', and the organisations that have one.
 * Every query here has that condition in its SQL, so no page can show a draft, an adopted-but-unpublished version or
 * a version under another organisation's address – whoever asks, signed in or not (ADR 0015).
 */


export interface PublicOrganisation {
  id: string;
  name: string;
  kind: 'municipality' | 'collaboration';
  cbsCode: string | null;
  publicSite: TPublicSiteSettings | null;
  /** Published versions. */
  count: number;
  /** Its address under /openbaar. */
  address: string;
  /** The addresses it had before a rename, newest first: they lead to `address`. */
  formerAddresses: string[];
}

export interface VersionSummary {
  id: string;
  planId: string;
  document: TDocumentKind;
  roundId: string | null;
  number: number;
  title: string;
  adoptedBy: 'council' | 'college' | 'mayor';
  adoptedOn: string;
  decisionReference: string | null;
  councilBody: string | null;
  councilOn: string | null;
  publishedAt: string;
}

/** A published version with its content and the sizes of its files (the bytes come with `publishedFile`). */
export interface PublishedVersion extends VersionSummary {
  ownerId: string;
  content: string;
  contentHash: string;
  html: string;
  docxSize: number;
  pdfSize: number;
}

const SUMMARY = `v.id, v.plan_id, v.document, v.round_id, v.number, v.title, v.adopted_by, v.adopted_on, v.decision_reference,
  v.council_body, v.council_on, v.published_at`;

const toSummary = (r: Record<string, unknown>): VersionSummary => ({
  id: r.id as string, planId: r.plan_id as string, document: r.document as TDocumentKind, roundId: r.round_id as string | null,
  number: r.number as number, title: r.title as string, adoptedBy: r.adopted_by as VersionSummary['adoptedBy'],
  adoptedOn: r.adopted_on as string, decisionReference: r.decision_reference as string | null,
  councilBody: r.council_body as string | null, councilOn: r.council_on as string | null, publishedAt: r.published_at as string,
});

/** The municipalities and collaborations with published material, each with its public address, by name. */
export async function listPublishingOrganisations(db: Db): Promise<PublicOrganisation[]> {
  const rows = await db.query<Record<string, unknown>>(
    `select o.id, o.name, o.kind, o.cbs_code, o.public_site, count(v.id)::int as n,
            (select coalesce(json_agg(f.address order by f.created_at desc), '[]') from organisation_former_addresses f
              where f.organisation_id = o.id) as former_addresses
       from organisations o join document_versions v on v.owner_id = o.id and v.status = 'published'
      where o.kind in ('municipality', 'collaboration')
      group by o.id order by o.name, o.id`,
  );
  const orgs = rows.map((r) => ({
    id: r.id as string, name: r.name as string, kind: r.kind as PublicOrganisation['kind'], cbsCode: r.cbs_code as string | null,
    publicSite: (r.public_site as TPublicSiteSettings | null) ?? null, count: r.n as number, address: '',
    formerAddresses: r.former_addresses as string[],
  }));
  for (const [address, org] of publicAddresses(orgs)) org.address = address;
  return orgs;
}

/** The organisation at an address: its slug, its CBS code ("GM0406", any case) or its id; the page then redirects to the slug. */
export function findByAddress(orgs: PublicOrganisation[], address: string): PublicOrganisation | undefined {
  const key = address.toLowerCase();
  // Besides its address: its CBS code, or its id (the app links there without knowing the address).
  // Then an address it had before a rename, unless another organisation has it now.
  return orgs.find((o) => o.address === key) ?? orgs.find((o) => o.cbsCode?.toLowerCase() === key || o.id === key)
    ?? orgs.find((o) => o.formerAddresses.includes(key));
}

/** An organisation's published versions, newest first. */
export async function listPublishedVersions(db: Db, ownerId: string): Promise<VersionSummary[]> {
  const rows = await db.query<Record<string, unknown>>(
    `select ${SUMMARY} from document_versions v
      where v.owner_id = $1 and v.status = 'published' order by v.published_at desc, v.number desc`,
    [ownerId],
  );
  return rows.map(toSummary);
}

/** One published version of this owner; undefined for anything else (a malformed id included). */
export async function findPublishedVersion(db: Db, ownerId: string, id: string): Promise<PublishedVersion | undefined> {
  if (!ZId.safeParse(id).success) return undefined;
  const [r] = await db.query<Record<string, unknown>>(
    `select ${SUMMARY}, v.owner_id, v.content, v.content_hash, v.html, octet_length(v.docx)::int as docx_size, octet_length(v.pdf)::int as pdf_size
       from document_versions v where v.id = $1 and v.owner_id = $2 and v.status = 'published'`,
    [id, ownerId],
  );
  return r && {
    ...toSummary(r), ownerId: r.owner_id as string, content: r.content as string, contentHash: r.content_hash as string,
    html: r.html as string, docxSize: r.docx_size as number, pdfSize: r.pdf_size as number,
  };
}

/** A stored file of a published version, as bytes. */
export async function publishedFile(db: Db, version: PublishedVersion, file: 'docx' | 'pdf'): Promise<Buffer> {
  const [r] = await db.query<{ bytes: Uint8Array }>(
    `select ${file} as bytes from document_versions where id = $1 and status = 'published'`, [version.id],
  );
  return Buffer.from(r.bytes);
}

/** Key of "the same document": versions of one plan, kind and (for a progress report) round replace each other. */
export const documentKey = (v: VersionSummary) => `${v.planId}/${v.document}/${v.roundId ?? ''}`;

/** Groups versions (newest first) by document: the newest published version and the earlier ones. */
export function groupVersions(versions: VersionSummary[]): { latest: VersionSummary; earlier: VersionSummary[] }[] {
  const groups = new Map<string, VersionSummary[]>();
  for (const v of [...versions].sort((a, b) => b.number - a.number)) groups.set(documentKey(v), [...(groups.get(documentKey(v)) ?? []), v]);
  return [...groups.values()]
    .map(([latest, ...earlier]) => ({ latest, earlier }))
    .sort((a, b) => b.latest.publishedAt.localeCompare(a.latest.publishedAt));
}

/**
 * The stable address of a plan or programme on the site: the slug of its newest published title. It leads to the
 * newest published version (`findCurrentVersion`), so a municipality's website links to it once.
 */
export const stableSlug = (v: VersionSummary) => slugify(v.title);

/**
 * The newest published version of the plan whose title – in any of its published versions, so an address stays valid
 * when a later version is renamed – has this slug; of two such plans, the one published last.
 */
export function findCurrentVersion(versions: VersionSummary[], slug: string): VersionSummary | undefined {
  const plans = versions.filter((v) => v.document === 'plan');
  const named = new Set(plans.filter((v) => stableSlug(v) === slug).map((v) => v.planId));
  return groupVersions(plans).find((g) => named.has(g.latest.planId))?.latest;
}

/** The collaborations a municipality is a member of, and a collaboration's members (ids), for links between pages. */
export async function relatedOrganisations(db: Db, org: PublicOrganisation): Promise<{ id: string; name: string }[]> {
  const sql = org.kind === 'municipality'
    ? `select o.id, o.name from collaboration_members m join organisations o on o.id = m.collaboration_id where m.municipality_id = $1 order by o.name`
    : `select o.id, o.name from collaboration_members m join organisations o on o.id = m.municipality_id where m.collaboration_id = $1 order by m.position, o.name`;
  return db.query<{ id: string; name: string }>(sql, [org.id]);
}
