import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZPublicSiteSettings } from '../../domain/public-site.ts';
import type { Db } from '../db/client.ts';
import { DOCUMENT_FORMATS, versionTree } from '../documents/index.ts';
import { fileName } from '../http/download.ts';
import { HTML_CSP } from '../documents/html.ts';
import { openDataCsv, openDataJson } from './open-data.ts';
import { publicStyleSheet } from './style-sheet.ts';
import { accessibilityPage, BASE, documentPage, indexPage, notFoundPage, organisationPage, versionPath } from './pages.ts';
import {
  documentKey, findByAddress, findCurrentVersion, findPublishedVersion, groupVersions, listPublishedVersions, listPublishingOrganisations,
  publishedFile, relatedOrganisations, type PublicOrganisation,
} from './queries.ts';

/*
 * The public site under /openbaar (ADR 0015): server-rendered HTML without JavaScript, for residents, the press and
 * anyone without an account. It shows published document versions only, whoever asks; anything else – a draft, an
 * adopted version not yet published, another organisation's version under this address, an unknown or malformed id –
 * gets the same 404 page.
 */


/** No script, no frame, no form, nothing from elsewhere: the pages are documents. */
export const PUBLIC_CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self' data:; frame-ancestors 'none'; form-action 'none'; base-uri 'none'";

/** Pages change when something is published: a short lifetime, and an ETag so a repeat visit costs a 304. */
const PAGE_CACHE = 'public, max-age=300';
/** A published version's files never change (the database refuses it). */
const FILE_CACHE = 'public, max-age=86400';
/** The style sheet's name carries its hash: a new sheet is a new address. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

const FILES = ['document.pdf', 'document.docx', 'document.html', 'open-data.json', 'open-data.csv'] as const;


/** Sends a body with caching headers; 304 when the client has it already. */
function send(req: FastifyRequest, reply: FastifyReply, body: string | Buffer, type: string, cache = PAGE_CACHE, csp = PUBLIC_CSP) {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  reply.header('etag', etag).header('cache-control', cache).header('content-security-policy', csp).type(type);
  if (req.headers['if-none-match'] === etag) return reply.status(304).send();
  return reply.send(body);
}

/** The one 404 of the public site: the same page, whatever was asked. */
const notFound = (reply: FastifyReply) =>
  reply.status(404).header('cache-control', 'no-store').header('content-security-policy', PUBLIC_CSP).type('text/html; charset=utf-8').send(notFoundPage());

/** An organisation's design tokens as NL Design System token values, for its pages. */
export function houseStyleCss(org: PublicOrganisation): string {
  // The tokens were validated when they were written; checked again here, so nothing but a colour reaches the CSS.
  const parsed = ZPublicSiteSettings.safeParse(org.publicSite ?? {});
  const s = parsed.success ? parsed.data : {};
  const lines = [
    ...(s.primaryColor ? [`--utrecht-page-header-background-color: ${s.primaryColor};`, '--utrecht-page-header-color: #ffffff;'] : []),
    ...(s.linkColor
      ? ['link-color', 'link-hover-color', 'link-visited-color', 'link-active-color', 'breadcrumb-nav-link-color', 'breadcrumb-nav-link-hover-color', 'breadcrumb-nav-link-active-color']
        .map((t) => `--utrecht-${t}: ${s.linkColor};`)
      : []),
  ];
  return `/* Huisstijl van ${org.name.replace(/\*\//g, '')} */\n.utrecht-theme {\n${lines.map((l) => `  ${l}`).join('\n')}\n}\n`;
}

/** The address of an organisation's house-style sheet (with its hash, so a change shows at once); the meldpunt's pages use it too. */
export const styleUrl = (org: PublicOrganisation) =>
  `${BASE}/${org.address}/huisstijl.css?v=${createHash('sha256').update(houseStyleCss(org)).digest('hex').slice(0, 10)}`;

/** The registration of the public site's routes (before the web app's fallback). */
export function registerPublicSite(app: FastifyInstance, db: Db) {
  const opts = { schema: { hide: true } };
  /** Where residents reach the site: the configured public URL, else the request's host (X-Forwarded-* only from a trusted proxy). */
  const originOf = (req: FastifyRequest) => app.publicUrl ?? `${req.protocol}://${req.host}`;
  const html = 'text/html; charset=utf-8';
  const orgAt = async (address: string) => {
    const orgs = await listPublishingOrganisations(db);
    return { orgs, org: findByAddress(orgs, address) };
  };
  /** A CBS code or another form of the address leads to the one address of the organisation. */
  const canonical = (req: FastifyRequest, reply: FastifyReply, org: PublicOrganisation, address: string) => {
    if (address === org.address) return false;
    const [path, query] = req.url.split('?');
    const rest = path.slice(`${BASE}/`.length).split('/').slice(1).join('/');
    reply.redirect(`${BASE}/${org.address}${rest ? `/${rest}` : ''}${query ? `?${query}` : ''}`, 301);
    return true;
  };

  /** "/openbaar/huizen/" is "/openbaar/huizen": one address per page. */
  const trailingSlash = (req: FastifyRequest, reply: FastifyReply) => {
    const [path, query] = req.url.split('?');
    if (!path.endsWith('/')) return false;
    reply.redirect(`${path.replace(/\/+$/, '')}${query ? `?${query}` : ''}`, 301);
    return true;
  };

  app.get(BASE, opts, async (req, reply) => send(req, reply, indexPage(await listPublishingOrganisations(db)), html));

  app.get(`${BASE}/toegankelijkheid`, opts, async (req, reply) =>
    send(req, reply, accessibilityPage(await listPublishingOrganisations(db)), html));

  app.get<{ Params: { file: string } }>(`${BASE}/stijl/:file`, opts, async (req, reply) => {
    const sheet = publicStyleSheet();
    return req.params.file === sheet.name ? send(req, reply, sheet.css, 'text/css; charset=utf-8', IMMUTABLE) : notFound(reply);
  });

  app.get<{ Params: { org: string } }>(`${BASE}/:org`, opts, async (req, reply) => {
    if (trailingSlash(req, reply)) return reply;
    const { orgs, org } = await orgAt(req.params.org);
    if (!org) return notFound(reply);
    if (canonical(req, reply, org, req.params.org)) return reply;
    const versions = await listPublishedVersions(db, org.id);
    const related = (await relatedOrganisations(db, org)).map((r) => ({ name: r.name, address: orgs.find((o) => o.id === r.id)?.address }));
    return send(req, reply, organisationPage(org, groupVersions(versions), related, styleUrl(org), originOf(req)), html);
  });

  app.get<{ Params: { org: string } }>(`${BASE}/:org/huisstijl.css`, opts, async (req, reply) => {
    const { org } = await orgAt(req.params.org);
    return org ? send(req, reply, houseStyleCss(org), 'text/css; charset=utf-8') : notFound(reply);
  });

  app.get<{ Params: { org: string; version: string } }>(`${BASE}/:org/:version`, opts, async (req, reply) => {
    if (trailingSlash(req, reply)) return reply;
    const { org } = await orgAt(req.params.org);
    const version = org && await findPublishedVersion(db, org.id, req.params.version);
    // Not a version's id: the stable address of a plan (its title's slug) leads to its newest published version.
    const current = org && !version ? findCurrentVersion(await listPublishedVersions(db, org.id), req.params.version) : undefined;
    if (org && current) return reply.header('cache-control', PAGE_CACHE).redirect(versionPath(org, current), 302);
    if (!org || !version) return notFound(reply);
    if (canonical(req, reply, org, req.params.org)) return reply;
    const newest = groupVersions(await listPublishedVersions(db, org.id)).find((g) => g.latest && documentKey(g.latest) === documentKey(version))?.latest;
    // The frozen content drawn again with the adoption stamped on it: the stored files' document, in the site's classes.
    const { blocks } = await versionTree(version);
    return send(req, reply, documentPage(org, version, blocks, newest && newest.id !== version.id ? newest : undefined, styleUrl(org), originOf(req)), html);
  });

  app.get<{ Params: { org: string; version: string; file: string } }>(`${BASE}/:org/:version/:file`, opts, async (req, reply) => {
    if (trailingSlash(req, reply)) return reply;
    const file = FILES.find((f) => f === req.params.file);
    const { org } = await orgAt(req.params.org);
    const version = file && org && await findPublishedVersion(db, org.id, req.params.version);
    // Open data is there for plans and programmes; a report has its document only.
    if (!file || !org || !version || (file.startsWith('open-data') && version.document !== 'plan')) return notFound(reply);
    if (canonical(req, reply, org, req.params.org)) return reply;
    // An ASCII file name: a header cannot carry every letter a title may have.
    const name = `${fileName(version.title)}-versie-${version.number}`;
    const disposition = (kind: 'inline' | 'attachment', ext: string) => reply.header('content-disposition', `${kind}; filename="${name}.${ext}"`);
    switch (file) {
      case 'document.pdf':
        disposition('inline', 'pdf');
        return send(req, reply, await publishedFile(db, version, 'pdf'), DOCUMENT_FORMATS.pdf.type, FILE_CACHE);
      case 'document.docx':
        disposition('attachment', 'docx');
        return send(req, reply, await publishedFile(db, version, 'docx'), DOCUMENT_FORMATS.docx.type, FILE_CACHE);
      case 'document.html':
        disposition('inline', 'html');
        // The standalone document's own policy: its one style element by hash.
        return send(req, reply, version.html, DOCUMENT_FORMATS.html.type, FILE_CACHE, HTML_CSP);
      case 'open-data.json': {
        // The page's address: absolute only from the configured public URL – a request's Host header must not end up in
        // a response that shared caches keep for a day.
        const address = `${app.publicUrl ?? ''}${versionPath(org, version)}`;
        disposition('inline', 'json');
        return send(req, reply, JSON.stringify(openDataJson(org, version, address), null, 2), 'application/json; charset=utf-8', FILE_CACHE);
      }
      case 'open-data.csv':
        disposition('attachment', 'csv');
        return send(req, reply, openDataCsv(version), 'text/csv; charset=utf-8', FILE_CACHE);
    }
  });

  // Everything else under /openbaar: the public 404.
  app.get(`${BASE}/*`, opts, async (req, reply) => notFound(reply));
}
