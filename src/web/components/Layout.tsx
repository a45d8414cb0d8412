import { useEffect, useRef } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Paragraph, SkipLink } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { signOut } from '../api.ts';
import { flashState, useFlash } from '../flash.ts';
import { isModerator, isPlatformAdmin, sessionKey, useSession } from '../session.ts';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { NotificationsNavLink } from './notifications/NotificationsNavLink.tsx';

function MenuLink({ to, end, children }: { to: string; end?: boolean; children: string }) {
  return (
    <li>
      <NavLink to={to} end={end} className="nav-link">
        {children}
      </NavLink>
    </li>
  );
}

export function Layout() {
  const { t } = useTranslation();
  const { user } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const flash = useFlash();
  const mainRef = useRef<HTMLElement>(null);
  const shownPath = useRef(location.pathname);

  // After client-side navigation, move focus to the page (its message or heading),
  // so keyboard and screen-reader users start reading the new page. Not on first load.
  useEffect(() => {
    if (shownPath.current === location.pathname) return;
    shownPath.current = location.pathname;
    window.scrollTo(0, 0);
    const target =
      document.getElementById('flash') ??
      mainRef.current?.querySelector<HTMLElement>('h1') ??
      mainRef.current;
    target?.focus();
  }, [location.pathname]);

  async function handleSignOut() {
    try {
      await signOut();
    } finally {
      queryClient.clear();
      queryClient.setQueryData(sessionKey, { user: null, csrfToken: null });
      await queryClient.invalidateQueries({ queryKey: sessionKey });
      await navigate('/', { state: flashState('layout.signedOut') });
    }
  }

  return (
    <div className="app">
      <SkipLink
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          mainRef.current?.focus();
        }}
      >
        {t('layout.skipLink')}
      </SkipLink>
      <header className="site-header">
        <div className="container header-inner">
          <NavLink to="/" className="brand">
            {t('app.name')}
            <span className="brand-tagline">{t('app.tagline')}</span>
          </NavLink>
          <LanguageSwitcher />
        </div>
        <nav aria-label={t('layout.mainNav')} className="container main-nav">
          <ul className="nav-list">
            <MenuLink to="/" end>
              {t('layout.home')}
            </MenuLink>
            <MenuLink to="/organisations">{t('layout.organisations')}</MenuLink>
            <MenuLink to="/cases">{t('layout.cases')}</MenuLink>
            <MenuLink to="/qca">{t('layout.qca')}</MenuLink>
            <MenuLink to="/network">{t('layout.network')}</MenuLink>
            <MenuLink to="/diffusion">{t('layout.diffusion')}</MenuLink>
            <MenuLink to="/spaces">{t('layout.spaces')}</MenuLink>
            <MenuLink to="/lessons">{t('layout.lessons')}</MenuLink>
            <MenuLink to="/needs">{t('layout.needs')}</MenuLink>
            <MenuLink to="/initiatives">{t('layout.initiatives')}</MenuLink>
            <MenuLink to="/exchange">{t('layout.exchange')}</MenuLink>
            <MenuLink to="/groups">{t('layout.groups')}</MenuLink>
            {isModerator(user) && <MenuLink to="/moderation">{t('layout.moderation')}</MenuLink>}
            {isPlatformAdmin(user) && <MenuLink to="/audit">{t('layout.audit')}</MenuLink>}
          </ul>
          <ul className="nav-list nav-user">
            {user ? (
              <>
                <NotificationsNavLink />
                <MenuLink to="/profile">{t('layout.profile')}</MenuLink>
                <li>
                  <Button variant="secondary" data-size="sm" onClick={() => void handleSignOut()}>
                    {t('layout.signOut')}
                  </Button>
                </li>
              </>
            ) : (
              <>
                <MenuLink to="/sign-in">{t('layout.signIn')}</MenuLink>
                <MenuLink to="/sign-up">{t('layout.signUp')}</MenuLink>
              </>
            )}
          </ul>
        </nav>
        {user && (
          <p className="container signed-in-as">{t('layout.signedInAs', { name: user.name })}</p>
        )}
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="container site-main">
        {flash && (
          <Alert
            id="flash"
            key={location.key}
            tabIndex={-1}
            data-color={flash === 'auth.required' ? 'info' : 'success'}
            className="flash"
          >
            <Paragraph>{t(flash)}</Paragraph>
          </Alert>
        )}
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="container">
          <Paragraph data-size="sm">{t('layout.footerText')}</Paragraph>
          <Paragraph data-size="sm">{t('layout.footerAccessibility')}</Paragraph>
        </div>
      </footer>
    </div>
  );
}
