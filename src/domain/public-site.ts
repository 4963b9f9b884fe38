import { z } from 'zod';

/*
 * The public site's rules that are not about the database: an organisation's design tokens (house colours, the name in
 * the header, the contact address of the accessibility statement) with the WCAG contrast they must keep, and the
 * public address of an organisation (ADR 0015).
 */

/** WCAG 2.1 AA: normal text (and links) needs a contrast ratio of at least 4.5:1 with its background. */
export const MIN_TEXT_CONTRAST = 4.5;

const HEX = /^#[0-9a-fA-F]{6}$/;
const ZHexColor = z.string().trim().regex(HEX, { message: 'Gebruik een kleurcode als #1A5A8C (# en zes tekens 0-9 of A-F)' });

/** The relative luminance of an sRGB colour "#rrggbb" (WCAG 2.1, definition "relative luminance"). */
export function relativeLuminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** The contrast ratio of two colours, from 1 (none) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** "4,48" – the ratio as the message says it, rounded down so a refused colour never reads as 4,50. */
const formatRatio = (r: number) => (Math.floor(r * 100) / 100).toFixed(2).replace('.', ',');

/**
 * An organisation's design tokens for the public site. Every field is optional: without them the site uses the NL
 * Design System defaults and the organisation's name. Both colours are drawn on white (the link) or carry white text
 * (the header), so each must reach 4.5:1 against white.
 */
export const ZPublicSiteSettings = z.object({
  /** The header's background, with white text on it. */
  primaryColor: ZHexColor.nullable().optional(),
  /** Links on the white page. */
  linkColor: ZHexColor.nullable().optional(),
  /** The name in the header ("Gemeente Huizen"); the organisation's name when empty. */
  headerName: z.string().trim().max(80, { message: 'Maximaal 80 tekens' })
    .refine((s) => !s.includes('\u0000'), { message: 'Ongeldig teken' }).nullable().optional(),
  /** Where readers report an accessibility problem (the accessibility statement names it). */
  contactEmail: z.email({ message: 'Ongeldig e-mailadres' }).max(254).nullable().optional(),
}).superRefine((s, ctx) => {
  const check = (field: 'primaryColor' | 'linkColor', what: string) => {
    const colour = s[field];
    if (!colour || !HEX.test(colour)) return;
    const ratio = contrastRatio(colour, '#ffffff');
    if (ratio < MIN_TEXT_CONTRAST) {
      ctx.addIssue({
        code: 'custom', path: [field],
        message: `${what} heeft te weinig contrast met wit (${formatRatio(ratio)}:1, nodig is 4,5:1 voor WCAG AA). Kies een donkerdere kleur.`,
      });
    }
  };
  check('primaryColor', 'De huisstijlkleur');
  check('linkColor', 'De linkkleur');
});
export type TPublicSiteSettings = z.infer<typeof ZPublicSiteSettings>;

/** Text as a lower-case ASCII address or file name part: "Utrechtse Heuvelrug" → "utrechtse-heuvelrug", "Súdwest-Fryslân" → "sudwest-fryslan". */
export function slugify(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();
}

/** Address parts the public site uses itself, never an organisation's. */
export const RESERVED_ADDRESSES = ['toegankelijkheid', 'stijl'] as const;

/**
 * The public addresses of organisations: the slug of their name, unless two share it (then the CBS code, or for a
 * collaboration the start of its id, is added) or it is reserved. Deterministic for the same set of organisations.
 */
export function publicAddresses<T extends { id: string; name: string; cbsCode: string | null }>(orgs: readonly T[]): Map<string, T> {
  const bySlug = new Map<string, T[]>();
  for (const o of orgs) {
    const s = slugify(o.name) || 'organisatie';
    bySlug.set(s, [...(bySlug.get(s) ?? []), o]);
  }
  const addresses = new Map<string, T>();
  for (const [s, group] of bySlug) {
    const isUnique = group.length === 1 && !(RESERVED_ADDRESSES as readonly string[]).includes(s);
    for (const o of group) addresses.set(isUnique ? s : `${s}-${(o.cbsCode ?? o.id.slice(0, 8)).toLowerCase()}`, o);
  }
  return addresses;
}
