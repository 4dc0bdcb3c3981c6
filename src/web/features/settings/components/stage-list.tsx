import { closestCenter, DndContext, type DragEndEvent, type UniqueIdentifier } from '@dnd-kit/core';
import { arrayMove, SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useToast } from '../../../components/ui/toast';
import { ApiError } from '../../../lib/api-client';
import { useStageName, type Pipeline, type Stage } from '../../../lib/queries/pipelines';
import { listAnnouncements, useSortableSensors } from '../../../lib/sortable-list';
import { useReorderStages } from '../api/reorder-stages';
import { DeleteStageDialog } from './delete-stage-dialog';
import { StageRow } from './stage-row';

type Props = { pipeline: Pipeline; pipelines: Pipeline[]; canEdit: boolean };

/** The stages in order; drag a row by its handle (or Space and the arrow keys) to reorder. */
export function StageList({ pipeline, pipelines, canEdit }: Props) {
  const { t } = useTranslation('settings');
  const stageName = useStageName();
  const toast = useToast();
  const reorder = useReorderStages();
  const [deleting, setDeleting] = useState<Stage | null>(null);
  const sensors = useSortableSensors();
  const ids = pipeline.stages.map((s) => s.id);
  const nameOf = (id: UniqueIdentifier) => {
    const stage = pipeline.stages.find((s) => s.id === id);
    return stage ? stageName(stage.name) : '';
  };
  const announcements = listAnnouncements(ids, nameOf, (kind, name, position) =>
    t(`stages.announce.${kind}`, { name, position }),
  );

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const stageIds = arrayMove(ids, ids.indexOf(String(active.id)), ids.indexOf(String(over.id)));
    reorder.mutate(
      { pipelineId: pipeline.id, stageIds },
      {
        onError: (error) =>
          toast.show(
            t('stages.reorderFailed', {
              reason: error instanceof ApiError ? error.message : t('errors.network'),
            }),
            'error',
          ),
      },
    );
  };

  return (
    <>
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{
          announcements,
          screenReaderInstructions: { draggable: t('stages.dragInstructions') },
        }}
      >
        <SortableContext items={ids} strategy={verticalListSortingStrategy}>
          <ol
            className="settings-stages"
            data-testid="settings-stages"
            aria-label={t('stages.title')}
          >
            {pipeline.stages.map((stage) => (
              <StageRow
                key={stage.id}
                stage={stage}
                canEdit={canEdit}
                onDelete={() => setDeleting(stage)}
              />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      <DeleteStageDialog
        key={deleting?.id ?? 'none'}
        stage={deleting}
        pipelines={pipelines}
        onClose={() => setDeleting(null)}
      />
    </>
  );
}
