// The funnel as rows for the chart and the table: the open stages in order, then won. Lost is
// left out: it is where deals leave the funnel, not a step of it.

export type FunnelStageData = {
  stageId: string;
  name: string;
  kind: 'open' | 'won' | 'lost';
  openCount: number;
  openTotals: { currency: string; value: number; weighted: number }[];
  reachedCount: number;
  conversionToNext: number | null;
};

export type FunnelRow = FunnelStageData & {
  /** Share of the deals that reached this stage and reached the next row (the next open stage, or won). */
  toNext: number | null;
};

export function funnelRows(stages: readonly FunnelStageData[]): FunnelRow[] {
  const open = stages.filter((s) => s.kind === 'open');
  const won = stages.find((s) => s.kind === 'won');
  const last = open[open.length - 1];
  const rows: FunnelRow[] = open.map((s) => ({ ...s, toNext: s.conversionToNext }));
  // The API stops at the last open stage; won deals reached every open stage, so won / last ≤ 1.
  const lastRow = rows[rows.length - 1];
  if (won && last && lastRow && last.reachedCount > 0)
    lastRow.toNext = won.reachedCount / last.reachedCount;
  if (won) rows.push({ ...won, toNext: null });
  return rows;
}

export const hasDeals = (rows: readonly FunnelRow[]) =>
  rows.some((r) => r.reachedCount > 0 || r.openCount > 0);
