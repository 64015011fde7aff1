import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../shared/codes/problems';

/** A code problem in the screen's current language (the core's message is in the language asked at submit). */
export function useProblemText(): (problem: Pick<Problem, 'code' | 'field' | 'params'>) => string {
  const { t } = useTranslation();
  return useCallback(
    (problem) => {
      const field = problem.field === undefined ? '' : t(problem.field, { ns: 'fields', keySeparator: false });
      return t(problem.code, { ns: 'problems', keySeparator: false, ...problem.params, field });
    },
    [t],
  );
}
