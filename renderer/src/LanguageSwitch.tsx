import { useTranslation } from 'react-i18next';
import { supportedLanguages } from './i18n/setup-i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language-switch">
      {t('app.language')}{' '}
      <select
        value={i18n.language}
        onChange={(event) => {
          void i18n.changeLanguage(event.target.value);
          document.documentElement.lang = event.target.value;
        }}
      >
        {supportedLanguages.map((language) => (
          <option key={language} value={language}>
            {language === 'vi' ? 'Tiếng Việt' : 'English'}
          </option>
        ))}
      </select>
    </label>
  );
}
