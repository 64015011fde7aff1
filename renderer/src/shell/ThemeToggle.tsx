import { useTranslation } from 'react-i18next';
import { usePreferences } from '../preferences/use-preferences';

/** One press between the night booth (dark) and daylight; "system" follows the OS until pressed. */
export function ThemeToggle() {
  const { t } = useTranslation();
  const { preferences, update } = usePreferences();
  const dark = preferences.theme === 'dark' || (preferences.theme === 'system' && matchMedia('(prefers-color-scheme: dark)').matches);
  return (
    <button type="button" onClick={() => update({ theme: dark ? 'light' : 'dark' })} aria-pressed={dark} data-testid="theme-toggle">
      <span aria-hidden="true">{dark ? '☾' : '☀'}</span> {t('settings.themes.dark')}
    </button>
  );
}
