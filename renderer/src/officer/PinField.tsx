import { useTranslation } from 'react-i18next';

/** A PIN (4 to 8 digits) typed unseen, as sign-in, set-up and the officers screen ask for it. */
export function PinField({ label, value, onChange, autoComplete, invalid = false, testId }: { label: string; value: string; onChange(value: string): void; autoComplete: 'current-password' | 'new-password'; invalid?: boolean; testId?: string }) {
  return (
    <label className="field">
      <span>{label}</span>
      <input type="password" inputMode="numeric" pattern="\d{4,8}" required autoComplete={autoComplete} value={value} aria-invalid={invalid} onChange={(event) => onChange(event.target.value)} data-testid={testId} />
    </label>
  );
}

/** Two PIN fields that must agree: a new PIN's typo would lock its officer out. */
export function PinPair({ pin, repeat, onPin, onRepeat, testIds }: { pin: string; repeat: string; onPin(value: string): void; onRepeat(value: string): void; testIds?: { pin: string; repeat: string } }) {
  const { t } = useTranslation();
  return (
    <>
      <PinField label={t('officers.pin')} value={pin} onChange={onPin} autoComplete="new-password" testId={testIds?.pin} />
      <PinField label={t('officers.pinAgain')} value={repeat} onChange={onRepeat} autoComplete="new-password" invalid={repeat !== '' && repeat !== pin} testId={testIds?.repeat} />
    </>
  );
}
