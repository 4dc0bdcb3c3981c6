// A deal's history as plain data, and its state replayed at any instant. Every analytics number
// is computed from these immutable events, never from the current row, so a report for last
// quarter gives the same answer today as it would have on the last day of that quarter.

export type DealStatus = 'open' | 'won' | 'lost';
export type DealEventType =
  'created' | 'stage' | 'value' | 'currency' | 'close_date' | 'owner' | 'status';

/** One deal_events row; `at` is occurred_at in epoch milliseconds. */
export type HistoryEvent = {
  type: DealEventType;
  at: number;
  fromStageId: string | null;
  toStageId: string | null;
  fromPipelineId: string | null;
  toPipelineId: string | null;
  fromValue: number | null;
  toValue: number | null;
  fromText: string | null;
  toText: string | null;
  data: Record<string, unknown> | null;
};

/** The tracked fields of a deal, as the deals row holds them. Values are integer minor units. */
export type DealFields = {
  pipelineId: string;
  stageId: string;
  status: DealStatus;
  value: number;
  currency: string;
  ownerId: string;
  expectedCloseDate: string | null;
};

export type DealHistory = {
  dealId: string;
  /** The pipeline the deal was created in. */
  pipelineId: string;
  createdAt: number;
  /** Sorted by `at`, then by event id (the order they were written in). */
  events: readonly HistoryEvent[];
  current: DealFields;
};

export type DealState = { exists: false } | ({ exists: true; stageEnteredAt: number } & DealFields);

export type StageVisit = {
  stageId: string;
  pipelineId: string;
  enteredAt: number;
  /** null while the deal is still in the stage. */
  leftAt: number | null;
};

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The state after applying one event to the state before it. */
export function applyEvent(state: DealState, e: HistoryEvent): DealState {
  if (e.type === 'created') {
    return {
      exists: true,
      pipelineId: e.toPipelineId ?? '',
      stageId: e.toStageId ?? '',
      status: (e.toText ?? text(e.data?.status) ?? 'open') as DealStatus,
      value: e.toValue ?? 0,
      currency: text(e.data?.currency) ?? '',
      ownerId: text(e.data?.ownerId) ?? '',
      expectedCloseDate: text(e.data?.expectedCloseDate),
      stageEnteredAt: e.at,
    };
  }
  if (!state.exists) return state;
  switch (e.type) {
    case 'stage':
      return {
        ...state,
        stageId: e.toStageId ?? state.stageId,
        pipelineId: e.toPipelineId ?? state.pipelineId,
        stageEnteredAt: e.at,
      };
    case 'value':
      return { ...state, value: e.toValue ?? 0 };
    case 'currency':
      return { ...state, currency: e.toText ?? state.currency };
    case 'close_date':
      return { ...state, expectedCloseDate: e.toText };
    case 'owner':
      return { ...state, ownerId: e.toText ?? state.ownerId };
    case 'status':
      return { ...state, status: (e.toText ?? state.status) as DealStatus };
  }
}

/**
 * The deal as it stood at instant `at` (epoch ms). Events at exactly `at` are included: a deal
 * moved at 10:00:00.000 is in its new stage at 10:00:00.000. Before its 'created' event the
 * deal does not exist.
 */
export function replay(history: DealHistory, at: number): DealState {
  let state: DealState = { exists: false };
  for (const e of history.events) {
    if (e.at > at) break;
    state = applyEvent(state, e);
  }
  return state;
}

/**
 * The instants at which the deal changed, each with the state just before and just after all
 * events of that instant (a move into Won writes a stage and a status event at the same instant;
 * analytics must see them as one change).
 */
export function transitions(
  history: DealHistory,
): { at: number; before: DealState; after: DealState; events: HistoryEvent[] }[] {
  const out: { at: number; before: DealState; after: DealState; events: HistoryEvent[] }[] = [];
  let state: DealState = { exists: false };
  for (const e of history.events) {
    const last = out[out.length - 1];
    if (last && last.at === e.at) {
      last.after = applyEvent(last.after, e);
      last.events.push(e);
    } else {
      out.push({ at: e.at, before: state, after: applyEvent(state, e), events: [e] });
    }
    state = out[out.length - 1]?.after ?? state;
  }
  return out;
}

/** Every stay of the deal in a stage, in order: [enteredAt, leftAt), leftAt null for the last. */
export function stageVisits(history: DealHistory): StageVisit[] {
  const visits: StageVisit[] = [];
  for (const t of transitions(history)) {
    if (!t.after.exists) continue;
    const prev = visits[visits.length - 1];
    if (prev && prev.stageId === t.after.stageId && prev.pipelineId === t.after.pipelineId) {
      continue;
    }
    if (prev) prev.leftAt = t.at;
    visits.push({
      stageId: t.after.stageId,
      pipelineId: t.after.pipelineId,
      enteredAt: t.at,
      leftAt: null,
    });
  }
  return visits;
}
