import { useCallback, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { defaultColumns, listColumns, toggleColumn, type ListColumn } from '../model/deal-columns';
import { useDismiss } from './use-dismiss';

type Props = { columns: ListColumn[]; onChange: (columns: ListColumn[]) => void };

/** A button that opens a list of checkboxes, one per column; the table follows at once. */
export function ColumnPicker({ columns, onChange }: Props) {
  const { t } = useTranslation('deals');
  const [open, setOpen] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  useDismiss(
    container,
    open,
    useCallback(() => setOpen(false), []),
    button,
  );
  const shown = new Set(columns);

  return (
    <div className="deals-popover-anchor" ref={container}>
      <button
        ref={button}
        type="button"
        className="btn btn-secondary"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        {t('columnPicker.button')} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div id={panelId} className="deals-popover">
          <fieldset className="deals-column-list">
            <legend>{t('columnPicker.legend')}</legend>
            {listColumns.map((column) => {
              const last = shown.size === 1 && shown.has(column);
              return (
                <label key={column} title={last ? t('columnPicker.lastOne') : undefined}>
                  <input
                    type="checkbox"
                    checked={shown.has(column)}
                    disabled={last}
                    onChange={() => onChange(toggleColumn(columns, column))}
                  />
                  {t(`columns.${column}`)}
                </label>
              );
            })}
          </fieldset>
          <Button variant="ghost" onClick={() => onChange([...defaultColumns])}>
            {t('columnPicker.reset')}
          </Button>
        </div>
      )}
    </div>
  );
}
