// Deal history events in words. Pure (no React, no imports) so it runs in unit tests as is:
// the caller passes the translator and the lookups for ids, money and dates.

export type HistoryEvent = {
  id: number;
  type: 'created' | 'stage' | 'value' | 'currency' | 'close_date' | 'owner' | 'status';
  occurredAt: string;
  actorName: string | null;
  fromStageId: string | null;
  toStageId: string | null;
  fromValue: number | null;
  toValue: number | null;
  fromText: string | null;
  toText: string | null;
  data: Record<string, unknown> | null;
};

export type Translate = (key: string, values?: Record<string, string>) => string;

export type HistoryLookups = {
  t: Translate;
  stageName: (stageId: string | null) => string;
  userName: (userId: string | null) => string;
  money: (minor: number, currency: string) => string;
  date: (isoDate: string) => string;
};

export type DescribedEvent = { id: number; text: string; occurredAt: string };

type Currencies = { from: string; to: string };

/**
 * The currency a value event was in. Value events carry no currency, so walk back from the
 * deal's current one: before a currency event the deal was in its `fromText`. A value and a
 * currency changed in one save share the same instant; the old value is in the old currency.
 */
export function currenciesOf(eventsOldestFirst: HistoryEvent[], current: string) {
  const result = new Map<number, Currencies>();
  let after = current;
  for (let i = eventsOldestFirst.length - 1; i >= 0; i -= 1) {
    const event = eventsOldestFirst[i] as HistoryEvent;
    if (event.type === 'currency') {
      after = event.fromText ?? after;
      continue;
    }
    if (event.type !== 'value' && event.type !== 'created') continue;
    const sameSave = eventsOldestFirst.find(
      (e) => e.type === 'currency' && e.occurredAt === event.occurredAt,
    );
    result.set(
      event.id,
      sameSave
        ? { from: sameSave.fromText ?? after, to: sameSave.toText ?? after }
        : { from: after, to: after },
    );
  }
  return result;
}

/** One event as a sentence: "Lan moved it from Qualification to Proposal". */
export function describeEvent(
  event: HistoryEvent,
  currencies: Currencies,
  { t, stageName, userName, money, date }: HistoryLookups,
): string {
  const actor = event.actorName;
  // Every sentence has a form with the actor and one without (imports, system moves).
  const say = (key: string, values: Record<string, string> = {}) =>
    actor ? t(`history.${key}.actor`, { actor, ...values }) : t(`history.${key}.plain`, values);
  switch (event.type) {
    case 'created': {
      const stage = stageName(event.toStageId);
      const createdIn = event.data?.currency;
      const currency = typeof createdIn === 'string' ? createdIn : currencies.to;
      return event.toValue
        ? say('createdWithValue', { stage, value: money(event.toValue, currency) })
        : say('created', { stage });
    }
    case 'stage':
      return say('stage', { from: stageName(event.fromStageId), to: stageName(event.toStageId) });
    case 'value':
      return say('value', {
        from: money(event.fromValue ?? 0, currencies.from),
        to: money(event.toValue ?? 0, currencies.to),
      });
    case 'currency':
      return say('currency', { from: event.fromText ?? '—', to: event.toText ?? '—' });
    case 'close_date':
      if (!event.toText) return say('closeDateRemoved', { from: date(event.fromText ?? '') });
      if (!event.fromText) return say('closeDateSet', { to: date(event.toText) });
      return say('closeDate', { from: date(event.fromText), to: date(event.toText) });
    case 'owner':
      return say('owner', { from: userName(event.fromText), to: userName(event.toText) });
    case 'status': {
      const reason = event.data?.lostReason;
      if (event.toText === 'won') return say('won');
      if (event.toText === 'lost') {
        return typeof reason === 'string' && reason ? say('lostBecause', { reason }) : say('lost');
      }
      return say('reopened');
    }
  }
}

/** The timeline: every event in words, newest first. */
export function describeHistory(
  eventsOldestFirst: HistoryEvent[],
  currentCurrency: string,
  lookups: HistoryLookups,
): DescribedEvent[] {
  const currencies = currenciesOf(eventsOldestFirst, currentCurrency);
  return eventsOldestFirst
    .map((event) => ({
      id: event.id,
      occurredAt: event.occurredAt,
      text: describeEvent(
        event,
        currencies.get(event.id) ?? { from: currentCurrency, to: currentCurrency },
        lookups,
      ),
    }))
    .reverse();
}

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['week', 7 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/** "3 days ago", "in 2 hours", "now"; in the user's language. */
export function relativeTime(iso: string, now: number, lang: string): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  const format = new Intl.RelativeTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-US', {
    numeric: 'auto',
  });
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return format.format(0, 'second');
}
