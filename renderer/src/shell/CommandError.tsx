import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../shared/contract/result';

/**
 * A failed command in the officer's words (the contract's message is for logs, never shown raw):
 * the domain's reason when it gave one, else what this screen says of the code, else the code.
 */
export function CommandErrorBanner({ error, context, testId }: { error: ContractError; context?: string; testId?: string }) {
  const { t, i18n } = useTranslation();
  const candidates = [error.reason === undefined ? null : `errors.reasons.${error.reason}`, context === undefined ? null : `errors.${context}.${error.code}`];
  const key = candidates.find((candidate): candidate is string => candidate !== null && i18n.exists(candidate)) ?? `errors.${error.code}`;
  return (
    <p className="banner banner-error" role="alert" data-testid={testId} data-reason={error.reason}>
      {t(key)}
    </p>
  );
}
