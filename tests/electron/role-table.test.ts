import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandAccess, mayRun, type Principal } from '../../shared/contract/access';
import { commandNames, type CommandName } from '../../shared/contract/command-names';
import { createInMemoryTransport } from '../../shared/contract/in-memory-transport';
import { ipcChannels } from '../../shared/contract/preload-api';
import { stationConfigSchema } from '../../shared/config/station-config';
import { startBridgeServer, type BridgeServer } from '../../electron/core/bridge/bridge-server';
import { closeDatabase, openDatabase } from '../../electron/core/db/open-database';
import { createOfficerStore } from '../../electron/core/officers/officer-store';
import { createStation, type Station } from '../../electron/core/station';
import { registerIpcHost, type InvokeEvent } from '../../electron/main/ipc-host';
import { appEntryUrl } from '../../electron/main/security-policy';
import { connectBridge, type BridgeClient } from '../helpers/bridge-client';
import { testKey } from '../helpers/fixtures';
import { createMemoryLogger } from '../helpers/memory-logger';
import { nodeDatabaseDriver } from '../../electron/core/node-platform';

// The role table, walked command by command over every host the renderer can reach the core by:
// the Electron IPC host, the browser-mode bridge and the in-memory host. A command a principal may
// not run is refused before its input is read; one it may run gets anything but that refusal.

// One station for the whole file: its folder outlives each test.
const folder = mkdtempSync(join(tmpdir(), 'station-roles-'));
const pins = { officer: '482916', supervisor: '735182' } as const;
let station: Station;
let bridge: BridgeServer;
let bridgeClient: BridgeClient;
let ipcInvoke: (command: string, input: unknown) => Promise<unknown>;

beforeAll(async () => {
  const dataDir = join(folder, 'data');
  const database = openDatabase(join(dataDir, 'station.db'), { driver: nodeDatabaseDriver, key: testKey });
  const officers = createOfficerStore(database.db);
  officers.add({ id: 'CB-0042', name: 'Trần Văn Bình', pin: pins.officer, role: 'officer' }, new Date());
  officers.add({ id: 'SV-01', name: 'Nguyễn Thị Lan', pin: pins.supervisor, role: 'supervisor' }, new Date());
  closeDatabase(database);
  station = createStation({ databaseDriver: nodeDatabaseDriver, config: stationConfigSchema.parse({}), dataDir, host: 'browser', logger: createMemoryLogger().logger, databaseKey: testKey, enrolment: null });

  const staticDir = join(folder, 'static');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>station</title>');
  bridge = await startBridgeServer({ router: station.router, events: station.events, staticDir, logger: createMemoryLogger().logger });
  bridgeClient = await connectBridge(bridge);

  let handler: ((event: InvokeEvent, ...args: unknown[]) => unknown) | undefined;
  registerIpcHost({ handle: (channel, listener) => void (channel === ipcChannels.invoke && (handler = listener as typeof handler)), removeHandler: () => undefined }, station.router, station.events, {
    isDestroyed: () => false,
    webContents: { send: () => undefined },
  });
  const ownPage = { senderFrame: { url: appEntryUrl, parent: null } } as unknown as InvokeEvent;
  ipcInvoke = async (command, input) => handler!(ownPage, command, input);
});
afterAll(async () => {
  bridgeClient.close();
  await bridge.close();
  await station.close();
  rmSync(folder, { recursive: true, force: true });
});

/** Puts `principal` on shift (signing in with the PIN, as the screen does) unless it already is. */
function become(principal: Principal): void {
  const current = station.officers.current()?.role ?? 'nobody';
  if (current === principal) return;
  station.officers.signOut();
  if (principal === 'officer') station.officers.signIn('CB-0042', pins.officer);
  if (principal === 'supervisor') station.officers.signIn('SV-01', pins.supervisor);
}

const hosts: [string, (command: CommandName) => Promise<unknown>][] = [
  ['the IPC host', (command) => ipcInvoke(command, undefined)],
  ['the bridge', (command) => bridgeClient.invoke(command, undefined)],
  ['the in-memory host', (command) => createInMemoryTransport(station.router, station.events).invoke(command, undefined)],
];

/** What each principal may run, written out here (not read from the table), so a change to the table shows. */
const nobodyMay = ['getStatus', 'submitScan', 'reportDecodedCode', 'reportLaneHealth', 'signIn', 'signOut', 'createFirstSupervisor'];
const supervisorOnly = ['getSettings', 'saveSettings', 'enrol', 'listOfficers', 'addOfficer', 'updateOfficer', 'resetOfficerPin', 'exportSupportBundle'];
const expectedAllowed: Record<Principal, string[]> = {
  nobody: nobodyMay,
  officer: commandNames.filter((command) => !supervisorOnly.includes(command)),
  supervisor: [...commandNames],
};

describe('who may run each command', () => {
  it('names every command of the contract, and nothing else', () => {
    expect(Object.keys(commandAccess).sort()).toEqual([...commandNames].sort());
    for (const principal of ['nobody', 'officer', 'supervisor'] as const) {
      expect(commandNames.filter((command) => mayRun(principal, commandAccess[command])).sort()).toEqual([...expectedAllowed[principal]].sort());
    }
  });

  describe.each(hosts)('over %s', (_, invoke) => {
    it.each(['nobody', 'officer', 'supervisor'] as const)('as %s', async (principal) => {
      const refused: string[] = [];
      const allowed: string[] = [];
      for (const command of commandNames) {
        become(principal);
        const answer = (await invoke(command)) as { ok: boolean; error?: { code: string; reason?: string } };
        const roleRefusal = answer.ok === false && answer.error?.code === 'unauthorized' && answer.error.reason?.startsWith('role.') === true;
        (roleRefusal ? refused : allowed).push(command);
      }
      expect(allowed.sort()).toEqual([...expectedAllowed[principal]].sort());
      expect(refused.sort()).toEqual(commandNames.filter((command) => !expectedAllowed[principal].includes(command)).sort());
    });
  });

  it('a refusal says which role it takes, for the screen to translate', async () => {
    become('officer');
    expect(await bridgeClient.invoke('saveSettings', {})).toEqual({
      ok: false,
      error: { code: 'unauthorized', message: 'saveSettings: only a supervisor may do this', reason: 'role.supervisor-required' },
    });
    become('nobody');
    expect(await bridgeClient.invoke('searchPassages', {})).toMatchObject({ ok: false, error: { reason: 'role.officer-required' } });
  });
});
