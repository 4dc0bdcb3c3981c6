// Turning a deal or lead into numbers for the learned score. Categorical values (source, owner)
// become one column each for the values seen in training; amounts enter as log10 so a deal ten
// times larger moves the score by a fixed step, not ten times as much.

export type Record = {
  source: string | null;
  ownerId: string | null;
  /** Minor units in the workspace currency, or null when unknown. */
  value: number | null;
  /** Criteria answered yes / no (leads), or 0. */
  criteriaYes: number;
  criteriaNo: number;
  /**
   * Activities done on it so far. Not a learned feature: a closed deal has all of its activities
   * and an open one only its first, so learning from the count would flatter the model (it did:
   * 88% on the demo). The rules use recent activity instead.
   */
  activities: number;
  hasCompany: boolean;
};

export type FeatureSpace = { sources: string[]; owners: string[] };

const norm = (s: string | null) => (s ?? '').trim().toLowerCase();

export function featureSpace(records: readonly Record[], minCount = 3): FeatureSpace {
  const count = (values: string[]) => {
    const m = new Map<string, number>();
    for (const v of values) if (v) m.set(v, (m.get(v) ?? 0) + 1);
    return [...m]
      .filter(([, c]) => c >= minCount)
      .map(([v]) => v)
      .sort();
  };
  return {
    sources: count(records.map((r) => norm(r.source))),
    owners: count(records.map((r) => r.ownerId ?? '')),
  };
}

export const featureNames = (space: FeatureSpace) => [
  'log10(value)',
  'criteria yes',
  'criteria no',
  'has company',
  ...space.sources.map((s) => `source: ${s}`),
  ...space.owners.map((o) => `owner: ${o}`),
];

export function features(space: FeatureSpace, r: Record): number[] {
  return [
    r.value && r.value > 0 ? Math.log10(r.value) : 0,
    r.criteriaYes,
    r.criteriaNo,
    r.hasCompany ? 1 : 0,
    ...space.sources.map((s) => (norm(r.source) === s ? 1 : 0)),
    ...space.owners.map((o) => (r.ownerId === o ? 1 : 0)),
  ];
}
