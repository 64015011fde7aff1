import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationClient } from '../../../shared/contract/client';
import { CommandErrorBanner } from '../shell/CommandError';
import { useCommand } from '../shell/use-command';
import { PinField } from './PinField';

/** The shift starts here: officer id and PIN. The status bar stays visible above and below. */
export function SignInScreen({ client, checkpointName }: { client: StationClient; checkpointName: string }) {
  const { t } = useTranslation();
  const [officerId, setOfficerId] = useState('');
  const [pin, setPin] = useState('');
  const signIn = useCommand(client, 'signIn');

  async function submit(event: FormEvent) {
    event.preventDefault();
    // The session arrives with the next status event; only the PIN field is cleared on failure.
    if ((await signIn.run({ officerId: officerId.trim(), pin })) === null) setPin('');
  }

  return (
    <div className="sign-in">
      <form className="card sign-in-card" onSubmit={(event) => void submit(event)} aria-labelledby="sign-in-heading">
        <h2 id="sign-in-heading">{t('signIn.heading')}</h2>
        <p className="checkpoint-name">{checkpointName}</p>
        <label className="field">
          <span>{t('signIn.officerId')}</span>
          <input name="officerId" autoComplete="username" autoFocus required value={officerId} onChange={(event) => setOfficerId(event.target.value)} data-testid="sign-in-officer" />
        </label>
        <PinField label={t('signIn.pin')} value={pin} onChange={setPin} autoComplete="current-password" testId="sign-in-pin" />
        <button type="submit" className="primary" disabled={signIn.state.kind === 'running'} data-testid="sign-in-submit">
          {t('signIn.submit')}
        </button>
        {signIn.state.kind === 'failed' && <CommandErrorBanner error={signIn.state.error} context="signIn" testId="sign-in-error" />}
      </form>
    </div>
  );
}
