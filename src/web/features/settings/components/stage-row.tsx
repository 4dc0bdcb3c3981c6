import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { useStageName, type Stage } from '../../../lib/queries/pipelines';
import { StageKindBadge } from './stage-kind-badge';
import { StageNameField } from './stage-name-field';
import { StageNumberField } from './stage-number-field';
import { StageRequirements } from './stage-requirements';
import { useStageSave } from './use-stage-save';

type Props = { stage: Stage; canEdit: boolean; onDelete: () => void };

/** One stage: drag handle, name, kind, requirements, probability, rotting days and delete. */
export function StageRow({ stage, canEdit, onDelete }: Props) {
  const { t } = useTranslation('settings');
  const stageName = useStageName();
  const save = useStageSave(stage);
  const sortable = useSortable({
    id: stage.id,
    disabled: !canEdit,
    attributes: { roleDescription: t('stages.sortable') },
  });
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition } =
    sortable;
  const name = stageName(stage.name);

  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={`settings-stage${canEdit ? '' : ' settings-stage-readonly'}${sortable.isDragging ? ' dragging' : ''}`}
      data-stage-id={stage.id}
    >
      {canEdit && (
        <button
          type="button"
          ref={setActivatorNodeRef}
          className="settings-drag-handle"
          {...attributes}
          {...listeners}
          aria-label={t('stages.dragHandle', { name })}
        >
          <span aria-hidden="true">⠿</span>
        </button>
      )}
      <div className="settings-stage-main">
        <StageNameField stage={stage} canEdit={canEdit} save={save} />
        <StageKindBadge kind={stage.kind} />
        <StageRequirements stage={stage} name={name} canEdit={canEdit} save={save} />
      </div>
      <StageNumberField stage={stage} field="probability" canEdit={canEdit} save={save} />
      <StageNumberField stage={stage} field="rottingDays" canEdit={canEdit} save={save} />
      {canEdit && (
        <Button
          variant="ghost"
          className="settings-stage-delete"
          onClick={onDelete}
          aria-label={t('stages.deleteNamed', { name })}
        >
          {t('actions.delete')}
        </Button>
      )}
    </li>
  );
}
