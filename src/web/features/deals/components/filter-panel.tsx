import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Props = { count: number; children: ReactNode; before?: ReactNode; className?: string };

/** A box of filters; on a phone they fold behind a "Filters (n)" toggle, `before` stays in view. */
export function FilterPanel({ count, children, before, className }: Props) {
  const { t } = useTranslation('deals');
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <section
      className={`deals-filters${className ? ` ${className}` : ''}`}
      aria-label={t('filters.label')}
    >
      {before}
      <button
        type="button"
        className="btn btn-secondary deals-filters-toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        {count ? t('filters.toggleCount', { count }) : t('filters.toggle')}{' '}
        <span aria-hidden="true">{open ? '▴' : '▾'}</span>
      </button>
      <div id={panelId} className={`deals-filters-panel${open ? ' is-open' : ''}`}>
        {children}
      </div>
    </section>
  );
}
