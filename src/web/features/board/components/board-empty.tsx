import { useTranslation } from 'react-i18next';
import type { Board } from '../../../lib/queries/deal-types';

/** Says what to do when the board has no card at all: add a deal, or loosen the filters. */
export function BoardEmpty({ board, filtered }: { board: Board; filtered: boolean }) {
  const { t } = useTranslation('board');
  if (board.columns.some((c) => c.count > 0)) return null;
  const key = filtered ? 'noMatch' : 'empty';
  return (
    <div className="board-empty" role="status">
      <p className="board-empty-title">{t(`${key}.title`)}</p>
      <p>{t(`${key}.body`)}</p>
    </div>
  );
}
