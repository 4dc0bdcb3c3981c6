// Stage-to-stage conversion of one pipeline. A deal "reached" an open stage when it was ever in
// that stage or in a later open stage, or was won: a deal created straight into Proposal has
// passed Qualification, and one moved back from Proposal to Qualification still reached Proposal.
// That makes reached counts fall (never rise) along the open stages, so conversions stay in 0..1.

export type FunnelStageInput = { kind: 'open' | 'won' | 'lost' };

export type FunnelDeal = {
  /** Indexes (into the ordered stages) of the stages the deal has been in, the current one too. */
  reached: Iterable<number>;
  won: boolean;
  /** How many deals share this history; lets the caller pass grouped rows. Default 1. */
  count?: number;
};

export type FunnelStageResult = { reachedCount: number; conversionToNext: number | null };

export function computeFunnel(
  stages: readonly FunnelStageInput[],
  deals: Iterable<FunnelDeal>,
): FunnelStageResult[] {
  const reached = stages.map(() => 0);
  for (const deal of deals) {
    const n = deal.count ?? 1;
    const seen = new Set(deal.reached);
    let furthestOpen = -1;
    for (const i of seen) {
      if (stages[i]?.kind === 'open' && i > furthestOpen) furthestOpen = i;
    }
    stages.forEach((stage, i) => {
      const hit =
        stage.kind === 'open'
          ? deal.won || i <= furthestOpen
          : seen.has(i) || (stage.kind === 'won' && deal.won);
      if (hit) reached[i] = (reached[i] ?? 0) + n;
    });
  }
  return stages.map((stage, i) => {
    const count = reached[i] ?? 0;
    if (stage.kind !== 'open') return { reachedCount: count, conversionToNext: null };
    const next = stages.findIndex((s, j) => j > i && s.kind === 'open');
    return {
      reachedCount: count,
      conversionToNext: next === -1 || count === 0 ? null : (reached[next] ?? 0) / count,
    };
  });
}
