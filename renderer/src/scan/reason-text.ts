import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { VerdictReason } from '../../../shared/records/passage';

/**
 * A verdict reason in plain words: the verdict rules' reasons from the translation file, the code
 * problems from the codes' own catalog (loaded as the `problems` namespace). A problem reason
 * carries no field name, so the catalog's "{{field}}: " lead-in is dropped.
 */
/** A private-use character no catalog text contains, to find where the field name would go. */
const fieldMarker = '\uE000';

export function useReasonText(): (reason: VerdictReason) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (reason: VerdictReason) => {
      const params = reason.params ?? {};
      if (i18n.exists(`reasons.${reason.code}`)) return t(`reasons.${reason.code}`, params);
      if (i18n.exists(reason.code, { ns: 'problems', keySeparator: false })) {
        const template = t(reason.code, { ns: 'problems', keySeparator: false, ...params, field: fieldMarker });
        return template.replace(`${fieldMarker}: `, '').replaceAll(fieldMarker, '');
      }
      return t('reasons.unknown', { code: reason.code });
    },
    [t, i18n],
  );
}
