import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationClient } from '../../../shared/contract/client';
import { directionSchema } from '../../../shared/contract/status';
import { stationSettingsSchema, type SettingsView as SettingsViewModel, type StationSettings } from '../../../shared/config/station-settings';
import { CommandErrorBanner } from '../shell/CommandError';
import { useCommand } from '../shell/use-command';
import { EnrolForm } from './EnrolForm';
import { LaneEditor } from './LaneEditor';
import { LocalPreferences } from './LocalPreferences';

/** Which settings field a problem is about, for the message (`lanes.1.source` → the lanes' source field). */
function fieldKey(path: PropertyKey[]): string {
  return path.filter((part) => typeof part === 'string').join('.');
}

/** The station's settings (saved to its config file, audited) beside this screen's own preferences. */
export function SettingsView({ client }: { client: StationClient }) {
  const { t } = useTranslation();
  const [view, setView] = useState<SettingsViewModel | null>(null);
  const [draft, setDraft] = useState<StationSettings | null>(null);
  const [invalid, setInvalid] = useState<string[]>([]);
  const load = useCommand(client, 'getSettings');
  const save = useCommand(client, 'saveSettings');
  const { run } = load;

  const show = (next: SettingsViewModel) => {
    setView(next);
    setDraft(next.settings);
  };
  useEffect(() => void run(undefined).then((next) => next !== null && show(next)), [run]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (draft === null) return;
    const checked = stationSettingsSchema.safeParse(draft);
    setInvalid(checked.success ? [] : [...new Set(checked.error.issues.map((issue) => fieldKey(issue.path)))]);
    if (!checked.success) return;
    const next = await save.run(checked.data);
    if (next !== null) show(next);
  }

  const change = (update: Partial<StationSettings>) => setDraft((previous) => (previous === null ? previous : { ...previous, ...update }));

  return (
    <main className="settings-view">
      {load.state.kind === 'failed' && <CommandErrorBanner error={load.state.error} />}
      {view !== null && draft !== null && (
        <form className="card settings-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="settings-heading" data-testid="settings-form">
          <h2 id="settings-heading">{t('settings.heading')}</h2>
          <p className="muted">{view.configPath === null ? t('settings.noConfigFile') : t('settings.configFile', { path: view.configPath })}</p>
          <fieldset>
            <legend>{t('status.checkpoint')}</legend>
            <label className="field">
              <span>{t('status.checkpointId')}</span>
              <input value={draft.checkpoint.id} onChange={(event) => change({ checkpoint: { ...draft.checkpoint, id: event.target.value.toUpperCase() } })} />
            </label>
            <label className="field">
              <span>{t('settings.checkpointName')}</span>
              <input value={draft.checkpoint.name} onChange={(event) => change({ checkpoint: { ...draft.checkpoint, name: event.target.value } })} data-testid="settings-checkpoint-name" />
            </label>
            <label className="field">
              <span>{t('status.direction')}</span>
              <select value={draft.checkpoint.direction} onChange={(event) => change({ checkpoint: { ...draft.checkpoint, direction: directionSchema.parse(event.target.value) } })}>
                {directionSchema.options.map((direction) => (
                  <option key={direction} value={direction}>
                    {t(`status.directions.${direction}`)}
                  </option>
                ))}
              </select>
            </label>
          </fieldset>
          <LaneEditor lanes={draft.lanes} onChange={(lanes) => change({ lanes })} />
          <fieldset>
            <legend>{t('settings.records')}</legend>
            <label className="field">
              <span>{t('settings.apiUrl')}</span>
              <input type="url" value={draft.apiUrl ?? ''} onChange={(event) => change({ apiUrl: event.target.value.trim() === '' ? null : event.target.value.trim() })} />
            </label>
            <label className="field">
              <span>{t('settings.dedupeSeconds')}</span>
              <input type="number" min={0} max={600} value={draft.dedupeWindowMs / 1000} onChange={(event) => change({ dedupeWindowMs: Math.round(Number(event.target.value) * 1000) })} />
            </label>
            <label className="field">
              <span>{t('settings.retentionDays')}</span>
              <input type="number" min={1} max={365} value={draft.retentionDays} onChange={(event) => change({ retentionDays: Number(event.target.value) })} data-testid="settings-retention" />
            </label>
          </fieldset>
          {invalid.length > 0 && (
            <ul className="banner banner-error" role="alert" data-testid="settings-invalid">
              {invalid.map((field) => (
                <li key={field}>{t('settings.invalidField', { field: t(`settings.fields.${field}`, { defaultValue: field }) })}</li>
              ))}
            </ul>
          )}
          <button type="submit" className="primary" disabled={save.state.kind === 'running' || view.configPath === null} data-testid="settings-save">
            {t('settings.save')}
          </button>
          {save.state.kind === 'done' && (
            <p role="status" data-testid="settings-saved">
              {t('settings.saved')}
            </p>
          )}
          {view.restartRequired && (
            <p className="banner" role="status" data-testid="settings-restart">
              {t('settings.restartRequired')}
            </p>
          )}
          {save.state.kind === 'failed' && <CommandErrorBanner error={save.state.error} context="saveSettings" />}
        </form>
      )}
      <div className="settings-side">
        <LocalPreferences />
        {view !== null && <EnrolForm client={client} view={view} onEnrolled={show} />}
      </div>
    </main>
  );
}
