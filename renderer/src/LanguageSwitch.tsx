import { useTranslation } from 'react-i18next';
import { supportedLanguages } from './i18n/setup-i18n';
import { usePreferences } from './preferences/use-preferences';

/** The screen's language, in the header and in the settings; remembered with the other preferences. */
export function LanguageSwitch({ className = 'language-switch' }: { className?: string }) {
  const { t } = useTranslation();
  const { preferences, update } = usePreferences();
  return (
    <label className={className}>
      {t('app.language')}{' '}
      <select value={preferences.language} onChange={(event) => update({ language: event.target.value === 'en' ? 'en' : 'vi' })}>
        {supportedLanguages.map((language) => (
          <option key={language} value={language}>
            {t(`settings.languages.${language}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
