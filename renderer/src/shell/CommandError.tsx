import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../shared/contract/result';

/** A failed command in the officer's words (the contract's message is for logs, never shown raw). */
export function CommandErrorBanner({ error, context, testId }: { error: ContractError; context?: string; testId?: string }) {
  const { t } = useTranslation();
  const specific = context === undefined ? null : `errors.${context}.${error.code}`;
  return (
    <p className="banner banner-error" role="alert" data-testid={testId}>
      {specific !== null && t(specific, { defaultValue: '' }) !== '' ? t(specific) : t(`errors.${error.code}`)}
    </p>
  );
}
