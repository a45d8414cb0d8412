import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { SignIn } from '../../shared/accounts.ts';
import { ApiError, signIn } from '../api.ts';
import { AppLink } from '../components/AppLink.tsx';
import { FormErrorSummary, useFormErrors } from '../components/FormErrorSummary.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { currentLocale, setLocale } from '../i18n.ts';
import { usePageTitle } from '../pageTitle.ts';
import { safeNext, withNext, useSetSession } from '../session.ts';
import { fieldErrorsFromApi, fieldErrorsFromZod } from '../validation.ts';

const FIELDS = ['email', 'password'] as const;

export function SignInPage() {
  const { t } = useTranslation();
  usePageTitle(t('signIn.title'));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const setSession = useSetSession();
  const form = useFormErrors<(typeof FIELDS)[number]>();
  const [values, setValues] = useState({ email: '', password: '' });
  const [busy, setBusy] = useState(false);

  const summaryFields = [
    { name: 'email', id: 'signin-email', label: t('signIn.email') },
    { name: 'password', id: 'signin-password', label: t('signIn.password') },
  ] as const;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const parsed = SignIn.safeParse(values);
    if (!parsed.success) {
      const { fields, other } = fieldErrorsFromZod(t, parsed.error, FIELDS);
      form.show(fields, other);
      return;
    }
    setBusy(true);
    try {
      const info = await signIn(parsed.data);
      setSession(info);
      if (info.user && info.user.locale !== currentLocale()) await setLocale(info.user.locale);
      await navigate(safeNext(params.get('next')));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        form.show({}, t('signIn.invalidCredentials'));
      } else {
        const { fields, other } = fieldErrorsFromApi(t, error, FIELDS);
        form.show(fields, other);
      }
      setBusy(false);
    }
  }

  return (
    <div className="stack narrow">
      <PageHeading>{t('signIn.title')}</PageHeading>
      <FormErrorSummary fields={summaryFields} {...form} />
      <form noValidate onSubmit={(e) => void onSubmit(e)} className="stack">
        <Textfield
          id="signin-email"
          label={t('signIn.email')}
          type="email"
          autoComplete="username"
          required
          value={values.email}
          error={form.errors.email}
          onChange={(e) => setValues({ ...values, email: e.target.value })}
        />
        <Textfield
          id="signin-password"
          label={t('signIn.password')}
          type="password"
          autoComplete="current-password"
          required
          value={values.password}
          error={form.errors.password}
          onChange={(e) => setValues({ ...values, password: e.target.value })}
        />
        <div>
          <Button type="submit" loading={busy}>
            {t('signIn.submit')}
          </Button>
        </div>
      </form>
      <Paragraph>
        {t('signIn.noAccount')}{' '}
        <AppLink to={withNext('/sign-up', params.get('next'))}>{t('signIn.signUpInstead')}</AppLink>
      </Paragraph>
    </div>
  );
}
