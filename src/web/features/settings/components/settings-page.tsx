import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Route, Routes } from 'react-router';
import '../settings.css';
import { ImportWizard } from '../../imports/components/import-wizard';
import { LeadsSettings } from '../../leads/components/leads-settings';
import { MoneySettings } from './money-settings';
import { PipelinesSettings } from './pipelines-settings';
import { ProfileSettings } from './profile-settings';
import { TeamsSettings } from './teams-settings';
import { UsersSettings } from './users-settings';
import { WorkspaceSettings } from './workspace-settings';

const sections = [
  'pipelines',
  'users',
  'teams',
  'workspace',
  'money',
  'leads',
  'import',
  'profile',
] as const;

/** /settings/*: a side nav (a row of tabs on phones) and one sub-page at a time. */
export function SettingsPage() {
  const { t } = useTranslation('settings');
  return (
    <div className="settings">
      <aside className="settings-aside">
        <h1 className="settings-title">{t('title')}</h1>
        <nav className="settings-nav" aria-label={t('nav.label')}>
          {sections.map((section) => (
            <NavLink
              key={section}
              to={`/settings/${section}`}
              className={({ isActive }) => `settings-nav-link${isActive ? ' active' : ''}`}
            >
              {t(`nav.${section}`)}
            </NavLink>
          ))}
        </nav>
      </aside>
      <div className="settings-body">
        <Routes>
          <Route index element={<Navigate to="/settings/pipelines" replace />} />
          <Route path="pipelines/:pipelineId?" element={<PipelinesSettings />} />
          <Route path="users" element={<UsersSettings />} />
          <Route path="teams" element={<TeamsSettings />} />
          <Route path="workspace" element={<WorkspaceSettings />} />
          <Route path="money" element={<MoneySettings />} />
          <Route path="leads" element={<LeadsSettings />} />
          <Route path="import" element={<ImportWizard />} />
          <Route path="profile" element={<ProfileSettings />} />
          <Route path="*" element={<Navigate to="/settings/pipelines" replace />} />
        </Routes>
      </div>
    </div>
  );
}
