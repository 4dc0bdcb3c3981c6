// Funnel versus pipeline per source channel: leads in, leads qualified, deals created and won, won
// value and marketing spend in the workspace currency, and what the spend bought. Definitions:
// docs/metrics.md, "Channels". A ratio without a denominator, or with an amount that had no rate,
// is null: no answer, not zero.
import type { Amount } from '../exchange.js';
import { closingIn } from './closings.js';
import type { DealHistory } from './history.js';
import {
  complete,
  inBase,
  inBaseOfSums,
  type Conversion,
  type InBase,
  type SummedAmount,
} from './in-base.js';
import { inPeriod, type Period } from './stages.js';

/** A lead, or `count` leads of one source whose instants fall alike in or out of the period. */
export type LeadFact = {
  source: string | null;
  createdAt: number;
  convertedAt: number | null;
  count?: number;
};
/** The deals of one source created in the pipeline in the period, and their wins there. */
export type ChannelDealFact = { source: string | null; created: number; won: SummedAmount[] };
export type SourcedHistory = { history: DealHistory; source: string | null };
/** One month's spend on a channel; `month` is its first day, 'YYYY-MM-01'. */
export type SpendFact = { channel: string; month: string; minor: number; currency: string };

export type ChannelsInput = {
  leads: readonly LeadFact[];
  deals: readonly SourcedHistory[];
  spend: readonly SpendFact[];
  pipelineId: string;
  period: Period;
  /** The period's first and last local day ('YYYY-MM-DD'), for the spend months. */
  days: { from: string; to: string };
  /** The local date of an instant in the report's zone: the date whose rate converts it. */
  dateOf: (instant: number) => string;
  conversion: Conversion;
};

export type ChannelRow = {
  /** As first entered in the spend, else the first spelling in alphabetical order; null: none. */
  channel: string | null;
  leadsCreated: number;
  leadsQualified: number;
  dealsCreated: number;
  dealsWon: number;
  wonValue: InBase;
  /** null when no spend was entered for the channel in any month counted. */
  spend: InBase | null;
  costPerLead: number | null;
  costPerWonDeal: number | null;
  returnOnSpend: number | null;
};

/** The key a channel is matched by: sources and spend channels agree without regard to case. */
export const channelKey = (source: string | null): string | null => {
  const trimmed = source?.trim() ?? '';
  return trimmed === '' ? null : trimmed.toLowerCase();
};

/** A month counts when its first day lies within the period's days. */
export const spendMonthCounts = (month: string, days: { from: string; to: string }) =>
  month >= days.from && month <= days.to;

type Tally = {
  names: Set<string>;
  spendName: string | null;
  leadsCreated: number;
  leadsQualified: number;
  dealsCreated: number;
  won: SummedAmount[];
  spend: Amount[];
};

export function channels(input: ChannelsInput): ChannelRow[] {
  return channelRows({ ...input, deals: channelDealFacts(input) });
}

/** The deal facts per source, replayed from the histories. */
export function channelDealFacts(
  input: Pick<ChannelsInput, 'deals' | 'pipelineId' | 'period' | 'dateOf'>,
): ChannelDealFact[] {
  const { period, pipelineId } = input;
  const facts: ChannelDealFact[] = [];
  for (const { history, source } of input.deals) {
    const created = history.pipelineId === pipelineId && inPeriod(period, history.createdAt);
    const closing = closingIn(history, period);
    const won = closing?.outcome === 'won' && closing.pipelineId === pipelineId;
    if (!created && !won) continue;
    facts.push({
      source,
      created: created ? 1 : 0,
      won: won
        ? [
            {
              minor: closing.value,
              currency: closing.currency,
              date: input.dateOf(closing.at),
              count: 1,
            },
          ]
        : [],
    });
  }
  return facts;
}

export type ChannelRowsInput = Omit<ChannelsInput, 'deals' | 'pipelineId' | 'dateOf'> & {
  deals: readonly ChannelDealFact[];
};

/** The channel rows from the leads, the deal facts per source and the spend. */
export function channelRows(input: ChannelRowsInput): ChannelRow[] {
  const { period } = input;
  const tallies = new Map<string | null, Tally>();
  const tally = (name: string | null): Tally => {
    const key = channelKey(name);
    let t = tallies.get(key);
    if (!t) {
      t = {
        names: new Set(),
        spendName: null,
        leadsCreated: 0,
        leadsQualified: 0,
        dealsCreated: 0,
        won: [],
        spend: [],
      };
      tallies.set(key, t);
    }
    if (key !== null) t.names.add((name as string).trim());
    return t;
  };

  for (const lead of input.leads) {
    const n = lead.count ?? 1;
    if (inPeriod(period, lead.createdAt)) tally(lead.source).leadsCreated += n;
    if (lead.convertedAt !== null && inPeriod(period, lead.convertedAt))
      tally(lead.source).leadsQualified += n;
  }
  for (const { source, created, won } of input.deals) {
    const t = tally(source);
    t.dealsCreated += created;
    t.won.push(...won);
  }
  for (const s of input.spend) {
    if (!spendMonthCounts(s.month, input.days)) continue;
    const t = tally(s.channel);
    t.spendName ??= s.channel.trim();
    t.spend.push({ minor: s.minor, currency: s.currency, date: s.month });
  }

  return [...tallies.entries()]
    .map(([key, t]) => row(key, t, input.conversion))
    .sort((a, b) => order(a.channel, b.channel));
}

function row(key: string | null, t: Tally, conversion: Conversion): ChannelRow {
  const wonValue = inBaseOfSums(t.won, conversion);
  const dealsWon = t.won.reduce((n, a) => n + a.count, 0);
  const spend = t.spend.length === 0 ? null : inBase(t.spend, conversion);
  const spendKnown = spend !== null && complete(spend);
  const per = (count: number) => (spendKnown && count > 0 ? spend.total / count : null);
  return {
    channel: key === null ? null : (t.spendName ?? ([...t.names].sort()[0] as string)),
    leadsCreated: t.leadsCreated,
    leadsQualified: t.leadsQualified,
    dealsCreated: t.dealsCreated,
    dealsWon,
    wonValue,
    spend,
    costPerLead: per(t.leadsCreated),
    costPerWonDeal: per(dealsWon),
    returnOnSpend:
      spendKnown && spend.total !== 0 && complete(wonValue)
        ? (wonValue.total - spend.total) / spend.total
        : null,
  };
}

// Alphabetical without regard to case; deals and leads without a source come last.
function order(a: string | null, b: string | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return a.localeCompare(b, 'en', { sensitivity: 'base' });
}
