import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DuplicateMatch } from '../api/keys';

type DuplicateWarningProps = {
  kind: 'contact' | 'company';
  matches: DuplicateMatch[] | undefined;
  /** Following a link leaves the dialog. */
  onOpen: () => void;
};

/** "Possible duplicate: <link>" under the input; a hint, never a block. Always in the DOM, so
 *  screen readers announce it when it appears. */
export function DuplicateWarning({ kind, matches, onOpen }: DuplicateWarningProps) {
  const { t } = useTranslation('records');
  const base = kind === 'contact' ? '/contacts' : '/companies';
  return (
    <div className="rec-duplicates" role="status">
      {matches && matches.length > 0 && (
        <p>
          <span aria-hidden="true">⚠ </span>
          {t('duplicates.possible')}{' '}
          {matches.map((m, i) => (
            <span key={m.id}>
              {i > 0 && ', '}
              <Link to={`${base}/${m.id}`} onClick={onOpen}>
                {m.name}
              </Link>{' '}
              <span className="muted small">({t(`duplicates.on.${m.matchedOn}`)})</span>
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
