import { describe, expect, it } from 'vitest';
import { contrastRatio, publicAddresses, slugify, ZPublicSiteSettings } from '../../src/domain/public-site.ts';

describe('contrastRatio (WCAG 2.1)', () => {
  it('is 21:1 for black on white and 1:1 for a colour on itself, in either order', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#24578f', '#24578F')).toBe(1);
  });
  it('matches the published values of common colours', () => {
    // WebAIM's contrast checker: #767676 on white is the lightest grey that passes (4.54:1), #777777 fails (4.48:1).
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#0000ff', '#ffffff')).toBeCloseTo(8.59, 2);
  });
});

describe('ZPublicSiteSettings: the design tokens an organisation may choose', () => {
  const errors = (input: unknown) => {
    const r = ZPublicSiteSettings.safeParse(input);
    return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
  };

  it('takes colours that reach 4.5:1 against white, a header name and a contact address; everything is optional', () => {
    expect(errors({ primaryColor: '#1A5A8C', linkColor: '#767676', headerName: 'Gemeente Huizen', contactEmail: 'webredactie@huizen.nl' })).toEqual({});
    expect(errors({})).toEqual({});
    expect(errors({ primaryColor: null, linkColor: null })).toEqual({});
  });

  it('refuses a colour that is not a six-digit hex code, per field, in Dutch', () => {
    for (const bad of ['blue', '#12345', '#1234567', 'rgb(0,0,0)', '#GGGGGG', '1A5A8C']) {
      expect(errors({ linkColor: bad }).linkColor, bad).toMatch(/kleurcode als #1A5A8C/);
    }
  });

  it('refuses colours with too little contrast against white, naming the ratio and the rule', () => {
    const found = errors({ primaryColor: '#ffcc00', linkColor: '#777777' });
    expect(found.primaryColor).toBe('De huisstijlkleur heeft te weinig contrast met wit (1,51:1, nodig is 4,5:1 voor WCAG AA). Kies een donkerdere kleur.');
    // Just under the line: rounded down, so it never reads as 4,50.
    expect(found.linkColor).toMatch(/^De linkkleur heeft te weinig contrast met wit \(4,47:1/);
    expect(errors({ linkColor: '#767676' })).toEqual({});
  });

  it('refuses a bad e-mail address and a header name that is too long', () => {
    expect(errors({ contactEmail: 'geen adres' }).contactEmail).toBe('Ongeldig e-mailadres');
    expect(errors({ headerName: 'x'.repeat(81) }).headerName).toBe('Maximaal 80 tekens');
  });
});

describe('public addresses of organisations', () => {
  const org = (id: string, name: string, cbsCode: string | null = null) => ({ id, name, cbsCode });

  it('are the slug of the name', () => {
    expect(slugify('Utrechtse Heuvelrug')).toBe('utrechtse-heuvelrug');
    expect(slugify('Súdwest-Fryslân')).toBe('sudwest-fryslan');
    expect(slugify("'s-Hertogenbosch")).toBe('s-hertogenbosch');
    const map = publicAddresses([org('a', 'Huizen', 'GM0406'), org('b', 'Basisteam Heuvelrug')]);
    expect([...map.keys()]).toEqual(['huizen', 'basisteam-heuvelrug']);
  });

  it('stay unique when names collide, and never take an address of the site itself', () => {
    const map = publicAddresses([
      org('11111111-aaaa', 'Bergen', 'GM0373'), org('22222222-bbbb', 'Bergen', 'GM0893'),
      org('33333333-cccc', 'Toegankelijkheid'),
    ]);
    expect([...map.keys()].sort()).toEqual(['bergen-gm0373', 'bergen-gm0893', 'toegankelijkheid-33333333']);
  });
});
