import { useTranslation } from 'react-i18next';
import type { Stage } from '../../../lib/queries/pipelines';

/** Open, won or lost: won and lost stages close a deal. */
export function StageKindBadge({ kind }: { kind: Stage['kind'] }) {
  const { t } = useTranslation('settings');
  return <span className={`settings-badge settings-kind-${kind}`}>{t(`stages.kind.${kind}`)}</span>;
}
