import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../LanguageSwitch';
import { preferencesSchema } from '../preferences/preferences';
import { usePreferences } from '../preferences/use-preferences';
import { playVerdictSound } from '../scan/verdict-sounds';

const themes = preferencesSchema.shape.theme.unwrap().options;

/** This screen's own choices: language, theme, sounds, how long a verdict stays up. Saved at once. */
export function LocalPreferences() {
  const { t } = useTranslation();
  const { preferences, update } = usePreferences();
  return (
    <section className="card" aria-labelledby="preferences-heading">
      <h2 id="preferences-heading">{t('settings.preferences')}</h2>
      <LanguageSwitch className="field" />
      <label className="field">
        <span>{t('settings.theme')}</span>
        <select value={preferences.theme} onChange={(event) => update({ theme: preferencesSchema.shape.theme.parse(event.target.value) })} data-testid="preference-theme">
          {themes.map((theme) => (
            <option key={theme} value={theme}>
              {t(`settings.themes.${theme}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={preferences.sound} onChange={(event) => update({ sound: event.target.checked })} data-testid="preference-sound" /> {t('settings.sound')}
      </label>
      <button type="button" onClick={() => playVerdictSound('pass')}>
        {t('settings.testSound')}
      </button>
      <label className="field">
        <span>{t('settings.verdictClearSeconds')}</span>
        <input
          type="number"
          min={0}
          max={600}
          value={preferences.verdictClearSeconds}
          onChange={(event) => {
            const seconds = preferencesSchema.shape.verdictClearSeconds.safeParse(Number(event.target.value));
            if (seconds.success) update({ verdictClearSeconds: seconds.data });
          }}
          data-testid="preference-clear-seconds"
        />
      </label>
      <p className="muted">{t('settings.verdictClearHint')}</p>
    </section>
  );
}
