import { nl } from '../../text/nl.ts';
import { formatDate } from '../../text/format.ts';
import { escapeHtml as e, renderBlocks, type BlockClasses } from '../documents/html.ts';
import type { Block } from '../documents/tree.ts';
import { stableSlug, type PublicOrganisation, type PublishedVersion, type VersionSummary } from './queries.ts';
import { DOCUMENT_KINDS } from '../../domain/versions.ts';
import { publicStyleSheet } from './style-sheet.ts';

/*
 * The public site's pages as plain HTML strings: semantic elements with the NL Design System's (Utrecht) class names,
 * no script, no style attribute. Every text is escaped here; the copy comes from `nl.publicSite`.
 */

const T = nl.publicSite;
export const BASE = '/openbaar';

/** A link in the page: href and text. */
interface Crumb {
  href: string;
  label: string;
  /** The last crumb is the page itself, unless it says otherwise (the 404 page is no crumb). */
  isCurrent?: boolean;
}

export interface PageFrame {
  title: string;
  /** The organisation whose house style and name the page carries. */
  org?: PublicOrganisation;
  /** Its house-style sheet (with a version in the query, so a change shows at once). */
  orgStyle?: string;
  crumbs: Crumb[];
  /** Another style sheet's address instead of the site's (the meldformulier's, which adds the form classes). */
  styleSheet?: string;
  /** <link rel="alternate"> entries: the open data of the page. */
  alternates?: { href: string; type: string; title: string }[];
  main: string;
}

const a = (href: string, text: string, extra = '') => `<a class="utrecht-link utrecht-link--html-a"${extra} href="${e(href)}">${e(text)}</a>`;
/** The heading classes by level, written out: the style sheet keeps the rules of the classes this file names. */
const HEADING_CLASSES = ['utrecht-heading-1', 'utrecht-heading-2', 'utrecht-heading-3', 'utrecht-heading-4', 'utrecht-heading-5', 'utrecht-heading-6'];
const headingClass = (level: number) => HEADING_CLASSES[Math.min(Math.max(level, 1), 6) - 1];
const heading = (level: 1 | 2 | 3, text: string, id?: string) =>
  `<h${level} class="${headingClass(level)}"${id ? ` id="${id}"` : ''}>${e(text)}</h${level}>`;
const p = (text: string, cls = '') => `<p class="utrecht-paragraph${cls ? ` ${cls}` : ''}">${e(text)}</p>`;
const list = (items: string[], cls = '') => `<ul class="utrecht-unordered-list${cls ? ` ${cls}` : ''}">${items.map((i) => `<li class="utrecht-unordered-list__item">${i}</li>`).join('')}</ul>`;

/** The frame of every public page: skip link, header, breadcrumbs, main, footer. */
export function layout(f: PageFrame): string {
  const home = f.org ? `${BASE}/${f.org.address}` : BASE;
  const name = f.org ? f.org.publicSite?.headerName || f.org.name : T.siteName;
  const crumbs = f.crumbs.map((c, i) => {
    const isCurrent = i === f.crumbs.length - 1 && c.isCurrent !== false;
    return `<li class="utrecht-breadcrumb-nav__item">${isCurrent
      ? `<a class="utrecht-link utrecht-link--html-a utrecht-breadcrumb-nav__link utrecht-breadcrumb-nav__link--current" aria-current="page" href="${e(c.href)}">${e(c.label)}</a>`
      : `<a class="utrecht-link utrecht-link--html-a utrecht-breadcrumb-nav__link" href="${e(c.href)}">${e(c.label)}</a>`}</li>`;
  }).join('');
  return `<!doctype html>
<html lang="nl" class="utrecht-theme">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(f.title)} – ${e(f.org ? f.org.name : T.siteName)}</title>
<link rel="stylesheet" href="${e(f.styleSheet ?? `${BASE}/stijl/${publicStyleSheet().name}`)}">
${f.orgStyle ? `<link rel="stylesheet" href="${e(f.orgStyle)}">\n` : ''}${(f.alternates ?? []).map((l) => `<link rel="alternate" type="${e(l.type)}" href="${e(l.href)}" title="${e(l.title)}">`).join('\n')}
</head>
<body class="utrecht-document utrecht-document--surface regie-public">
<a class="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#inhoud">${e(T.skipLink)}</a>
<header class="utrecht-page-header regie-public-header">
<div class="regie-public-container regie-public-header__inner">
<a class="regie-public-brand" href="${e(home)}">${e(name)}</a>
${f.org ? `<span class="regie-public-tagline">${e(T.siteName)}</span>` : ''}
</div>
</header>
<div class="utrecht-page regie-public-container regie-public-page">
<nav class="utrecht-breadcrumb-nav regie-public-breadcrumb" aria-label="${e(T.breadcrumb)}"><ol class="utrecht-breadcrumb-nav__list utrecht-breadcrumb-nav__list--html-ol">${crumbs}</ol></nav>
<main id="inhoud" tabindex="-1" class="utrecht-page-content regie-public-main">
${f.main}
</main>
</div>
<footer class="utrecht-page-footer regie-public-footer">
<div class="regie-public-container regie-public-footer__inner">
<nav aria-label="${e(T.footerNav)}">${list([a(`${BASE}/toegankelijkheid`, T.accessibilityLink), a(BASE, T.home)], 'regie-public-footer__links')}</nav>
${p(T.poweredBy)}
</div>
</footer>
</body>
</html>
`;
}

const homeCrumb: Crumb = { href: BASE, label: T.home };
const orgCrumb = (org: PublicOrganisation): Crumb => ({ href: `${BASE}/${org.address}`, label: org.name });

/** /openbaar: the municipalities and collaborations that published something. */
export function indexPage(orgs: PublicOrganisation[]): string {
  const section = (kind: PublicOrganisation['kind'], title: string, id: string) => {
    const of = orgs.filter((o) => o.kind === kind);
    if (!of.length) return '';
    return `<section aria-labelledby="${id}">${heading(2, title, id)}${list(of.map((o) => `${a(`${BASE}/${o.address}`, o.name)} <span class="regie-public-muted">(${e(T.publicationCount(o.count))})</span>`), 'regie-public-orgs')}</section>`;
  };
  const main = [
    heading(1, T.indexTitle), p(T.indexIntro, 'utrecht-paragraph--lead'),
    orgs.length ? section('municipality', T.municipalities, 'gemeenten') + section('collaboration', T.collaborations, 'samenwerkingen') : p(T.nothingPublished),
  ].join('\n');
  return layout({ title: T.indexTitle, crumbs: [homeCrumb], main });
}

const dateTime = (iso: string) =>
  new Date(iso).toLocaleDateString('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', year: 'numeric' });
const adopted = (v: VersionSummary) => T.adoptedLine(nl.labels.decidingBody[v.adoptedBy], formatDate(v.adoptedOn));
export const versionPath = (org: PublicOrganisation, v: { id: string }) => `${BASE}/${org.address}/${v.id}`;
/** A plan's stable address: always its newest published version. */
export const stablePath = (org: PublicOrganisation, v: VersionSummary) => `${BASE}/${org.address}/${stableSlug(v)}`;
/**
 * The stable address as a full URL to copy into a municipality's own site, for plans and programmes (reports are one
 * per round). `origin` is the site's scheme and host, without a slash at the end.
 */
const stableLink = (origin: string, org: PublicOrganisation, v: VersionSummary) => v.document === 'plan'
  ? `<p class="utrecht-paragraph regie-public-muted regie-public-stable">${e(T.stableLink)} ${a(`${origin}${stablePath(org, v)}`, `${origin}${stablePath(org, v)}`)}</p>`
  : '';

/** /openbaar/<organisation>: its published documents by kind, the newest version of each first, earlier ones below. */
export function organisationPage(
  org: PublicOrganisation, groups: { latest: VersionSummary; earlier: VersionSummary[] }[],
  related: { name: string; address?: string }[], orgStyle: string, origin: string,
): string {
  const item = ({ latest, earlier }: (typeof groups)[number]) => {
    const older = earlier.length
      ? `<details class="regie-public-older"><summary>${e(T.olderVersions)} (${earlier.length})</summary>${list(earlier.map((v) =>
        `${a(versionPath(org, v), `${T.versionLabel(v.number)} – ${v.title}`)}, ${e(adopted(v))}`))}</details>`
      : '';
    return `<li class="utrecht-unordered-list__item regie-public-doc">${a(versionPath(org, latest), latest.title)}
<p class="utrecht-paragraph regie-public-muted">${e(T.versionLabel(latest.number))}. ${e(adopted(latest))}; ${e(T.publishedLine(dateTime(latest.publishedAt)))}.</p>${stableLink(origin, org, latest)}${older}</li>`;
  };
  const sections = DOCUMENT_KINDS.map((kind) => {
    const of = groups.filter((g) => g.latest.document === kind);
    return of.length ? `<section aria-labelledby="${kind}">${heading(2, T.groups[kind], kind)}<ul class="utrecht-unordered-list regie-public-docs">${of.map(item).join('')}</ul></section>` : '';
  });
  const relatedHeading = org.kind === 'municipality' ? T.jointProgrammes : T.members;
  const relatedSection = related.length
    ? `<section aria-labelledby="samen">${heading(2, relatedHeading, 'samen')}${org.kind === 'municipality' ? p(T.jointProgrammesIntro) : ''}${list(related.map((r) => (r.address ? a(`${BASE}/${r.address}`, r.name) : e(r.name))))}</section>`
    : '';
  const title = T.organisationTitle(org.name);
  const main = [heading(1, title), p(T.organisationIntro, 'utrecht-paragraph--lead'), ...sections, relatedSection].join('\n');
  // The open data of each current programme, for tools that look for it in the page's head.
  const alternates = groups.filter((g) => g.latest.document === 'plan').flatMap(({ latest }) => [
    { href: `${versionPath(org, latest)}/open-data.json`, type: 'application/json', title: `${latest.title} (JSON)` },
    { href: `${versionPath(org, latest)}/open-data.csv`, type: 'text/csv', title: `${latest.title} (CSV)` },
  ]);
  return layout({ title, org, orgStyle, crumbs: [homeCrumb, orgCrumb(org)], main, alternates });
}

/** The NL Design System's classes for a document body inside the site; on a phone a table's rows become cards. */
const DOCUMENT_CLASSES: BlockClasses = {
  heading: headingClass,
  paragraph: 'utrecht-paragraph',
  list: 'utrecht-unordered-list',
  listItem: 'utrecht-unordered-list__item',
  facts: 'regie-public-facts',
  table: 'utrecht-table',
  caption: 'utrecht-table__caption',
  thead: 'utrecht-table__header',
  tbody: 'utrecht-table__body',
  row: 'utrecht-table__row',
  headerCell: 'utrecht-table__header-cell',
  cell: 'utrecht-table__cell',
  tableRegion: 'regie-public-table',
  cellLabel: 'regie-public-cell-label',
  link: 'utrecht-link',
  toc: 'regie-public-toc',
};

const size = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} kB` : `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;

/** The document page: the version rendered in the site (its block tree), its facts and downloads, and for a programme its open data. */
export function documentPage(
  org: PublicOrganisation, version: PublishedVersion, blocks: Block[], newer: VersionSummary | undefined,
  orgStyle: string, origin: string,
): string {
  const path = versionPath(org, version);
  const facts: [string, string][] = [
    [T.version, String(version.number)],
    [T.adoptedBy, nl.labels.decidingBody[version.adoptedBy]],
    [T.adoptedOn, formatDate(version.adoptedOn)],
    ...(version.decisionReference ? [[T.decisionReference, version.decisionReference] as [string, string]] : []),
    ...(version.councilBody ? [[T.sentToCouncil, `${version.councilBody}${version.councilOn ? `, ${formatDate(version.councilOn)}` : ''}`] as [string, string]] : []),
    [T.publishedOn, dateTime(version.publishedAt)],
  ];
  const hasOpenData = version.document === 'plan';
  const about = `<section aria-labelledby="over" class="regie-public-about">${heading(2, T.aboutVersion, 'over')}
${newer ? `<p class="utrecht-paragraph regie-public-newer">${e(T.newerVersion)} ${a(versionPath(org, newer), `${T.versionLabel(newer.number)} – ${newer.title}`)}</p>` : ''}
${stableLink(origin, org, newer ?? version)}
<dl class="regie-public-facts">${facts.map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`).join('')}</dl>
${heading(3, T.downloads, 'downloads')}
${list([
    a(`${path}/document.pdf`, T.asPdf(size(version.pdfSize)), ' type="application/pdf"'),
    a(`${path}/document.docx`, T.asWord(size(version.docxSize)), ' download type="application/vnd.openxmlformats-officedocument.wordprocessingml.document"'),
    a(`${path}/document.html`, T.asHtml(size(Buffer.byteLength(version.html))), ' type="text/html"'),
  ], 'regie-public-downloads')}
${hasOpenData ? `${heading(3, T.openData, 'open-data')}${p(T.openDataIntro)}${list([
    a(`${path}/open-data.json`, T.asJson, ' type="application/json"'),
    a(`${path}/open-data.csv`, T.asCsv, ' download type="text/csv"'),
  ], 'regie-public-downloads')}<p class="utrecht-paragraph">${e(T.licence)} ${a('https://creativecommons.org/publicdomain/zero/1.0/deed.nl', T.licenceLink, ' rel="license"')}</p>` : ''}
</section>`;
  // The title (the document's first heading) stays the page's h1; the version's facts follow it.
  const [first, ...rest] = blocks;
  const content = `${renderBlocks([first], DOCUMENT_CLASSES)}\n${about}\n<div class="regie-public-document">${renderBlocks(rest, DOCUMENT_CLASSES)}</div>`;
  return layout({
    title: version.title, org, orgStyle, crumbs: [homeCrumb, orgCrumb(org), { href: path, label: version.title }], main: content,
    alternates: hasOpenData
      ? [
        { href: `${path}/open-data.json`, type: 'application/json', title: T.asJson },
        { href: `${path}/open-data.csv`, type: 'text/csv', title: T.asCsv },
      ]
      : [],
  });
}

/** /openbaar/toegankelijkheid: the accessibility statement, with the contact address of each publishing organisation. */
export function accessibilityPage(orgs: PublicOrganisation[]): string {
  const A = T.accessibility;
  const contacts = orgs.filter((o) => o.publicSite?.contactEmail);
  const main = [
    heading(1, A.title), p(A.intro, 'utrecht-paragraph--lead'),
    heading(2, A.standardHeading), p(A.standard),
    heading(2, A.measuresHeading), list(A.measures.map(e)),
    heading(2, A.testingHeading), p(A.testing),
    heading(2, A.knownHeading), p(A.known),
    heading(2, A.contactHeading), p(A.contactText),
    contacts.length
      ? list(contacts.map((o) => `${e(A.contactOf(o.name))}${a(`mailto:${o.publicSite!.contactEmail}`, o.publicSite!.contactEmail!)}`)) + p(A.contactFallback)
      : p(A.noContacts),
  ].join('\n');
  return layout({ title: A.title, crumbs: [homeCrumb, { href: `${BASE}/toegankelijkheid`, label: A.title }], main });
}

/** The one answer for anything that is not (or not yet) public. */
export function notFoundPage(): string {
  const main = [heading(1, T.notFoundTitle), p(T.notFoundText), `<p class="utrecht-paragraph">${a(BASE, T.notFoundBack)}</p>`].join('\n');
  return layout({ title: T.notFoundTitle, crumbs: [{ ...homeCrumb, isCurrent: false }], main });
}
