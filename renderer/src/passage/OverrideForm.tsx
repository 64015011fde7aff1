import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationClient } from '../../../shared/contract/client';
import { verdictSchema, type Passage, type Verdict } from '../../../shared/records/passage';
import { CommandErrorBanner } from '../shell/CommandError';
import { useCommand } from '../shell/use-command';

/** The officer replaces the station's verdict; a reason is required and the change is audited. */
export function OverrideForm({ client, passageId, current, onDone }: { client: StationClient; passageId: string; current: Verdict; onDone(passage: Passage): void }) {
  const { t } = useTranslation();
  const [verdict, setVerdict] = useState<Verdict>(current === 'pass' ? 'check' : 'pass');
  const [reason, setReason] = useState('');
  const override = useCommand(client, 'overrideVerdict');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const passage = await override.run({ passageId, verdict, reason });
    if (passage !== null) onDone(passage);
  }

  return (
    <form className="stack" onSubmit={(event) => void submit(event)} data-testid="override-form">
      <label className="field">
        <span>{t('override.verdict')}</span>
        <select value={verdict} onChange={(event) => setVerdict(verdictSchema.parse(event.target.value))} data-testid="override-verdict">
          {verdictSchema.options.map((option) => (
            <option key={option} value={option}>
              {t(`verdict.words.${option}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('override.reason')}</span>
        <textarea required minLength={3} maxLength={300} rows={3} value={reason} onChange={(event) => setReason(event.target.value)} data-testid="override-reason" />
      </label>
      <p className="muted">{t('override.audited')}</p>
      <button type="submit" className="primary" disabled={override.state.kind === 'running'} data-testid="override-submit">
        {t('override.submit')}
      </button>
      {override.state.kind === 'failed' && <CommandErrorBanner error={override.state.error} />}
    </form>
  );
}
