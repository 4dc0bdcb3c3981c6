import { useTranslation } from 'react-i18next';
import type { AttentionDeal } from '../api/attention';

type Reason = AttentionDeal['reasons'][number];

/** Why a deal needs attention, in words. */
export function AttentionReasons({ reasons }: { reasons: Reason[] }) {
  const { t } = useTranslation('activities');
  const say = (reason: Reason): string => {
    switch (reason.flag) {
      case 'rotting':
        return t('attention.rotting', { count: reason.idleDays, limit: reason.rottingDays });
      case 'closeDateOverdue':
        return t('attention.closeDateOverdue', { count: reason.daysOverdue });
      case 'closeDatePushed':
        return t('attention.closeDatePushed', { count: reason.pushes, limit: reason.limit });
      case 'noNextStep':
        return t('attention.noNextStep');
    }
  };
  return (
    <ul className="activities-reasons" aria-label={t('attention.reasons')}>
      {reasons.map((reason) => (
        <li key={reason.flag} className={`activities-reason activities-reason-${reason.flag}`}>
          {say(reason)}
        </li>
      ))}
    </ul>
  );
}
