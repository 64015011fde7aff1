import { describe, expect, it } from 'vitest';
import type { CommandHandlers } from '../../../shared/contract/router';
import { mergeHandlers } from '../../../electron/core/handlers/merge-handlers';
import { stubHandlers } from '../../helpers/fixtures';

describe('merging the features’ handler groups', () => {
  it('refuses a command handled by two groups, at start', () => {
    const { getStatus, ...rest } = stubHandlers();
    expect(() => mergeHandlers({ getStatus }, { getStatus }, rest)).toThrow('the command getStatus is handled twice');
  });

  it('is a compile error when a command has no handler', () => {
    const { getStatus, ...rest } = stubHandlers();
    const complete: CommandHandlers = mergeHandlers({ getStatus }, rest);
    expect(Object.keys(complete).sort()).toEqual(Object.keys(stubHandlers()).sort());
    // @ts-expect-error: getStatus has no handler, so the merge is not a handler map (npm run typecheck proves it)
    const incomplete: CommandHandlers = mergeHandlers(rest);
    expect(Object.keys(incomplete)).not.toContain('getStatus');
  });
});
