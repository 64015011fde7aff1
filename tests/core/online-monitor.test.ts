import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../electron/core/central/api-client';
import { createOnlineMonitor } from '../../electron/core/connectivity/online-monitor';
import { startHealthServer } from '../helpers/health-server';

/** The probe the station gives the monitor: its own API client's health call. */
const probeOf = (apiUrl: string) => (timeoutMs: number) => createApiClient({ baseUrl: apiUrl, token: null }).health(timeoutMs);

describe('online monitor', () => {
  it('is "unconfigured" and never probes when no API URL is set', async () => {
    const onChange = vi.fn();
    const monitor = createOnlineMonitor({ apiUrl: null, probe: () => Promise.reject(new Error('never probed')), intervalMs: 10, timeoutMs: 100, onChange });
    expect((await monitor.check()).state).toBe('unconfigured');
    expect(onChange).not.toHaveBeenCalled();
  });

  it('goes online, offline on a server error, offline when the server is gone, and says why', async () => {
    const api = await startHealthServer();
    const onChange = vi.fn();
    const monitor = createOnlineMonitor({ apiUrl: api.url, probe: probeOf(api.url), intervalMs: 60_000, timeoutMs: 1000, onChange });
    expect(monitor.current().state).toBe('offline');

    expect(await monitor.check()).toMatchObject({ state: 'online', lastError: null });
    api.setStatus(503);
    expect(await monitor.check()).toMatchObject({ state: 'offline', lastError: 'HTTP 503' });
    await api.close();
    // Refused outright, or the pooled keep-alive socket found closed: both mean the server is gone.
    expect(await monitor.check()).toMatchObject({ state: 'offline', lastError: expect.stringMatching(/^(ECONNREFUSED|ECONNRESET|UND_ERR_SOCKET)$/) });
    expect(onChange.mock.calls.map(([connectivity]) => connectivity.state)).toEqual(['online', 'offline', 'offline']);
  });

  it('reports only changes, not every probe', async () => {
    const api = await startHealthServer();
    const onChange = vi.fn();
    const monitor = createOnlineMonitor({ apiUrl: `${api.url}/`, probe: probeOf(`${api.url}/`), intervalMs: 60_000, timeoutMs: 1000, onChange });
    await monitor.check();
    await monitor.check();
    await monitor.check();
    expect(onChange).toHaveBeenCalledOnce();
    await api.close();
  });

  it('treats a server that never answers as offline after the timeout', async () => {
    const api = await startHealthServer();
    api.server.removeAllListeners('request'); // accept connections, never respond
    const monitor = createOnlineMonitor({ apiUrl: api.url, probe: probeOf(api.url), intervalMs: 60_000, timeoutMs: 200, onChange: vi.fn() });
    expect(await monitor.check()).toMatchObject({ state: 'offline', lastError: 'timeout' });
    await api.close();
  });
});
