import { Suspense, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { Button } from '../components/ui/button';
import { useLogout } from '../features/auth/api/auth-api';
import { NotificationBell } from '../features/notifications/components/notification-bell';
import { QuickAddDialog } from '../features/records/components/quick-add-dialog';
import { SearchPalette } from '../features/search/components/search-palette';
import { useMe } from '../features/session/use-me';
import { keyOfPath } from './go-to-keys';
import { LanguageSwitch } from './language-switch';
import { ShortcutsDialog } from './shortcuts-dialog';
import { useGoTo } from './use-go-to';
import { useShortcut } from './use-shortcut';

export function AppShell() {
  const { t } = useTranslation();
  const me = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const [searchOpen, setSearchOpen] = useState(false);
  const [quickAddOpen, setQuickAddOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  useGoTo();
  useShortcut(
    '?',
    useCallback(() => setHelpOpen(true), []),
  );
  useShortcut(
    'mod+k',
    useCallback(() => setSearchOpen(true), []),
  );
  useShortcut(
    'n',
    useCallback(() => setQuickAddOpen(true), []),
  );

  const goToHint = (path: string) => {
    const key = keyOfPath(path);
    return key && t('shortcutHelp.goToHint', { key: key.toUpperCase() });
  };

  // Grouped the way a seller's week runs: the work itself, the numbers, the address book.
  const groups = [
    {
      heading: t('navGroups.work'),
      links: [
        ['/my-day', t('nav.myDay')],
        ['/focus', t('nav.focus')],
        ['/leads', t('nav.leads')],
        ['/board', t('nav.board')],
        ['/deals', t('nav.deals')],
        ['/calendar', t('nav.calendar')],
      ],
    },
    {
      heading: t('navGroups.insights'),
      links: [
        ['/dashboards', t('nav.dashboards')],
        ['/reports', t('nav.reports')],
        ['/forecast', t('nav.forecast')],
        ['/review', t('nav.review')],
        ['/funnel', t('nav.funnel')],
      ],
    },
    {
      heading: t('navGroups.records'),
      links: [
        ['/companies', t('nav.companies')],
        ['/contacts', t('nav.contacts')],
        ['/settings', t('nav.settings')],
      ],
    },
  ] as const;

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="topbar">
        <span className="brand">{t('appName')}</span>
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
      <nav aria-label={t('mainNav')} className="sidenav">
        {groups.map((group) => (
          <div key={group.heading} className="sidenav-group">
            <span className="sidenav-heading">{group.heading}</span>
            {group.links.map(([to, label]) => (
              <NavLink
                key={to}
                to={to}
                className={({ isActive }) => (isActive ? 'active' : undefined)}
                title={goToHint(to)}
              >
                {label}
              </NavLink>
            ))}
          </div>
        ))}
      </nav>
      <main id="main" className="content">
        <Suspense fallback={<div className="page-loading">{t('state.loading')}</div>}>
          <Outlet />
        </Suspense>
      </main>
      <SearchPalette open={searchOpen} onClose={() => setSearchOpen(false)} />
      <QuickAddDialog open={quickAddOpen} onClose={() => setQuickAddOpen(false)} />
      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}
