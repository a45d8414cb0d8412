import { Button } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../shared/accounts.ts';
import { updateProfile } from '../api.ts';
import { currentLocale, setLocale } from '../i18n.ts';
import { useSession, useSetUser } from '../session.ts';

/** English / Nederlands. Remembered on this device and, when signed in, on the account. */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const { user } = useSession();
  const setUser = useSetUser();
  const active = currentLocale();

  async function choose(locale: Locale) {
    await setLocale(locale);
    if (user && user.locale !== locale) {
      try {
        setUser(await updateProfile({ locale }));
      } catch {
        // The interface language has changed; saving the preference can wait.
      }
    }
  }

  return (
    <div role="group" aria-label={t('layout.language')} className="language-switcher">
      {LOCALES.map((locale) => (
        <Button
          key={locale}
          lang={locale}
          variant={locale === active ? 'primary' : 'tertiary'}
          data-size="sm"
          aria-pressed={locale === active}
          onClick={() => void choose(locale)}
        >
          {t(`languages.${locale}`)}
        </Button>
      ))}
    </div>
  );
}
