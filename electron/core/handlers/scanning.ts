import { declarationToCode, validateDeclaration } from '../../../shared/codes';
import type { CoreContext } from './context';
import type { HandlerGroup } from './merge-handlers';

/** The station's status, codes scanned, typed or reported by the app window's lanes. */
export function scanningHandlers(core: CoreContext): HandlerGroup<'getStatus' | 'classifyCode' | 'submitScan' | 'reportDecodedCode' | 'reportLaneHealth' | 'submitDeclaration'> {
  return {
    getStatus: () => core.status(),
    classifyCode: ({ payload, locale }) => core.classify(payload, locale),
    submitScan: ({ laneId, payload, plate }) => core.processScan({ laneId, code: { raw: payload }, plate }),
    reportDecodedCode: (input) => core.lanes.report(input),
    reportLaneHealth: (report) => core.lanes.reportHealth(report),
    submitDeclaration: async ({ laneId, form, locale }) => {
      const { declaration, problems } = validateDeclaration(form, { locale });
      if (declaration === undefined) return { accepted: false, problems };
      const result = await core.processScan({ laneId, code: { classified: declarationToCode(declaration, { locale }) }, plate: declaration.vehiclePlate });
      return { accepted: true, result };
    },
  };
}
