import type { CoreContext } from './context';
import type { HandlerGroup } from './merge-handlers';

/** The station's settings and its enrolment with a central API. */
export function settingsHandlers(core: CoreContext): HandlerGroup<'getSettings' | 'saveSettings' | 'enrol'> {
  return {
    getSettings: () => core.settings.view(),
    saveSettings: (input) => core.settings.save(input),
    enrol: (input) => core.settings.enrol(input),
  };
}
