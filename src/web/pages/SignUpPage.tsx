import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD_LENGTH, SignUp } from '../../shared/accounts.ts';
import { ApiError, signUp, updateProfile } from '../api.ts';
import { AppLink } from '../components/AppLink.tsx';
import { FormErrorSummary, useFormErrors } from '../components/FormErrorSummary.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { currentLocale } from '../i18n.ts';
import { usePageTitle } from '../pageTitle.ts';
import { safeNext, withNext, useSetSession } from '../session.ts';
import { fieldErrorsFromApi, fieldErrorsFromZod } from '../validation.ts';

const FIELDS = ['name', 'email', 'password'] as const;

export function SignUpPage() {
  const { t } = useTranslation();
  usePageTitle(t('signUp.title'));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const setSession = useSetSession();
  const form = useFormErrors<(typeof FIELDS)[number]>();
  const [values, setValues] = useState({ name: '', email: '', password: '' });
  const [busy, setBusy] = useState(false);

  const summaryFields = [
    { name: 'name', id: 'signup-name', label: t('signUp.name') },
    { name: 'email', id: 'signup-email', label: t('signUp.email') },
    { name: 'password', id: 'signup-password', label: t('signUp.password') },
  ] as const;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const parsed = SignUp.safeParse(values);
    if (!parsed.success) {
      const { fields, other } = fieldErrorsFromZod(t, parsed.error, FIELDS);
      form.show(fields, other);
      return;
    }
    setBusy(true);
    try {
      let info = await signUp(parsed.data);
      // Keep the language the person signed up in.
      const locale = currentLocale();
      if (info.user && info.user.locale !== locale) {
        try {
          info = { ...info, user: await updateProfile({ locale }) };
        } catch {
          // Not essential; the preference can be set on the profile page.
        }
      }
      setSession(info);
      await navigate(safeNext(params.get('next')));
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        form.show({ email: t('signUp.emailTaken') });
      } else {
        const { fields, other } = fieldErrorsFromApi(t, error, FIELDS);
        form.show(fields, other);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="stack narrow">
      <PageHeading>{t('signUp.title')}</PageHeading>
      <Paragraph>{t('signUp.lead')}</Paragraph>
      <FormErrorSummary fields={summaryFields} {...form} />
      <form noValidate onSubmit={(e) => void onSubmit(e)} className="stack">
        <Textfield
          id="signup-name"
          label={t('signUp.name')}
          autoComplete="name"
          required
          value={values.name}
          error={form.errors.name}
          onChange={(e) => setValues({ ...values, name: e.target.value })}
        />
        <Textfield
          id="signup-email"
          label={t('signUp.email')}
          type="email"
          autoComplete="email"
          required
          value={values.email}
          error={form.errors.email}
          onChange={(e) => setValues({ ...values, email: e.target.value })}
        />
        <Textfield
          id="signup-password"
          label={t('signUp.password')}
          description={t('signUp.passwordHint', { min: MIN_PASSWORD_LENGTH })}
          type="password"
          autoComplete="new-password"
          required
          value={values.password}
          error={form.errors.password}
          onChange={(e) => setValues({ ...values, password: e.target.value })}
        />
        <div>
          <Button type="submit" loading={busy}>
            {t('signUp.submit')}
          </Button>
        </div>
      </form>
      <Paragraph>
        {t('signUp.haveAccount')}{' '}
        <AppLink to={withNext('/sign-in', params.get('next'))}>{t('signUp.signInInstead')}</AppLink>
      </Paragraph>
    </div>
  );
}
