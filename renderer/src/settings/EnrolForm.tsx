import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationClient } from '../../../shared/contract/client';
import type { SettingsView } from '../../../shared/config/station-settings';
import { CommandErrorBanner } from '../shell/CommandError';
import { useCommand } from '../shell/use-command';

/** Enrols the station with the central API using the one-time secret an administrator hands out. */
export function EnrolForm({ client, view, onEnrolled }: { client: StationClient; view: SettingsView; onEnrolled(view: SettingsView): void }) {
  const { t } = useTranslation();
  const [apiUrl, setApiUrl] = useState(view.settings.apiUrl ?? '');
  const [secret, setSecret] = useState('');
  const enrol = useCommand(client, 'enrol');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const next = await enrol.run({ apiUrl, secret });
    setSecret('');
    if (next !== null) onEnrolled(next);
  }

  return (
    <section className="card" aria-labelledby="enrol-heading">
      <h2 id="enrol-heading">{t('settings.enrolment')}</h2>
      <p data-testid="enrolment-state">
        {view.enrolment === null ? t('settings.notEnrolled') : t('settings.enrolledAs', { stationId: view.enrolment.stationId, apiUrl: view.enrolment.apiUrl })}
      </p>
      <form className="stack" onSubmit={(event) => void submit(event)}>
        <label className="field">
          <span>{t('settings.apiUrl')}</span>
          <input type="url" required value={apiUrl} onChange={(event) => setApiUrl(event.target.value)} />
        </label>
        <label className="field">
          <span>{t('settings.enrolSecret')}</span>
          <input type="password" required minLength={8} autoComplete="off" value={secret} onChange={(event) => setSecret(event.target.value)} />
        </label>
        <button type="submit" disabled={enrol.state.kind === 'running'}>
          {t('settings.enrol')}
        </button>
        {enrol.state.kind === 'failed' && <CommandErrorBanner error={enrol.state.error} context="enrol" />}
      </form>
    </section>
  );
}
