// The Reports page keeps its filters in the URL, so a report can be bookmarked and shared.
import { periodPresets, presetRange, type DateRange, type PeriodPreset } from './report-periods';

export type ReportSearch = {
  preset: PeriodPreset | 'custom';
  /** Only for the custom period. */
  from?: string | undefined;
  to?: string | undefined;
  ownerId?: string | undefined;
  teamId?: string | undefined;
  source?: string | undefined;
  mode: 'cohort' | 'active';
  unit: 'week' | 'month' | 'quarter';
};

export const DEFAULT_PRESET: PeriodPreset = 'last12Months';

const isDate = (v: string | null): v is string => !!v && /^\d{4}-\d{2}-\d{2}$/.test(v);
const oneOf = <T extends string>(v: string | null, options: readonly T[], fallback: T): T =>
  options.includes(v as T) ? (v as T) : fallback;

export function readSearch(search: URLSearchParams): ReportSearch {
  const from = search.get('from');
  const to = search.get('to');
  // A custom period needs both days; a link with only one falls back to the default preset.
  const custom = search.get('preset') === 'custom' && isDate(from) && isDate(to);
  return {
    preset: custom ? 'custom' : oneOf(search.get('preset'), periodPresets, DEFAULT_PRESET),
    ...(custom && { from, to }),
    ownerId: search.get('ownerId') || undefined,
    teamId: search.get('teamId') || undefined,
    source: search.get('source') || undefined,
    mode: oneOf(search.get('mode'), ['cohort', 'active'] as const, 'cohort'),
    unit: oneOf(search.get('unit'), ['week', 'month', 'quarter'] as const, 'month'),
  };
}

export function writeSearch(s: ReportSearch): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(s)) {
    if (typeof value === 'string' && value) out.set(key, value);
  }
  if (s.preset !== 'custom') {
    out.delete('from');
    out.delete('to');
  }
  return out;
}

export function rangeOf(s: ReportSearch, today: string): DateRange {
  if (s.preset === 'custom' && s.from && s.to) return { from: s.from, to: s.to };
  return presetRange(s.preset === 'custom' ? DEFAULT_PRESET : s.preset, today);
}
