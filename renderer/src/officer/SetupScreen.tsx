import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationClient } from '../../../shared/contract/client';
import { CommandErrorBanner } from '../shell/CommandError';
import { useCommand } from '../shell/use-command';
import { PinPair } from './PinField';

/**
 * A fresh install's first run: its first supervisor (id, name, PIN twice), who is then signed in and
 * taken to the settings for enrolment and lanes. No command line needed.
 */
export function SetupScreen({ client, onDone }: { client: StationClient; onDone(): void }) {
  const { t } = useTranslation();
  const [officerId, setOfficerId] = useState('');
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [pinAgain, setPinAgain] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const create = useCommand(client, 'createFirstSupervisor');

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (pin !== pinAgain) return setMismatch(true);
    setMismatch(false);
    if ((await create.run({ id: officerId.trim(), name: name.trim(), pin })) !== null) onDone();
  }

  return (
    <div className="sign-in">
      <form className="card sign-in-card" onSubmit={(event) => void submit(event)} aria-labelledby="setup-heading" data-testid="setup">
        <h2 id="setup-heading">{t('setup.heading')}</h2>
        <p className="muted">{t('setup.intro')}</p>
        <label className="field">
          <span>{t('signIn.officerId')}</span>
          <input name="officerId" autoComplete="username" autoFocus required value={officerId} onChange={(event) => setOfficerId(event.target.value)} data-testid="setup-officer" />
        </label>
        <label className="field">
          <span>{t('setup.name')}</span>
          <input name="name" autoComplete="name" required maxLength={120} value={name} onChange={(event) => setName(event.target.value)} data-testid="setup-name" />
        </label>
        <PinPair pin={pin} repeat={pinAgain} onPin={setPin} onRepeat={setPinAgain} testIds={{ pin: 'setup-pin', repeat: 'setup-pin-again' }} />
        {mismatch && (
          <p className="banner banner-error" role="alert">
            {t('setup.pinMismatch')}
          </p>
        )}
        <button type="submit" className="primary" disabled={create.state.kind === 'running'} data-testid="setup-submit">
          {t('setup.submit')}
        </button>
        {create.state.kind === 'failed' && <CommandErrorBanner error={create.state.error} />}
      </form>
    </div>
  );
}
