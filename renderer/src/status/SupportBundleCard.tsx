import { useTranslation } from 'react-i18next';
import type { StationClient } from '../../../shared/contract/client';
import { CommandErrorBanner } from '../shell/CommandError';
import { useCommand } from '../shell/use-command';

/** For technical support, from the app (a supervisor's): no records inside, only redacted logs, config and figures. */
export function SupportBundleCard({ client }: { client: StationClient }) {
  const { t } = useTranslation();
  const bundle = useCommand(client, 'exportSupportBundle');
  return (
    <section className="card" aria-labelledby="support-heading">
      <h2 id="support-heading">{t('status.support.heading')}</h2>
      <p className="muted">{t('status.support.note')}</p>
      <button type="button" onClick={() => void bundle.run(undefined)} disabled={bundle.state.kind === 'running'} data-testid="support-bundle">
        {t('status.support.export')}
      </button>
      {bundle.state.kind === 'done' && (
        <p role="status" data-testid="support-bundle-result">
          {t('status.support.done', { path: bundle.state.value.path })}
        </p>
      )}
      {bundle.state.kind === 'failed' && <CommandErrorBanner error={bundle.state.error} />}
    </section>
  );
}
