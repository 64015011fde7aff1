import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { loadPreferences, savePreferences, type Preferences } from './preferences';

interface PreferencesContextValue {
  preferences: Preferences;
  update(change: Partial<Preferences>): void;
}

const PreferencesContext = createContext<PreferencesContextValue | null>(null);

/** Holds the preferences, and applies the ones that act on the whole page (theme, language). */
export function PreferencesProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const [preferences, setPreferences] = useState(() => loadPreferences(localStorage));
  const update = useCallback((change: Partial<Preferences>) => {
    setPreferences((previous) => {
      const next = { ...previous, ...change };
      savePreferences(localStorage, next);
      return next;
    });
  }, []);
  useEffect(() => {
    document.documentElement.dataset.theme = preferences.theme;
  }, [preferences.theme]);
  useEffect(() => {
    document.documentElement.lang = preferences.language;
    if (i18n.language !== preferences.language) void i18n.changeLanguage(preferences.language);
  }, [i18n, preferences.language]);
  const value = useMemo(() => ({ preferences, update }), [preferences, update]);
  return <PreferencesContext.Provider value={value}>{children}</PreferencesContext.Provider>;
}

export function usePreferences(): PreferencesContextValue {
  const value = useContext(PreferencesContext);
  if (value === null) throw new Error('usePreferences outside PreferencesProvider');
  return value;
}
