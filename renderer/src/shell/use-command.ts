import { useCallback, useState } from 'react';
import type { StationClient } from '../../../shared/contract/client';
import type { CommandInput, CommandName, CommandOutput } from '../../../shared/contract/commands';
import type { ContractError } from '../../../shared/contract/result';

export type CommandState<T> = { kind: 'idle' } | { kind: 'running' } | { kind: 'done'; value: T } | { kind: 'failed'; error: ContractError };

/** One command the screen runs on the officer's action, with its progress and outcome. */
export function useCommand<N extends CommandName>(client: StationClient, command: N) {
  const [state, setState] = useState<CommandState<CommandOutput<N>>>({ kind: 'idle' });
  const run = useCallback(
    async (input: CommandInput<N>): Promise<CommandOutput<N> | null> => {
      setState({ kind: 'running' });
      const result = await client.invoke(command, input);
      setState(result.ok ? { kind: 'done', value: result.value } : { kind: 'failed', error: result.error });
      return result.ok ? result.value : null;
    },
    [client, command],
  );
  const reset = useCallback(() => setState({ kind: 'idle' }), []);
  return { state, run, reset };
}
