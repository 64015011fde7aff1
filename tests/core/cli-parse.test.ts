import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyIdOf } from '../../electron/core/dcc/trust-list';
import { loadDatabaseKey } from '../../electron/core/db/database-key';
import { openTrustListCache, TRUST_LIST_FILE, trustListMacKey } from '../../electron/core/dcc/trust-list-cache';
import { makeDcc, makeSigner } from '../helpers/dcc-fixtures';
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

const folder = mkdtempSync(join(tmpdir(), 'parse-dcc-'));
const signer = await makeSigner();
const other = await makeSigner({ algorithm: 'PS256' });
const bundle = join(folder, 'signers.pem');
writeFileSync(bundle, `${other.pem}\n${signer.pem}`);

describe('station parse, vaccine passports', () => {
  const code = makeDcc(signer, { issuedAt: new Date('2022-05-01T00:00:00Z'), expiresAt: new Date('2023-05-01T00:00:00Z') });
  const signerValidAt = new Date(Date.now() + 60_000).toISOString();

  it('verifies against --trust-list at --now, and prints only the summary', () => {
    const inside = runStation(['parse', '--trust-list', bundle, '--now', '2022-06-01T00:00:00Z', code]);
    expect(JSON.parse(inside.stdout)).toMatchObject({ kind: 'eu-dcc', problems: expect.arrayContaining([expect.objectContaining({ code: 'dcc.signer-not-valid' })]) });
    const now = runStation(['parse', '--locale', 'en', '--trust-list', bundle, '--now', signerValidAt, code]);
    expect(now.code).toBe(1);
    expect(JSON.parse(now.stdout).problems).toEqual([expect.objectContaining({ code: 'dcc.expired', message: 'The vaccine passport expired on 01/05/2023.' })]);
    const fresh = runStation(['parse', '--trust-list', bundle, makeDcc(signer)]);
    expect(fresh.code).toBe(0);
    expect(JSON.parse(fresh.stdout)).toMatchObject({ kind: 'eu-dcc', valid: true, fields: { fullName: 'Nguyễn Thị Lan', certificate: { type: 'vaccination', dose: 2 } } });
    expect(fresh.stdout).not.toContain('UVCI');
  });

  it('uses the station’s cached trust list without --trust-list, and knows no signer without one', async () => {
    const data = mkdtempSync(join(tmpdir(), 'parse-dcc-data-'));
    expect(JSON.parse(runStation(['parse', '--data', data, makeDcc(signer)]).stdout).problems[0].code).toBe('dcc.unknown-signer');
    const key = await loadDatabaseKey({ dataDir: data, environmentKey: undefined });
    await openTrustListCache(data, 60_000, trustListMacKey(key)).store({ version: 'v1', signers: [{ kid: keyIdOf(signer.certificate.raw), country: 'VN', certificate: signer.certificate.raw.toString('base64') }] }, null, new Date());
    expect(runStation(['parse', '--data', data, makeDcc(signer)]).code).toBe(0);
    writeFileSync(join(data, TRUST_LIST_FILE), '{"damaged');
    const damaged = runStation(['parse', '--data', data, makeDcc(signer)]);
    expect(JSON.parse(damaged.stdout).problems[0].code).toBe('dcc.unknown-signer');
    expect(damaged.stderr).toMatch(/damaged or altered: no signer is trusted/);
  });

  it('is a usage error for a bad --now or an unreadable or non-PEM --trust-list', () => {
    writeFileSync(join(folder, 'not.pem'), 'hello');
    for (const args of [['--now', 'tomorrow'], ['--now', '2022-06-01'], ['--trust-list', join(folder, 'missing.pem')], ['--trust-list', join(folder, 'not.pem')]]) {
      const result = runStation(['parse', ...args, code]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/parse: /);
    }
  });
});
