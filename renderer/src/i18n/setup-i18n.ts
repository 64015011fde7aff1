import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { fieldLabels, problemMessages } from '../../../shared/codes/problem-messages';
import { loadPreferences } from '../preferences/preferences';
import en from './locales/en.json';
import vi from './locales/vi.json';

export const supportedLanguages = ['vi', 'en'] as const;
export type Language = (typeof supportedLanguages)[number];

/**
 * Vietnamese first: the officers' language; English second. The code problems and field labels
 * come from shared/codes' own catalogs (flat keys with dots: looked up with keySeparator off).
 */
export async function setupI18n(): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: {
      vi: { translation: vi, problems: problemMessages.vi, fields: fieldLabels.vi },
      en: { translation: en, problems: problemMessages.en, fields: fieldLabels.en },
    },
    lng: loadPreferences(localStorage).language,
    fallbackLng: 'vi',
    interpolation: { escapeValue: false },
  });
  return i18next;
}
