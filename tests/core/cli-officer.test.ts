import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { closeDatabase, openDatabase } from '../../electron/core/db/open-database';
import { loadHeadlessDatabaseKey } from '../../electron/core/cli/common-options';
import { createOfficerSessions } from '../../electron/core/officers/officer-sessions';
import { runStation, startStationServe } from '../helpers/station-cli';
import { useTempDirs } from '../helpers/temp-dir';
import { nodeDatabaseDriver } from '../../electron/core/node-platform';

const tempDir = useTempDirs();

describe('station officer add', () => {
  it('adds an officer with the PIN from standard input, who can then sign in; refuses a bad PIN, a bad id and a taken id', async () => {
    const dataDir = tempDir();
    const added = runStation(['officer', 'add', 'CB-0042', '--name', 'Trần Văn Bình', '--data', dataDir], '482916\n');
    expect(added).toMatchObject({ code: 0, stdout: '{"added":true,"officerId":"CB-0042","role":"officer"}\n' });

    const badPin = runStation(['officer', 'add', 'CB-0043', '--name', 'Lê Thị Hoa', '--data', dataDir], '12ab\n');
    expect(badPin.code).toBe(2);
    expect(badPin.stderr).toMatch(/^station: the PIN on standard input must be 4 to 8 digits$/m);
    expect(runStation(['officer', 'add', 'x', '--name', 'Lê Thị Hoa', '--data', dataDir], '1234\n').code).toBe(2);
    const taken = runStation(['officer', 'add', 'CB-0042', '--name', 'Someone', '--data', dataDir], '1234\n');
    expect(taken).toMatchObject({ code: 2, stderr: 'station: officer CB-0042 exists already\n' });

    const database = openDatabase(join(dataDir, 'station.db'), { driver: nodeDatabaseDriver, key: await loadHeadlessDatabaseKey(dataDir) });
    const sessions = createOfficerSessions(database.db, { onChange: () => undefined });
    expect(sessions.signIn('CB-0042', '482916')).toMatchObject({ name: 'Trần Văn Bình' });
    expect(() => sessions.signIn('CB-0043', '1234')).toThrow(/sign-in refused/);
    closeDatabase(database);
  });
});

describe('station serve --demo-officer', () => {
  it('starts with the demo officer signed in', async () => {
    const served = await startStationServe(['--data', tempDir(), '--demo-officer']);
    const token = new URL(served.url).hash.replace('#token=', '');
    const socket = new WebSocket(`ws://127.0.0.1:${new URL(served.origin).port}/bridge?token=${token}`, { origin: served.origin });
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const answer = new Promise<{ value: { officer: unknown } }>((resolve) =>
      socket.on('message', (data) => {
        const message = JSON.parse(String(data)) as { type: string; id?: number; result?: { value: { officer: unknown } } };
        if (message.id === 1 && message.result) resolve(message.result);
      }),
    );
    socket.send(JSON.stringify({ type: 'invoke', id: 1, command: 'getStatus' }));
    expect((await answer).value.officer).toMatchObject({ officerId: 'demo', name: 'Cán bộ trực' });
    socket.close();
    await served.stop();
  });
});
