import { describe, expect, it } from 'vitest';
import { neutraliseFormula } from '../../../electron/core/export/formula-cells';
import { owaspLeading } from './read-back';

describe('formula cells', () => {
  it.each(owaspLeading)('prefixes a cell starting with %j by an apostrophe, the text kept', (character) => {
    expect(neutraliseFormula(`${character}1+1`)).toBe(`'${character}1+1`);
    expect(neutraliseFormula(character)).toBe(`'${character}`);
  });

  it.each([
    ['full-width', '＝1+1'],
    ['full-width', '＋1'],
    ['full-width', '－1'],
    ['full-width', '＠SUM(1)'],
    ['small form', '﹦1+1'],
    ['small form', '﹢1'],
    ['small form', '﹣1'],
    ['small form', '﹫SUM(1)'],
    ['superscript', '⁼1'],
    ['subscript', '₊1'],
    ['spaces before', '  =1+1'],
    ['a no-break space before', '\u00a0=1+1'],
    ['an ideographic space before a full-width sign', '\u3000＝1+1'],
    ['a BOM before', '\ufeff@SUM(1)'],
    ['a line feed before', '\n=1+1'],
  ])('prefixes a formula behind its look-alike or whitespace: %s %j', (_, cell) => {
    expect(neutraliseFormula(cell)).toBe(`'${cell}`);
  });

  it.each(['', 'Đinh Thị Huyền', 'Đ•• T•• H••', '29A-123.45', '0011•••••485', '2026-11-23T01:00:00.000Z', 'a=b', 'x-1', ' lane 2', "'=1+1", '019b76da-a800-7010-bfcd-1a1af21f8825'])(
    'leaves %j as it is',
    (cell) => {
      expect(neutraliseFormula(cell)).toBe(cell);
    },
  );
});
