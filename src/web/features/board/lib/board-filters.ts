// The board's filters live in the URL (shareable, survive a reload) under the API's own names.

export type BoardFilters = {
  ownerId?: string;
  teamId?: string;
  source?: string;
  valueMin?: number;
  valueMax?: number;
  closeFrom?: string;
  closeTo?: string;
  q?: string;
  /** "My deals": the viewer's own, whoever opens the link. */
  mine?: boolean;
};

/** What the board endpoints take: `mine` becomes the viewer's ownerId. */
export type BoardApiFilters = Omit<BoardFilters, 'mine'>;

const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);
const isId = (v: string) => /^[0-9a-f-]{36}$/i.test(v);

function amount(v: string | null): number | undefined {
  if (v === null || !/^\d{1,15}$/.test(v)) return undefined;
  return Number(v);
}

/** Reads filters from search params, dropping what the API would refuse. */
export function readFilters(params: URLSearchParams): BoardFilters {
  const text = (key: string, max: number) => {
    const v = params.get(key)?.trim();
    return v ? v.slice(0, max) : undefined;
  };
  const ownerId = text('ownerId', 36);
  const teamId = text('teamId', 36);
  const closeFrom = text('closeFrom', 10);
  const closeTo = text('closeTo', 10);
  const filters: BoardFilters = {
    ownerId: ownerId && isId(ownerId) ? ownerId : undefined,
    teamId: teamId && isId(teamId) ? teamId : undefined,
    source: text('source', 80),
    valueMin: amount(params.get('valueMin')),
    valueMax: amount(params.get('valueMax')),
    closeFrom: closeFrom && isDate(closeFrom) ? closeFrom : undefined,
    closeTo: closeTo && isDate(closeTo) ? closeTo : undefined,
    q: text('q', 200),
    mine: params.get('mine') === '1' || undefined,
  };
  return Object.fromEntries(
    Object.entries(filters).filter(([, v]) => v !== undefined),
  ) as BoardFilters;
}

export function apiFilters(filters: BoardFilters, meId: string): BoardApiFilters {
  const { mine, ...rest } = filters;
  return mine ? { ...rest, ownerId: meId } : rest;
}

/** How many filters narrow the board (shown on the Filters button). */
export const activeFilterCount = (filters: BoardFilters) =>
  Object.keys(filters).filter((k) => k !== 'q' && k !== 'mine').length;

export const hasFilters = (filters: BoardFilters) => Object.keys(filters).length > 0;

export type FilterKey = keyof BoardFilters;
export const filterKeys: FilterKey[] = [
  'ownerId',
  'teamId',
  'source',
  'valueMin',
  'valueMax',
  'closeFrom',
  'closeTo',
  'q',
  'mine',
];
