import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/server/core/csv.ts';

const cells = (csv: string) => parse(csv, { bom: true, delimiter: ';' });

describe('toCsv', () => {
  it('writes UTF-8 with a BOM, semicolons, every value quoted and CRLF', () => {
    const csv = toCsv(['a', 'b'], [['x;y', 'met "aanhalingstekens"'], [null, undefined]]);
    expect(csv).toBe('\uFEFFa;b\r\n"x;y";"met ""aanhalingstekens"""\r\n"";""\r\n');
  });

  it('neutralises text a spreadsheet would run as a formula: =, +, -, @, tab or carriage return first (OWASP)', () => {
    const texts = ['=HYPERLINK("http://evil.invalid","x")', "+cmd|' /C calc'!A0", '-2+3', '@SUM(1)', '\t=1', '\r=1'];
    const [, row] = cells(toCsv(texts.map((_, n) => `k${n}`), [texts]));
    expect(row).toEqual(texts.map((t) => `'${t}`));
  });

  it('leaves other text alone, and a number as a number, also a negative one', () => {
    const [, row] = cells(toCsv(['a', 'b', 'c', 'd', 'e', 'f'], [['Gewone tekst', ' =spatie eerst', 'a=b', -12, 3.5, "'al een apostrof"]]));
    expect(row).toEqual(['Gewone tekst', ' =spatie eerst', 'a=b', '-12', '3.5', "'al een apostrof"]);
  });
});
