import type { CommandHandlers, RouterOptions } from '../../shared/contract/router';
import type { StationStatus } from '../../shared/contract/status';
import type { Passage, PassageDraft } from '../../shared/records/passage';
import type { SettingsView } from '../../shared/config/station-settings';
import type { DatabaseKey } from '../../electron/core/db/database-key';

export const testKey = 'a1'.repeat(32) as DatabaseKey;
export const otherKey = 'b2'.repeat(32) as DatabaseKey;

export function sampleStatus(overrides: Partial<StationStatus> = {}): StationStatus {
  return {
    appVersion: '0.1.0',
    host: 'headless',
    startedAt: '2026-11-23T00:00:00.000Z',
    checkpoint: { id: 'CP-01', name: 'Chốt Pháp Vân', direction: 'entry' },
    lanes: [
      { id: 'lane-1', name: 'Làn 1', source: 'webcam:default', state: 'external', phase: null, fpsIn: 0, fpsDecoded: 0, drops: 0, lastCodeAt: null, lastError: null, restarts: 0 },
    ],
    database: { path: '/tmp/station.db', schemaVersion: 5 },
    storage: { state: 'ok', lastError: null, unsyncedCount: 0, alerts: [] },
    sync: {
      state: 'not-enrolled',
      pending: 0,
      deadLetters: 0,
      retroAlerts: 0,
      lastSuccessAt: null,
      lastError: null,
      nextAttemptAt: null,
      clockOffsetMs: null,
      clockWarning: false,
    },
    reference: { rulesVersion: 'default-4', dccRulesVersion: 'none', denyListVersion: null, fetchedAt: null, stale: true, dccTrustList: { version: null, signers: 0, fetchedAt: null, stale: true, damaged: false } },
    connectivity: { state: 'offline', apiUrl: 'http://127.0.0.1:1', checkedAt: null, lastError: 'ECONNREFUSED' },
    verification: { lastRefusal: null },
    officer: null,
    setupRequired: false,
    ...overrides,
  };
}

/** A router for stub handlers that lets every command through (as a supervisor): the tests of roles use the station's own. */
export function allowEveryone(onInternalError: RouterOptions['onInternalError'] = () => undefined): RouterOptions {
  return { principal: () => 'supervisor', onInternalError };
}

/** Handlers for every command; a test overrides the ones it exercises. */
export function stubHandlers(overrides: Partial<CommandHandlers> = {}): CommandHandlers {
  return {
    getStatus: () => sampleStatus(),
    classifyCode: () => ({ kind: 'unknown', valid: false, fields: {}, problems: [] }),
    submitScan: ({ laneId }) => ({
      laneId,
      scannedAt: '2026-11-23T00:00:00.000Z',
      codeKind: 'unknown',
      verdict: 'invalid',
      reasons: [],
      verification: 'offline',
      person: null,
      vneidChecks: null,
      passageId: null,
      recordError: null,
    }),
    searchPassages: () => [],
    countPassagesPerHour: () => [],
    exportPassages: () => ({ path: '/tmp/x.csv', rows: 0 }),
    reportDecodedCode: () => ({ duplicate: false }),
    signIn: ({ officerId }) => ({ officerId, name: 'Cán bộ trực', role: 'officer', signedInAt: '2026-11-23T00:00:00.000Z' }),
    listOfficers: () => [],
    addOfficer: ({ id, name, role }) => ({ id, name, role, disabled: false, lockedUntil: null, createdAt: '2026-11-23T00:00:00.000Z' }),
    updateOfficer: ({ id, role, disabled }) => ({ id, name: 'Cán bộ trực', role: role ?? 'officer', disabled: disabled ?? false, lockedUntil: null, createdAt: '2026-11-23T00:00:00.000Z' }),
    resetOfficerPin: ({ id }) => ({ id, name: 'Cán bộ trực', role: 'officer', disabled: false, lockedUntil: null, createdAt: '2026-11-23T00:00:00.000Z' }),
    createFirstSupervisor: ({ id, name }) => ({ officerId: id, name, role: 'supervisor', signedInAt: '2026-11-23T00:00:00.000Z' }),
    reportLaneHealth: () => ({ accepted: true }),
    signOut: () => ({ signedOut: true }),
    getPassage: ({ id }) => samplePassage({ id }),
    overrideVerdict: ({ passageId, verdict, reason }) =>
      samplePassage({ id: passageId, override: { verdict, reason, officerId: 'CB-0042', at: '2026-11-23T00:05:00.000Z' }, revision: 1 }),
    annotatePassage: ({ passageId, plate, note }) => samplePassage({ id: passageId, plate, note, revision: 1 }),
    acknowledgeAlert: ({ passageId }) => samplePassage({ id: passageId }),
    submitDeclaration: () => ({ accepted: false, problems: [] }),
    shiftSummary: ({ from, to }) => ({
      from,
      to,
      byVerdict: { pass: 0, check: 0, deny: 0, invalid: 0 },
      overrides: 0,
      offlineVerdicts: 0,
      perHour: [],
      offlineMs: 0,
      pending: 0,
      deadLetters: 0,
    }),
    exportShiftReport: () => ({ path: '/tmp/shift.pdf' }),
    exportSupportBundle: () => ({ path: '/tmp/support.tar.gz' }),
    getSettings: () => sampleSettingsView(),
    saveSettings: (settings) => sampleSettingsView({ settings }),
    enrol: ({ apiUrl }) => sampleSettingsView({ enrolment: { stationId: 'CP-01-test', apiUrl }, restartRequired: true }),
    ...overrides,
  };
}

export function sampleSettingsView(overrides: Partial<SettingsView> = {}): SettingsView {
  return {
    settings: {
      checkpoint: { id: 'CP-01', name: 'Chốt Pháp Vân', direction: 'entry' },
      lanes: [{ id: 'lane-1', name: 'Làn 1', source: 'webcam:default' }],
      apiUrl: null,
      dedupeWindowMs: 5000,
      retentionDays: 21,
    },
    configPath: '/tmp/config.json',
    enrolment: null,
    restartRequired: false,
    ...overrides,
  };
}

/** A stored passage, as getPassage and the history answer it. */
export function samplePassage(overrides: Partial<Passage> = {}): Passage {
  return {
    ...samplePassageDraft(),
    id: '01937a4e-0000-7000-8000-000000000001',
    sequence: 1,
    checkpointId: 'CP-01',
    direction: 'entry',
    scannedAt: '2026-11-23T00:00:00.000Z',
    serverTime: null,
    syncState: 'pending',
    syncAttempts: 0,
    lastSyncError: null,
    override: null,
    revision: 0,
    alert: null,
    ...overrides,
  };
}

export function samplePassageDraft(overrides: Partial<PassageDraft> = {}): PassageDraft {
  return {
    laneId: 'lane-1',
    codeKind: 'chip-card',
    identity: { idNumber: '001158024485', fullName: 'Đinh Thị Huyền', birthDate: '1958-10-08', sex: 'female' },
    rawPayload: '001158024485|110419092|Đinh Thị Huyền|08101958|Nữ|Khánh Vân, Khánh Hà, Thường Tín, Hà Nội|24042021',
    vneidToken: null,
    verdict: 'pass',
    reasons: [],
    verification: 'offline',
    officerId: 'CB-0042',
    plate: null,
    note: null,
    ...overrides,
  };
}
