import type { Transport } from './client';
import type { EventBus } from './event-bus';
import type { CommandRouter } from './router';

/** Serialises like a real host would, so tests catch values that cannot cross a process boundary. */
function throughJson(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

/** The in-process host of the contract, for tests: same validation, no I/O. */
export function createInMemoryTransport(router: CommandRouter, bus: EventBus): Transport {
  return {
    async invoke(command, input) {
      return throughJson(await router.dispatch(command, throughJson(input)));
    },
    subscribe(listener) {
      return bus.subscribe((event, payload) => listener(event, throughJson(payload)));
    },
  };
}
