import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Dialog,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Textfield,
} from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import {
  AccountDelete,
  LOCALES,
  MIN_PASSWORD_LENGTH,
  PasswordChange,
  ProfileUpdate,
  type Me,
} from '../../shared/accounts.ts';
import { ApiError, changePassword, deleteAccount, exportMyData, updateProfile } from '../api.ts';
import { FormErrorSummary, useFormErrors } from '../components/FormErrorSummary.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { RequireUser } from '../components/RequireUser.tsx';
import { StatusMessage } from '../components/StatusMessage.tsx';
import { flashState } from '../flash.ts';
import { formatDate } from '../format.ts';
import { isLocale, setLocale } from '../i18n.ts';
import { usePageTitle } from '../pageTitle.ts';
import { sessionKey, useSetUser } from '../session.ts';
import { errorMessage, fieldErrorsFromApi, fieldErrorsFromZod } from '../validation.ts';

export function ProfilePage() {
  const { t } = useTranslation();
  usePageTitle(t('profile.title'));
  return (
    <div className="stack">
      <PageHeading>{t('profile.title')}</PageHeading>
      <RequireUser>
        {(user) => (
          <>
            <DetailsSection user={user} />
            <PasswordSection user={user} />
            <DataSection />
            <DeleteSection user={user} />
          </>
        )}
      </RequireUser>
    </div>
  );
}

const DETAIL_FIELDS = ['name', 'locale'] as const;

function DetailsSection({ user }: { user: Me }) {
  const { t, i18n } = useTranslation();
  const setUser = useSetUser();
  const form = useFormErrors<(typeof DETAIL_FIELDS)[number]>();
  const [name, setName] = useState(user.name);
  const [locale, setLocaleValue] = useState<string>(user.locale);
  // The language switcher in the header may change the preference while this form is open.
  const [knownLocale, setKnownLocale] = useState(user.locale);
  if (knownLocale !== user.locale) {
    setKnownLocale(user.locale);
    setLocaleValue(user.locale);
  }
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);

  const summaryFields = [
    { name: 'name', id: 'profile-name', label: t('profile.name') },
    { name: 'locale', id: 'profile-locale', label: t('profile.languageLabel') },
  ] as const;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setStatus(null);
    const parsed = ProfileUpdate.safeParse({ name, locale });
    if (!parsed.success) {
      const { fields, other } = fieldErrorsFromZod(t, parsed.error, DETAIL_FIELDS);
      form.show(fields, other);
      return;
    }
    setBusy(true);
    try {
      const me = await updateProfile(parsed.data);
      setUser(me);
      form.clear();
      await setLocale(me.locale);
      setStatus(i18n.t('common.saved'));
    } catch (error) {
      const { fields, other } = fieldErrorsFromApi(t, error, DETAIL_FIELDS);
      form.show(fields, other);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="profile-details" className="stack section">
      <Heading level={2} data-size="sm" id="profile-details">
        {t('profile.detailsHeading')}
      </Heading>
      <Paragraph data-size="sm">
        {t('profile.memberSince', { date: formatDate(user.createdAt, i18n.language) })}
      </Paragraph>
      <FormErrorSummary fields={summaryFields} {...form} />
      <form noValidate onSubmit={(e) => void onSubmit(e)} className="stack narrow">
        <Textfield
          id="profile-name"
          label={t('profile.name')}
          autoComplete="name"
          required
          value={name}
          error={form.errors.name}
          onChange={(e) => setName(e.target.value)}
        />
        <Textfield
          id="profile-email"
          label={t('profile.email')}
          description={t('profile.emailHint')}
          value={user.email}
          readOnly
        />
        <Field>
          <Label>{t('profile.languageLabel')}</Label>
          <Field.Description>{t('profile.languageHint')}</Field.Description>
          <Select
            id="profile-locale"
            value={locale}
            onChange={(e) => setLocaleValue(isLocale(e.target.value) ? e.target.value : 'en')}
          >
            {LOCALES.map((l) => (
              <Select.Option key={l} value={l} lang={l}>
                {t(`languages.${l}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <div>
          <Button type="submit" loading={busy}>
            {t('common.save')}
          </Button>
        </div>
      </form>
      <StatusMessage message={status} />
    </section>
  );
}

const PASSWORD_FIELDS = ['currentPassword', 'newPassword'] as const;

function PasswordSection({ user }: { user: Me }) {
  const { t } = useTranslation();
  const form = useFormErrors<(typeof PASSWORD_FIELDS)[number]>();
  const [values, setValues] = useState({ currentPassword: '', newPassword: '' });
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);

  const summaryFields = [
    {
      name: 'currentPassword',
      id: 'profile-current-password',
      label: t('profile.currentPassword'),
    },
    { name: 'newPassword', id: 'profile-new-password', label: t('profile.newPassword') },
  ] as const;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setStatus(null);
    const parsed = PasswordChange.safeParse(values);
    if (!parsed.success) {
      const { fields, other } = fieldErrorsFromZod(t, parsed.error, PASSWORD_FIELDS);
      form.show(fields, other);
      return;
    }
    setBusy(true);
    try {
      await changePassword(parsed.data);
      form.clear();
      setValues({ currentPassword: '', newPassword: '' });
      setStatus(t('profile.passwordChanged'));
    } catch (error) {
      const { fields, other } = fieldErrorsFromApi(t, error, PASSWORD_FIELDS, {
        currentPassword: t('profile.wrongPassword'),
      });
      form.show(fields, other);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="profile-password" className="stack section">
      <Heading level={2} data-size="sm" id="profile-password">
        {t('profile.passwordHeading')}
      </Heading>
      <FormErrorSummary fields={summaryFields} {...form} />
      <form noValidate onSubmit={(e) => void onSubmit(e)} className="stack narrow">
        {/* For password managers: whose password this is. */}
        <input type="email" autoComplete="username" value={user.email} readOnly hidden />
        <Textfield
          id="profile-current-password"
          label={t('profile.currentPassword')}
          type="password"
          autoComplete="current-password"
          required
          value={values.currentPassword}
          error={form.errors.currentPassword}
          onChange={(e) => setValues({ ...values, currentPassword: e.target.value })}
        />
        <Textfield
          id="profile-new-password"
          label={t('profile.newPassword')}
          description={t('signUp.passwordHint', { min: MIN_PASSWORD_LENGTH })}
          type="password"
          autoComplete="new-password"
          required
          value={values.newPassword}
          error={form.errors.newPassword}
          onChange={(e) => setValues({ ...values, newPassword: e.target.value })}
        />
        <div>
          <Button type="submit" loading={busy}>
            {t('profile.changePassword')}
          </Button>
        </div>
      </form>
      <StatusMessage message={status} />
    </section>
  );
}

function DataSection() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function download() {
    if (busy) return;
    setBusy(true);
    setError(null);
    setStatus(t('profile.downloading'));
    try {
      const data = await exportMyData();
      const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
      const url = URL.createObjectURL(blob);
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.download = 'connective-my-data.json';
      document.body.append(anchor);
      anchor.click();
      anchor.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setStatus(t('profile.downloaded'));
    } catch (e) {
      setStatus(null);
      setError(errorMessage(t, e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="profile-data" className="stack section">
      <Heading level={2} data-size="sm" id="profile-data">
        {t('profile.dataHeading')}
      </Heading>
      <Paragraph>{t('profile.dataLead')}</Paragraph>
      <div>
        <Button variant="secondary" loading={busy} onClick={() => void download()}>
          {t('profile.download')}
        </Button>
      </div>
      <StatusMessage message={status} color="info" />
      {error && (
        <Paragraph role="alert" className="error-text">
          {error}
        </Paragraph>
      )}
    </section>
  );
}

const DELETE_FIELDS = ['password'] as const;

function DeleteSection({ user }: { user: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useFormErrors<(typeof DELETE_FIELDS)[number]>();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const passwordRef = useRef<HTMLInputElement | HTMLTextAreaElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (open) passwordRef.current?.focus();
  }, [open]);

  const summaryFields = [
    { name: 'password', id: 'delete-password', label: t('profile.deletePassword') },
  ] as const;

  function close() {
    setOpen(false);
    setPassword('');
    form.clear();
    openerRef.current?.focus();
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const parsed = AccountDelete.safeParse({ password });
    if (!parsed.success) {
      const { fields, other } = fieldErrorsFromZod(t, parsed.error, DELETE_FIELDS);
      form.show(fields, other);
      return;
    }
    setBusy(true);
    try {
      await deleteAccount(parsed.data);
      queryClient.clear();
      queryClient.setQueryData(sessionKey, { user: null, csrfToken: null });
      await queryClient.invalidateQueries({ queryKey: sessionKey });
      await navigate('/', { state: flashState('profile.deleted') });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'last_owner') {
        form.show({}, t('profile.deleteLastOwner'));
      } else {
        const { fields, other } = fieldErrorsFromApi(t, error, DELETE_FIELDS, {
          password: t('profile.deleteWrongPassword'),
        });
        form.show(fields, other);
      }
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="profile-delete" className="stack section">
      <Heading level={2} data-size="sm" id="profile-delete">
        {t('profile.deleteHeading')}
      </Heading>
      <Paragraph>{t('profile.deleteLead')}</Paragraph>
      <div>
        <Button
          ref={openerRef}
          data-color="danger"
          variant="secondary"
          onClick={() => setOpen(true)}
        >
          {t('profile.deleteButton')}
        </Button>
      </div>
      <Dialog
        open={open}
        onClose={close}
        closeButton={t('common.closeDialog')}
        aria-labelledby="delete-dialog-heading"
      >
        <Dialog.Block>
          <Heading level={2} data-size="xs" id="delete-dialog-heading">
            {t('profile.deleteDialogHeading')}
          </Heading>
        </Dialog.Block>
        <Dialog.Block>
          <form noValidate onSubmit={(e) => void onSubmit(e)} className="stack">
            <Paragraph>{t('profile.deleteDialogText')}</Paragraph>
            <FormErrorSummary fields={summaryFields} {...form} />
            <input type="email" autoComplete="username" value={user.email} readOnly hidden />
            <Textfield
              ref={passwordRef}
              id="delete-password"
              label={t('profile.deletePassword')}
              type="password"
              autoComplete="current-password"
              required
              value={password}
              error={form.errors.password}
              onChange={(e) => setPassword(e.target.value)}
            />
            <div className="button-row">
              <Button type="submit" data-color="danger" loading={busy}>
                {t('profile.deleteConfirm')}
              </Button>
              <Button variant="secondary" onClick={close}>
                {t('common.cancel')}
              </Button>
            </div>
          </form>
        </Dialog.Block>
      </Dialog>
    </section>
  );
}
