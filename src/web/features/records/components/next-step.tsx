import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import type { Deal } from '../../../lib/queries/deal-types';
import { activityIcons, useWhen } from './activity-item';

type Props = { deal: Deal; zone: string; onAdd: () => void };

/** The deal's next step at the top of its activities, or a flag that there is none. */
export function NextStep({ deal, zone, onAdd }: Props) {
  const { t } = useTranslation('records');
  const when = useWhen(zone);
  const next = deal.nextActivity;
  if (next) {
    return (
      <div className="rec-next-step" data-testid="next-step">
        <span className="rec-activity-icon" aria-hidden="true">
          {activityIcons[next.type]}
        </span>
        <div>
          <p className="rec-next-step-title">
            {t('activity.nextStepIs', {
              type: t(`activity.types.${next.type}`),
              when: when(next.dueAt, next.allDay),
            })}
          </p>
          <p className="rec-next-step-subject">{next.subject}</p>
        </div>
      </div>
    );
  }
  if (!deal.noNextStep) return null;
  return (
    <div className="rec-next-step is-missing" role="status" data-testid="next-step">
      <span className="rec-no-next-step-icon" aria-hidden="true">
        !
      </span>
      <div>
        <p className="rec-next-step-title">{t('activity.noNextStep')}</p>
        <p className="small">{t('activity.noNextStepHint')}</p>
      </div>
      <Button variant="primary" onClick={onAdd}>
        {t('activity.addNextStep')}
      </Button>
    </div>
  );
}
