import { useTranslation } from 'react-i18next';
import type { DashboardWidget } from '../../../../contracts/dashboards';

type Options = DashboardWidget['options'];
type Choice = { key: keyof Options; values: readonly string[] };

/** The options a widget's report reads (trend buckets, conversion mode, rows, period, whose quota). */
function choicesOf(w: DashboardWidget): Choice[] {
  const which = w.kind === 'number' ? w.metric : w.report;
  switch (which) {
    case 'trend':
      return [{ key: 'unit', values: ['week', 'month', 'quarter'] }];
    case 'conversion':
      return w.kind === 'chart' ? [{ key: 'mode', values: ['cohort', 'active'] }] : [];
    case 'leaderboard':
      return [{ key: 'by', values: ['owner', 'team'] }];
    case 'forecast':
      return [{ key: 'periodUnit', values: ['month', 'quarter', 'year'] }];
    case 'quotaAttainment':
      return [
        { key: 'subject', values: ['me', 'team'] },
        { key: 'periodUnit', values: ['month', 'quarter', 'year'] },
      ];
    default:
      return [];
  }
}

const DEFAULTS: Options = {
  unit: 'month',
  mode: 'cohort',
  by: 'owner',
  periodUnit: 'quarter',
  subject: 'me',
};

/** While editing: a select per option of the widget's report; each change saves the layout. */
export function WidgetOptions({
  widget,
  title,
  onChange,
}: {
  widget: DashboardWidget;
  title: string;
  onChange: (options: Options) => void;
}) {
  const { t } = useTranslation('dashboards');
  const choices = choicesOf(widget);
  if (choices.length === 0) return null;
  return (
    <div className="dash-widget-options">
      {choices.map(({ key, values }) => (
        <label key={key}>
          <span className="visually-hidden">
            {title}: {t(`options.${key}`)}
          </span>
          <select
            value={String(widget.options[key] ?? DEFAULTS[key])}
            onChange={(e) => onChange({ ...widget.options, [key]: e.target.value })}
          >
            {values.map((v) => (
              <option key={v} value={v}>
                {t(`options.values.${key === 'subject' ? `subject_${v}` : v}`)}
              </option>
            ))}
          </select>
        </label>
      ))}
    </div>
  );
}
