// A dashboard's filters: the saved ones, overridden by any the address names, so a filtered
// dashboard can be bookmarked and shared without saving it. An empty value in the address clears
// a saved filter ("ownerId=" shows everyone's deals on a dashboard saved for one owner).
import type { DashboardFilters } from '../../../../contracts/dashboards.js';
import { periodPresets, presetRange, type DateRange } from '../../reports/model/report-periods.js';

const KEYS = ['preset', 'from', 'to', 'pipelineId', 'ownerId', 'teamId'] as const;
type Key = (typeof KEYS)[number];

const isDate = (v: string | undefined): v is string => !!v && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** The filters in effect: the saved ones with the address's on top. */
export function effectiveFilters(
  saved: DashboardFilters,
  search: URLSearchParams,
): DashboardFilters {
  const out: Record<string, string | undefined> = { ...saved };
  for (const key of KEYS) if (search.has(key)) out[key] = search.get(key) || undefined;
  const preset = out.preset;
  const custom = preset === 'custom' && isDate(out.from) && isDate(out.to) && out.from <= out.to;
  return {
    preset: custom
      ? 'custom'
      : periodPresets.includes(preset as never)
        ? (preset as never)
        : 'thisQuarter',
    ...(custom && { from: out.from, to: out.to }),
    ...(out.pipelineId && { pipelineId: out.pipelineId }),
    ...(out.ownerId && { ownerId: out.ownerId }),
    ...(out.teamId && { teamId: out.teamId }),
  };
}

/** The address for `next`: only what differs from the saved filters is written. */
export function filtersToSearch(
  saved: DashboardFilters,
  next: DashboardFilters,
  current: URLSearchParams,
): URLSearchParams {
  const out = new URLSearchParams(current);
  for (const key of KEYS) {
    const a = (saved as Record<Key, string | undefined>)[key];
    const b = (next as Record<Key, string | undefined>)[key];
    if ((a ?? '') === (b ?? '')) out.delete(key);
    else out.set(key, b ?? '');
  }
  return out;
}

/** Whether the address overrides any saved filter. */
export const overrides = (search: URLSearchParams) => KEYS.some((k) => search.has(k));

/** The calendar days of the filters around `today`. */
export function rangeOfFilters(f: DashboardFilters, today: string): DateRange {
  if (f.preset === 'custom' && f.from && f.to) return { from: f.from, to: f.to };
  return presetRange(f.preset === 'custom' ? 'thisQuarter' : f.preset, today);
}
