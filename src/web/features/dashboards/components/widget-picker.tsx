import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import type { DashboardWidget } from '../../../../contracts/dashboards';
import { newWidget, pickerChoices } from '../model/widget-catalog';

type Kind = DashboardWidget['kind'];
const KINDS: Kind[] = ['number', 'chart', 'table'];

/** Choose a kind and a report or number; the widget goes to the end of the grid. */
export function WidgetPicker({
  open,
  onClose,
  onAdd,
}: {
  open: boolean;
  onClose: () => void;
  onAdd: (w: ReturnType<typeof newWidget>) => void;
}) {
  const { t } = useTranslation('dashboards');
  const { t: common } = useTranslation();
  const [kind, setKind] = useState<Kind>('number');
  const choices: readonly string[] = pickerChoices[kind];
  const [which, setWhich] = useState<string>(choices[0] ?? '');
  const current = choices.includes(which) ? which : (choices[0] ?? '');
  const label = (c: string) => (kind === 'number' ? t(`metrics.${c}`) : t(`reports.${c}`));

  return (
    <Dialog open={open} title={t('picker.title')} onClose={onClose}>
      <form
        className="dash-picker"
        onSubmit={(e) => {
          e.preventDefault();
          onAdd(newWidget(kind, current));
          onClose();
        }}
      >
        <fieldset className="dash-picker-kinds">
          <legend>{t('picker.kind')}</legend>
          {KINDS.map((k) => (
            <label key={k}>
              <input
                type="radio"
                name="dash-kind"
                value={k}
                checked={kind === k}
                onChange={() => setKind(k)}
              />{' '}
              {t(`kinds.${k}`)}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="dash-picker-report">{t('picker.report')}</label>
          <select
            id="dash-picker-report"
            value={current}
            onChange={(e) => setWhich(e.target.value)}
          >
            {choices.map((c) => (
              <option key={c} value={c}>
                {label(c)}
              </option>
            ))}
          </select>
        </div>
        <div className="dash-picker-actions">
          <Button type="button" variant="ghost" onClick={onClose}>
            {common('actions.cancel')}
          </Button>
          <Button type="submit" variant="primary">
            {t('picker.add')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
