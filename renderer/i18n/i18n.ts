import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { isLanguage, type Language } from './messages';
import { nb } from './nb';

const STORAGE_KEY = 'fjernhjelp.language';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof nb };
  }
}

export function storedLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  return isLanguage(stored) ? stored : 'nb';
}

export async function initI18n(): Promise<void> {
  await i18next.use(initReactI18next).init({
    lng: storedLanguage(),
    fallbackLng: 'nb',
    supportedLngs: ['nb', 'en'],
    resources: { nb: { translation: nb }, en: { translation: en } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
  tellMain(storedLanguage());
}

export async function changeLanguage(language: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, language);
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
  tellMain(language);
}

/** Main's own texts (the application menu) follow the window's language; a failure there is only logged by main. */
function tellMain(language: Language): void {
  void window.portal.app.setLanguage({ language });
}
