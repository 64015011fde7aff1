import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationClient } from '../../../shared/contract/client';
import { officerRoleSchema, type OfficerRole, type OfficerView as Officer } from '../../../shared/records/officer';
import { CommandErrorBanner } from '../shell/CommandError';
import { useCommand } from '../shell/use-command';
import { PinPair } from '../officer/PinField';
import { useFormatters } from '../shell/use-formatters';

/** The supervisor's screen: the station's officers, added, given a role, disabled, given a new PIN. */
export function OfficersView({ client, signedIn }: { client: StationClient; signedIn: string }) {
  const { t } = useTranslation();
  const list = useCommand(client, 'listOfficers');
  const update = useCommand(client, 'updateOfficer');
  const [officers, setOfficers] = useState<Officer[]>([]);
  const { run } = list;
  const refresh = useCallback(() => void run(undefined).then((found) => found !== null && setOfficers(found)), [run]);
  useEffect(refresh, [refresh]);
  const format = useFormatters([]);

  async function change(id: string, change: { role?: OfficerRole; disabled?: boolean }) {
    if ((await update.run({ id, ...change })) !== null) refresh();
  }

  return (
    <main className="officers-view">
      <section className="card" aria-labelledby="officers-heading">
        <h2 id="officers-heading">{t('officers.heading')}</h2>
        {list.state.kind === 'failed' && <CommandErrorBanner error={list.state.error} />}
        {update.state.kind === 'failed' && <CommandErrorBanner error={update.state.error} testId="officer-update-error" />}
        <table className="passage-table" data-testid="officers-table">
          <thead>
            <tr>
              <th scope="col">{t('officers.id')}</th>
              <th scope="col">{t('officers.name')}</th>
              <th scope="col">{t('officers.role')}</th>
              <th scope="col">{t('officers.state')}</th>
              <th scope="col">{t('officers.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {officers.map((officer) => (
              <tr key={officer.id} data-testid={`officer-${officer.id}`}>
                <td>{officer.id}</td>
                <td>{officer.name}</td>
                <td>
                  <select aria-label={t('officers.roleOf', { id: officer.id })} value={officer.role} onChange={(event) => void change(officer.id, { role: event.target.value as OfficerRole })}>
                    {officerRoleSchema.options.map((role) => (
                      <option key={role} value={role}>
                        {t(`officers.roles.${role}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  {officer.disabled ? t('officers.disabled') : officer.lockedUntil !== null && officer.lockedUntil > new Date().toISOString() ? t('officers.lockedUntil', { time: format.time(officer.lockedUntil) }) : t('officers.active')}
                </td>
                <td className="row-actions">
                  {officer.id !== signedIn && (
                    <button type="button" onClick={() => void change(officer.id, { disabled: !officer.disabled })} data-testid={`officer-toggle-${officer.id}`}>
                      {officer.disabled ? t('officers.enable') : t('officers.disable')}
                    </button>
                  )}
                  <ResetPin client={client} officerId={officer.id} onDone={refresh} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <AddOfficer client={client} onAdded={refresh} />
    </main>
  );
}

function AddOfficer({ client, onAdded }: { client: StationClient; onAdded(): void }) {
  const { t } = useTranslation();
  const add = useCommand(client, 'addOfficer');
  const [form, setForm] = useState({ id: '', name: '', role: 'officer' as OfficerRole, pin: '', repeat: '' });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (form.pin !== form.repeat) return;
    if ((await add.run({ id: form.id, name: form.name, role: form.role, pin: form.pin })) === null) return;
    setForm({ id: '', name: '', role: 'officer', pin: '', repeat: '' });
    onAdded();
  }

  return (
    <section className="card" aria-labelledby="add-officer-heading">
      <h2 id="add-officer-heading">{t('officers.add')}</h2>
      <form className="stack" onSubmit={(event) => void submit(event)} data-testid="add-officer">
        <label className="field">
          <span>{t('officers.id')}</span>
          <input required value={form.id} onChange={(event) => setForm({ ...form, id: event.target.value })} />
        </label>
        <label className="field">
          <span>{t('officers.name')}</span>
          <input required value={form.name} onChange={(event) => setForm({ ...form, name: event.target.value })} />
        </label>
        <label className="field">
          <span>{t('officers.role')}</span>
          <select value={form.role} onChange={(event) => setForm({ ...form, role: event.target.value as OfficerRole })}>
            {officerRoleSchema.options.map((role) => (
              <option key={role} value={role}>
                {t(`officers.roles.${role}`)}
              </option>
            ))}
          </select>
        </label>
        <PinPair pin={form.pin} repeat={form.repeat} onPin={(pin) => setForm({ ...form, pin })} onRepeat={(repeat) => setForm({ ...form, repeat })} />
        {form.repeat !== '' && form.repeat !== form.pin && <p className="muted">{t('officers.pinsDiffer')}</p>}
        <button type="submit" className="primary" disabled={add.state.kind === 'running'}>
          {t('officers.addButton')}
        </button>
        {add.state.kind === 'failed' && <CommandErrorBanner error={add.state.error} testId="add-officer-error" />}
      </form>
    </section>
  );
}

function ResetPin({ client, officerId, onDone }: { client: StationClient; officerId: string; onDone(): void }) {
  const { t } = useTranslation();
  const reset = useCommand(client, 'resetOfficerPin');
  const [pins, setPins] = useState({ pin: '', repeat: '' });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (pins.pin !== pins.repeat || (await reset.run({ id: officerId, pin: pins.pin })) === null) return;
    setPins({ pin: '', repeat: '' });
    onDone();
  }

  return (
    <details>
      <summary>{t('officers.resetPin')}</summary>
      <form className="stack" onSubmit={(event) => void submit(event)}>
        <PinPair pin={pins.pin} repeat={pins.repeat} onPin={(pin) => setPins({ ...pins, pin })} onRepeat={(repeat) => setPins({ ...pins, repeat })} />
        <button type="submit">{t('officers.setPin')}</button>
        {reset.state.kind === 'done' && <p role="status">{t('officers.pinSet')}</p>}
        {reset.state.kind === 'failed' && <CommandErrorBanner error={reset.state.error} />}
      </form>
    </details>
  );
}
