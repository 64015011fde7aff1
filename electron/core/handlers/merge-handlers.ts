import type { CommandName } from '../../../shared/contract/command-names';
import type { CommandHandlers } from '../../../shared/contract/router';

/** A feature's handlers: some of the contract's commands, no others. */
export type HandlerGroup<N extends CommandName = CommandName> = Pick<CommandHandlers, N>;

type AnyGroup = Partial<CommandHandlers>;
/** Every command some group handles (each group's keys, not the keys all groups share). */
type Handled<Group> = Group extends unknown ? keyof Group : never;
/** The commands a list of groups leaves without a handler; `never` when every command has one. */
type Missing<Groups extends readonly AnyGroup[]> = Exclude<CommandName, Handled<Groups[number]>>;

/**
 * The router's handler map, merged from the features' groups. Leaving a command out is a compile
 * error where the map is used (its type then names the missing commands); handling one command in
 * two groups throws at start.
 */
export function mergeHandlers<Groups extends readonly AnyGroup[]>(...groups: Groups): [Missing<Groups>] extends [never] ? CommandHandlers : { commandsWithoutHandler: Missing<Groups> } {
  const merged: Partial<Record<CommandName, unknown>> = {};
  for (const group of groups as readonly AnyGroup[]) {
    for (const [name, handler] of Object.entries(group)) {
      if (name in merged) throw new Error(`the command ${name} is handled twice`);
      merged[name as CommandName] = handler;
    }
  }
  return merged as never;
}
