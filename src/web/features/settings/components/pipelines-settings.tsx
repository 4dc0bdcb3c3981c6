import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Button } from '../../../components/ui/button';
import { EmptyState } from '../../../components/ui/empty-state';
import { usePipelines, useStageName } from '../../../lib/queries/pipelines';
import { useCurrentUser } from '../../session/use-me';
import { AddStageForm } from './add-stage-form';
import { NewPipelineDialog } from './new-pipeline-dialog';
import { PipelineHeader } from './pipeline-header';
import { StageList } from './stage-list';
import { ErrorState, LoadingState, ReadOnlyNote } from './states';

export function PipelinesSettings() {
  const { t } = useTranslation('settings');
  const me = useCurrentUser();
  const canEdit = me.role !== 'rep';
  const pipelines = usePipelines();
  const stageName = useStageName();
  const navigate = useNavigate();
  const { pipelineId } = useParams();
  const [creating, setCreating] = useState(false);

  const list = pipelines.data ?? [];
  const selected = list.find((p) => p.id === pipelineId) ?? list[0];

  return (
    <section className="settings-section" aria-labelledby="settings-pipelines-title">
      <header className="settings-header">
        <h2 id="settings-pipelines-title">{t('pipelines.title')}</h2>
        {canEdit && (
          <Button variant="primary" onClick={() => setCreating(true)}>
            + {t('pipelines.new')}
          </Button>
        )}
      </header>
      <p className="settings-intro muted">{t('pipelines.intro')}</p>
      {!canEdit && <ReadOnlyNote>{t('pipelines.readOnly')}</ReadOnlyNote>}
      {pipelines.isPending ? (
        <LoadingState />
      ) : pipelines.isError ? (
        <ErrorState error={pipelines.error} onRetry={() => void pipelines.refetch()} />
      ) : !selected ? (
        <EmptyState title={t('pipelines.emptyTitle')}>
          <p>{canEdit ? t('pipelines.emptyBody') : t('pipelines.emptyBodyReadOnly')}</p>
        </EmptyState>
      ) : (
        <>
          <nav className="settings-tabs" aria-label={t('pipelines.choose')}>
            {list.map((p) => (
              <Link
                key={p.id}
                to={`/settings/pipelines/${p.id}`}
                className={`settings-tab${p.id === selected.id ? ' active' : ''}`}
                aria-current={p.id === selected.id ? 'page' : undefined}
              >
                {stageName(p.name)}
              </Link>
            ))}
          </nav>
          <div className="card settings-pipeline">
            <PipelineHeader
              key={`header-${selected.id}`}
              pipeline={selected}
              canEdit={canEdit}
              onDeleted={() => navigate('/settings/pipelines', { replace: true })}
            />
            <StageList pipeline={selected} pipelines={list} canEdit={canEdit} />
            {canEdit && <AddStageForm key={`add-${selected.id}`} pipeline={selected} />}
          </div>
        </>
      )}
      <NewPipelineDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(created) => {
          setCreating(false);
          navigate(`/settings/pipelines/${created.id}`);
        }}
      />
    </section>
  );
}
