import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { enrolmentFileName, type Enrolment } from '../../electron/core/central/enrolment';
import { enrolSecret, startTestCentralApi } from '../helpers/central-api';
import { useClosing } from '../helpers/enrolled-station';
import { runStationAsync } from '../helpers/station-cli';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const closing = useClosing();

describe('station enrol', () => {
  it('reads the enrolment code from standard input, never from the command line', async () => {
    const api = closing(await startTestCentralApi(tempDir()));
    const dataDir = tempDir();
    const onArgv = await runStationAsync(['enrol', '--data', dataDir, '--api', api.url, '--secret', enrolSecret]);
    expect(onArgv).toMatchObject({ code: 2, stderr: expect.stringContaining("unknown option '--secret'") });
    const enrolled = await runStationAsync(['enrol', '--data', dataDir, '--api', api.url, '--station-id', 'CP-01-A'], `${enrolSecret}\n`);
    expect(enrolled).toMatchObject({ code: 0, stdout: `{"enrolled":true,"stationId":"CP-01-A","apiUrl":"${api.url}"}\n` });
    const empty = await runStationAsync(['enrol', '--data', tempDir(), '--api', api.url], '\n');
    expect(empty).toMatchObject({ code: 2, stderr: expect.stringContaining('the enrolment code on standard input must be 8 to 256 characters') });
  });
});

describe('enrolling again', () => {
  it('works for the station that holds the id, presenting its token; another folder claiming the id is refused', async () => {
    const api = closing(await startTestCentralApi(tempDir()));
    const dataDir = tempDir();
    const args = ['enrol', '--data', dataDir, '--api', api.url, '--station-id', 'CP-01-B'];
    expect((await runStationAsync(args, `${enrolSecret}\n`)).code).toBe(0);
    const firstToken = (JSON.parse(readFileSync(join(dataDir, enrolmentFileName), 'utf8')) as Enrolment).token;
    expect((await runStationAsync(args, `${enrolSecret}\n`)).code).toBe(0);
    const secondToken = (JSON.parse(readFileSync(join(dataDir, enrolmentFileName), 'utf8')) as Enrolment).token;
    expect(secondToken).not.toBe(firstToken);

    const impostor = await runStationAsync(['enrol', '--data', tempDir(), '--api', api.url, '--station-id', 'CP-01-B'], `${enrolSecret}\n`);
    expect(impostor.code).not.toBe(0);
    expect(impostor.stderr).toContain('station-already-enrolled');
    // The real station's token still works.
    const answer = await fetch(new URL('v1/reference/deny-list', `${api.url}/`), { headers: { authorization: `Bearer ${secondToken}` } });
    expect(answer.status).toBe(200);
  });
});
