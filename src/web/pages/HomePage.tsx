import { Heading, List, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../components/AppLink.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { usePageTitle } from '../pageTitle.ts';
import { useSession } from '../session.ts';

export function HomePage() {
  const { t } = useTranslation();
  const { user } = useSession();
  usePageTitle(t('home.title'));
  return (
    <article className="stack">
      <PageHeading>{t('home.heading')}</PageHeading>
      <Paragraph data-size="lg">{t('home.lead')}</Paragraph>
      {user && <Paragraph>{t('home.welcomeBack', { name: user.name })}</Paragraph>}
      <section aria-labelledby="home-what" className="stack">
        <Heading level={2} data-size="sm" id="home-what">
          {t('home.whatHeading')}
        </Heading>
        <List.Unordered>
          <List.Item>{t('home.what1')}</List.Item>
          <List.Item>{t('home.what2')}</List.Item>
          <List.Item>{t('home.what3')}</List.Item>
          <List.Item>{t('home.what4')}</List.Item>
          <List.Item>{t('home.what5')}</List.Item>
        </List.Unordered>
      </section>
      <section aria-labelledby="home-start" className="stack">
        <Heading level={2} data-size="sm" id="home-start">
          {t('home.startHeading')}
        </Heading>
        <List.Unordered>
          <List.Item>
            <AppLink to="/organisations">{t('home.browse')}</AppLink>
          </List.Item>
          <List.Item>
            <AppLink to="/cases">{t('home.cases')}</AppLink>
          </List.Item>
          <List.Item>
            <AppLink to="/qca">{t('home.qca')}</AppLink>
          </List.Item>
          {user ? (
            <>
              <List.Item>
                <AppLink to="/organisations/new">{t('home.createOrganisation')}</AppLink>
              </List.Item>
              <List.Item>
                <AppLink to="/profile">{t('home.openProfile')}</AppLink>
              </List.Item>
            </>
          ) : (
            <>
              <List.Item>
                <AppLink to="/sign-up">{t('home.createAccount')}</AppLink>
              </List.Item>
              <List.Item>
                <AppLink to="/sign-in">{t('home.signIn')}</AppLink>
              </List.Item>
            </>
          )}
        </List.Unordered>
      </section>
    </article>
  );
}
