import { describe, expect, it, vi } from 'vitest';
import { createStationClient } from '../../../shared/contract/client';
import { createEventBus } from '../../../shared/contract/event-bus';
import { createInMemoryTransport } from '../../../shared/contract/in-memory-transport';
import { CommandError, createCommandRouter } from '../../../shared/contract/router';
import type { StationStatus } from '../../../shared/contract/status';
import { allowEveryone, sampleStatus, stubHandlers } from '../../helpers/fixtures';

const status = sampleStatus();

describe('command router', () => {
  it('runs a known command and wraps its answer in an ok envelope', async () => {
    const router = createCommandRouter(stubHandlers({ getStatus: () => status }), allowEveryone());
    expect(await router.dispatch('getStatus', undefined)).toEqual({ ok: true, value: status });
  });

  it('refuses an unknown command by name, without throwing', async () => {
    const router = createCommandRouter(stubHandlers({ getStatus: () => status }), allowEveryone());
    const result = await router.dispatch('deleteEverything', {});
    expect(result).toEqual({ ok: false, error: { code: 'unknown_command', message: 'unknown command: deleteEverything' } });
    expect(await router.dispatch('__proto__', undefined)).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
    expect(await router.dispatch(42, undefined)).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
  });

  it('rejects input that does not match the command schema', async () => {
    const handler = vi.fn(() => status);
    const router = createCommandRouter(stubHandlers({ getStatus: handler }), allowEveryone());
    const result = await router.dispatch('getStatus', { evil: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('turns a handler crash into an internal error and reports it once', async () => {
    const onInternalError = vi.fn();
    const router = createCommandRouter(
      stubHandlers({
        getStatus: () => {
          throw new Error('disk on fire');
        },
      }),
      allowEveryone(onInternalError),
    );
    const result = await router.dispatch('getStatus', undefined);
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'getStatus: internal error' } });
    expect(onInternalError).toHaveBeenCalledWith('getStatus', expect.any(Error));
  });

  it('passes a CommandError through with its own code', async () => {
    const router = createCommandRouter(
      stubHandlers({
        getStatus: () => {
          throw new CommandError('unavailable', 'database is being repaired');
        },
      }),
      allowEveryone(),
    );
    expect(await router.dispatch('getStatus', undefined)).toEqual({
      ok: false,
      error: { code: 'unavailable', message: 'database is being repaired' },
    });
  });

  it('never lets an output that breaks the contract reach the client', async () => {
    const onInternalError = vi.fn();
    const broken = { ...status, lanes: 'none' } as unknown as StationStatus;
    const router = createCommandRouter(stubHandlers({ getStatus: () => broken }), allowEveryone(onInternalError));
    expect(await router.dispatch('getStatus', undefined)).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(onInternalError).toHaveBeenCalledOnce();
  });
});

describe('station client over the in-memory host', () => {
  it('invokes commands and receives events, validated on arrival', async () => {
    const bus = createEventBus(vi.fn());
    const router = createCommandRouter(stubHandlers({ getStatus: () => status }), allowEveryone());
    const client = createStationClient(createInMemoryTransport(router, bus), vi.fn());

    expect(await client.invoke('getStatus', undefined)).toEqual({ ok: true, value: status });

    const received: StationStatus[] = [];
    const unsubscribe = client.on('status', (payload) => received.push(payload));
    bus.emit('status', { ...status, connectivity: { ...status.connectivity, state: 'online', lastError: null } });
    unsubscribe();
    bus.emit('status', status);
    expect(received.map((payload) => payload.connectivity.state)).toEqual(['online']);
  });

  it('drops an event whose payload breaks the contract and says why', async () => {
    const bus = createEventBus(vi.fn());
    const onInvalid = vi.fn();
    const client = createStationClient(createInMemoryTransport(createCommandRouter(stubHandlers({ getStatus: () => status }), allowEveryone()), bus), onInvalid);
    const handler = vi.fn();
    client.on('status', handler);
    bus.emit('status', { nonsense: true } as unknown as StationStatus);
    expect(handler).not.toHaveBeenCalled();
    expect(onInvalid).toHaveBeenCalledWith(expect.stringContaining('status event'));
  });

  it('reports a transport failure as unavailable instead of throwing', async () => {
    const client = createStationClient(
      { invoke: () => Promise.reject(new Error('socket closed')), subscribe: () => () => undefined },
      vi.fn(),
    );
    expect(await client.invoke('getStatus', undefined)).toEqual({
      ok: false,
      error: { code: 'unavailable', message: 'getStatus: socket closed' },
    });
  });

  it('keeps delivering events when one listener throws', () => {
    const onListenerError = vi.fn();
    const bus = createEventBus(onListenerError);
    const second = vi.fn();
    bus.subscribe(() => {
      throw new Error('closed socket');
    });
    bus.subscribe(second);
    bus.emit('status', status);
    expect(second).toHaveBeenCalledOnce();
    expect(onListenerError).toHaveBeenCalledOnce();
  });
});
