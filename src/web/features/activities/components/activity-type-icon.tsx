import { useTranslation } from 'react-i18next';
import type { MyDayActivity } from '../api/my-day';

// Simple outline icons (24×24, drawn with the current text colour), so no emoji font is needed.
const paths: Record<MyDayActivity['type'], string> = {
  call: 'M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2',
  meeting:
    'M9 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6M3 20v-1a5 5 0 0 1 10 0v1M16 11a3 3 0 1 0 0-6M17 14a5 5 0 0 1 4 5v1',
  task: 'M4 4h16v16H4zM8 12l3 3 5-6',
  email: 'M3 6h18v12H3zM3 7l9 6 9-6',
  note: 'M6 3h9l4 4v14H6zM9 12h7M9 16h7M9 8h4',
};

/** The type's icon, with its name for screen readers and as a tooltip. */
export function ActivityTypeIcon({ type }: { type: MyDayActivity['type'] }) {
  const { t } = useTranslation('activities');
  const name = t(`types.${type}`);
  return (
    <span className={`activities-type-icon activities-type-${type}`} title={name}>
      <svg
        viewBox="0 0 24 24"
        width="18"
        height="18"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
      >
        <path d={paths[type]} />
      </svg>
      <span className="visually-hidden">{name}</span>
    </span>
  );
}
