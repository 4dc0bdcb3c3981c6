import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../session/use-me';
import { useWorkspace } from '../api/workspace';
import { ErrorState, LoadingState, ReadOnlyNote } from './states';
import { WorkspaceForm } from './workspace-form';

/** Workspace name, who sees which deals, default currency and time zone (admins change them). */
export function WorkspaceSettings() {
  const { t } = useTranslation('settings');
  const me = useCurrentUser();
  const workspace = useWorkspace();
  const isAdmin = me.role === 'admin';

  return (
    <section className="settings-section" aria-labelledby="settings-workspace-title">
      <header className="settings-header">
        <h2 id="settings-workspace-title">{t('workspace.title')}</h2>
      </header>
      {!isAdmin && <ReadOnlyNote>{t('workspace.readOnly')}</ReadOnlyNote>}
      {workspace.isPending || (workspace.isFetching && !workspace.isFetchedAfterMount) ? (
        <LoadingState />
      ) : workspace.isError ? (
        <ErrorState error={workspace.error} onRetry={() => void workspace.refetch()} />
      ) : (
        <WorkspaceForm workspace={workspace.data} canEdit={isAdmin} />
      )}
    </section>
  );
}
