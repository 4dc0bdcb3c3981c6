import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { useToast } from '../../../components/ui/toast';
import { formatDateTime } from '../../../lib/format';
import { useCurrentUser, userTimeZone } from '../../session/use-me';
import { useSnapshotNow, useSnapshots } from '../api/snapshots';

/** When the pipeline's forecast was last kept, and (managers, admins) keep this week's now. */
export function SnapshotButton({ pipelineId }: { pipelineId: string }) {
  const { t, i18n } = useTranslation('forecast');
  const me = useCurrentUser();
  const toast = useToast();
  // Reps may not read snapshots: no request for them.
  const snapshots = useSnapshots(me.role === 'rep' ? '' : pipelineId);
  const take = useSnapshotNow();
  if (me.role === 'rep' || snapshots.data === null) return null;
  const last = snapshots.data?.[0];
  return (
    <div className="forecast-snapshot">
      <p className="muted small">
        {last
          ? t('snapshots.last', {
              when: formatDateTime(last.takenAt, i18n.language, userTimeZone(me)),
            })
          : t('snapshots.none')}
      </p>
      <Button
        disabled={take.isPending}
        onClick={() =>
          take.mutate(pipelineId, {
            onSuccess: (r) =>
              toast.show(
                r.taken > 0 ? t('snapshots.taken') : t('snapshots.already', { week: r.weekStart }),
              ),
            onError: (err) => toast.show(err.message, 'error'),
          })
        }
      >
        {take.isPending ? t('snapshots.taking') : t('snapshots.now')}
      </Button>
    </div>
  );
}
