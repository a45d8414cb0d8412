import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale } from '../shared/accounts.ts';
import en from './locales/en.json';
import nl from './locales/nl.json';

/*
 * The QCA workbench's, the network page's, the diffusion pages', the safe-haven pages', the
 * notification pages' and the needs pages' strings sit under `qca`, `network`, `diffusion`,
 * `havens`, `notifications` and `needs` in the same catalogues but are typed apart
 * (`useQcaTranslation` in qca-i18n.ts, `useNetworkTranslation` in
 * components/network/network-i18n.ts, `useDiffusionTranslation` in
 * components/diffusion/diffusion-i18n.ts, `useHavensTranslation` in
 * components/havens/havens-i18n.ts, `useNotificationsTranslation` in
 * components/notifications/notifications-i18n.ts, `useNeedsTranslation` in
 * components/needs/needs-i18n.ts; `initiatives` and `moderation` likewise in
 * components/initiatives/initiatives-i18n.ts and components/moderation/moderation-i18n.ts;
 * `exchange` in components/exchange/exchange-i18n.ts; `groups` in
 * components/groups/groups-i18n.ts): the typed `t` checks
 * every key of the catalogue, and beyond about 700 keys TypeScript gives up on it (TS2589,
 * "excessively deep").
 */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: {
      translation: Omit<
        typeof en,
        | 'qca'
        | 'network'
        | 'diffusion'
        | 'havens'
        | 'notifications'
        | 'needs'
        | 'initiatives'
        | 'moderation'
        | 'exchange'
        | 'groups'
      >;
    };
  }
}

export const LOCALE_STORAGE_KEY = 'connective.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

function storedLocale(): Locale | null {
  try {
    const value = window.localStorage.getItem(LOCALE_STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

function browserLocale(): Locale {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return 'en';
}

const initial: Locale = storedLocale() ?? browserLocale();

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, nl: { translation: nl } },
  lng: initial,
  fallbackLng: 'en',
  supportedLngs: [...LOCALES],
  interpolation: { escapeValue: false }, // React escapes.
  initAsync: false,
  returnNull: false,
});

function applyToDocument(lng: string): void {
  document.documentElement.lang = lng;
}
applyToDocument(initial);
i18n.on('languageChanged', applyToDocument);

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : 'en';
}

/** Switch the interface language and remember the choice on this device. */
export async function setLocale(locale: Locale): Promise<void> {
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Storage may be unavailable (private mode); the choice then lasts this visit.
  }
  await i18n.changeLanguage(locale);
}

export default i18n;
