import { describe, expect, it } from 'vitest';
import { runStation } from '../helpers/station-cli';

const card2021 = '001158024485|110419092|Đinh Thị Huyền|08101958|Nữ|Khánh Vân, Khánh Hà, Thường Tín, Hà Nội|24042021';

describe('station parse', () => {
  it('prints one JSON object for a valid card and exits 0', () => {
    const { code, stdout } = runStation(['parse', card2021]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ kind: 'chip-card', valid: true, problems: [], fields: { idNumber: '001158024485', fullName: 'Đinh Thị Huyền', sex: 'female' } });
    expect(Object.keys(result)).toEqual(['kind', 'valid', 'fields', 'problems']);
  });

  it('reads standard input when no payload is given, with a 2024 card and its trailing newline', () => {
    const { code, stdout } = runStation(['parse'], `${card2021}||||\r\n`);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ kind: 'can-cuoc-card', valid: true });
  });

  it('exits 1 for an invalid code, with problems in the chosen language', () => {
    const { code, stdout } = runStation(['parse', '--locale', 'en', '001158024485|110419092|Đinh Thị Huyền|31021958|Nữ|Hà Nội|24042021']);
    expect(code).toBe(1);
    const result = JSON.parse(stdout);
    expect(result.valid).toBe(false);
    expect(result.problems).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'date.invalid', severity: 'error', message: expect.stringMatching(/[a-z]/) })]));
  });

  it('treats hostile input as data: binary bytes and an oversize payload give a problem, never a stack trace', () => {
    const binary = runStation(['parse'], '\u0000\u0001\u00ff|'.repeat(100));
    expect(binary.code).toBe(1);
    expect(JSON.parse(binary.stdout).problems[0].code).toBe('input.control-characters');
    const huge = runStation(['parse'], 'A|'.repeat(5000));
    expect(huge.code).toBe(1);
    expect(JSON.parse(huge.stdout).problems[0].code).toBe('input.too-large');
    expect(binary.stderr + huge.stderr).toBe('');
  });

  it('is a usage error (exit 2) with an unknown option', () => {
    expect(runStation(['parse', '--locale', 'fr', card2021]).code).toBe(2);
  });
});
