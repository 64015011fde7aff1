import {
  commands,
  isCommandName,
  type CommandName,
  type CommandOutput,
  type Commands,
} from './commands';
import { commandAccess, mayRun, type Principal } from './access';
import { describeIssues, fail, ok, type ErrorCode, type Result } from './result';
import type { z } from 'zod';

/** Thrown by a handler for an expected failure the caller should see with its own code (and the domain's reason). */
export class CommandError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly reason?: string,
  ) {
    super(message);
    this.name = 'CommandError';
  }
}

export type CommandHandlers = {
  [N in CommandName]: (
    input: z.output<Commands[N]['input']>,
  ) => Promise<CommandOutput<N>> | CommandOutput<N>;
};

export interface CommandRouter {
  /** Validates the name and input, runs the handler, validates its output. Never throws. */
  dispatch(name: unknown, input: unknown): Promise<Result<unknown>>;
}

export interface RouterOptions {
  /** Who is asking, at the moment the command arrives (the core's session; never the input). */
  principal(): Principal;
  onInternalError(command: CommandName, error: unknown): void;
}

export function createCommandRouter(handlers: CommandHandlers, options: RouterOptions): CommandRouter {
  return {
    async dispatch(name, input) {
      if (!isCommandName(name)) return fail('unknown_command', `unknown command: ${String(name)}`);
      // Before the input is even read: a caller who may not run it learns nothing from its validation.
      const access = commandAccess[name];
      if (!mayRun(options.principal(), access)) return fail('unauthorized', `${name}: only ${access === 'officer' ? 'a signed-in officer' : 'a supervisor'} may do this`, `role.${access}-required`);
      const definition = commands[name];
      const parsedInput = definition.input.safeParse(input);
      if (!parsedInput.success) {
        return fail('invalid_input', `${name}: ${describeIssues(parsedInput.error)}`);
      }
      try {
        const handler = handlers[name] as (input: unknown) => unknown;
        const output = definition.output.safeParse(await handler(parsedInput.data));
        if (!output.success) {
          options.onInternalError(name, output.error);
          return fail('internal', `${name}: the station produced an invalid answer`);
        }
        return ok(output.data);
      } catch (error) {
        if (error instanceof CommandError) return fail(error.code, error.message, error.reason);
        options.onInternalError(name, error);
        return fail('internal', `${name}: internal error`);
      }
    },
  };
}
