import {
  commands,
  events,
  isEventName,
  type CommandInput,
  type CommandName,
  type CommandOutput,
  type EventName,
  type EventPayload,
} from './commands';
import { describeIssues, fail, resultSchema, type Result } from './result';

/**
 * How a client reaches the core. Implemented by the preload bridge (Electron), the WebSocket
 * bridge (browser mode) and the in-memory host (tests). Payloads are untrusted until the client
 * has validated them.
 */
export interface Transport {
  invoke(command: CommandName, input: unknown): Promise<unknown>;
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
}

export interface StationClient {
  invoke<N extends CommandName>(command: N, input: CommandInput<N>): Promise<Result<CommandOutput<N>>>;
  on<E extends EventName>(event: E, handler: (payload: EventPayload<E>) => void): () => void;
}

export function createStationClient(
  transport: Transport,
  onInvalidMessage: (description: string) => void,
): StationClient {
  return {
    async invoke(command, input) {
      let raw: unknown;
      try {
        raw = await transport.invoke(command, input);
      } catch (error) {
        return fail('unavailable', `${command}: ${error instanceof Error ? error.message : String(error)}`);
      }
      const parsed = resultSchema(commands[command].output).safeParse(raw);
      if (!parsed.success) {
        onInvalidMessage(`${command} result: ${describeIssues(parsed.error)}`);
        return fail('internal', `${command}: invalid answer from the station core`);
      }
      return parsed.data as Result<CommandOutput<typeof command>>;
    },
    on(event, handler) {
      return transport.subscribe((name, payload) => {
        if (name !== event || !isEventName(name)) return;
        const parsed = events[event].safeParse(payload);
        if (parsed.success) handler(parsed.data as EventPayload<typeof event>);
        else onInvalidMessage(`${event} event: ${describeIssues(parsed.error)}`);
      });
    },
  };
}
