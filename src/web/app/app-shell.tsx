import { Suspense, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { Button } from '../components/ui/button';
import { useLogout } from '../features/auth/api/auth-api';
import { NotificationBell } from '../features/notifications/components/notification-bell';
import { QuickAddDialog } from '../features/records/components/quick-add-dialog';
import { SearchPalette } from '../features/search/components/search-palette';
import { useMe } from '../features/session/use-me';
import { LanguageSwitch } from './language-switch';
import { useShortcut } from './use-shortcut';

export function AppShell() {
  const { t } = useTranslation();
  const me = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const [searchOpen, setSearchOpen] = useState(false);
  const [quickAddOpen, setQuickAddOpen] = useState(false);
  useShortcut(
    'mod+k',
    useCallback(() => setSearchOpen(true), []),
  );
  useShortcut(
    'n',
    useCallback(() => setQuickAddOpen(true), []),
  );

  const links = [
    ['/my-day', t('nav.myDay')],
    ['/focus', t('nav.focus')],
    ['/leads', t('nav.leads')],
    ['/board', t('nav.board')],
    ['/deals', t('nav.deals')],
    ['/funnel', t('nav.funnel')],
    ['/dashboards', t('nav.dashboards')],
    ['/reports', t('nav.reports')],
    ['/forecast', t('nav.forecast')],
    ['/calendar', t('nav.calendar')],
    ['/companies', t('nav.companies')],
    ['/contacts', t('nav.contacts')],
    ['/settings', t('nav.settings')],
  ] as const;

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="topbar">
        <span className="brand">{t('appName')}</span>
        <nav aria-label={t('mainNav')} className="topnav">
          {links.map(([to, label]) => (
            <NavLink
              key={to}
              to={to}
              className={({ isActive }) => (isActive ? 'active' : undefined)}
            >
              {label}
            </NavLink>
          ))}
        </nav>
        <div className="topbar-actions">
          <Button variant="ghost" onClick={() => setSearchOpen(true)} title={t('shortcuts.search')}>
            <span aria-hidden="true">⌕</span>{' '}
            <span className="hide-narrow">{t('shortcuts.search')}</span>
          </Button>
          <Button
            variant="primary"
            onClick={() => setQuickAddOpen(true)}
            title={t('shortcuts.quickAdd')}
          >
            + <span className="hide-narrow">{t('shortcuts.quickAdd')}</span>
          </Button>
          <NotificationBell />
          <LanguageSwitch />
          <span className="muted hide-narrow">{me.data?.name}</span>
          <Button
            variant="ghost"
            onClick={() => logout.mutate(undefined, { onSuccess: () => navigate('/sign-in') })}
          >
            {t('actions.signOut')}
          </Button>
        </div>
      </header>
      <main id="main" className="content">
        <Suspense fallback={<div className="page-loading">{t('state.loading')}</div>}>
          <Outlet />
        </Suspense>
      </main>
      <SearchPalette open={searchOpen} onClose={() => setSearchOpen(false)} />
      <QuickAddDialog open={quickAddOpen} onClose={() => setQuickAddOpen(false)} />
    </div>
  );
}
