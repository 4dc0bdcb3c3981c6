import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { localDate, localDayRange } from '../../../domain/local-day.js';
import { weightedMinor } from '../../../domain/money.js';
import { byWeightedValue } from '../../../domain/weighted-order.js';
import { visibleOwnerIds } from '../access/visibility.js';
import type { Actor } from '../auth/actor.js';
import { openActivitiesDueBefore } from './attention.repository.js';
import { needsAttention, settingsOf } from './attention.service.js';

type ActivityRow = Awaited<ReturnType<typeof openActivitiesDueBefore>>[number];

/** The light activity of My day; its deal only when the caller may see that deal. */
function toMyDayActivity(a: ActivityRow, visible: string[] | null) {
  const dealShown =
    a.deal_id !== null &&
    a.deal_owner_id !== null &&
    (visible === null || visible.includes(a.deal_owner_id));
  const probability = a.deal_probability ?? a.stage_probability ?? 0;
  return {
    id: a.id,
    type: a.type,
    subject: a.subject,
    dueAt: (a.due_at as Date).toISOString(),
    allDay: a.all_day,
    done: a.done,
    deal: dealShown
      ? {
          id: a.deal_id as string,
          title: a.deal_title ?? '',
          value: a.deal_value ?? 0,
          currency: (a.deal_currency ?? '').trim(),
          weighted: weightedMinor(a.deal_value ?? 0, probability),
          probability,
        }
      : null,
  };
}
type MyDayActivity = ReturnType<typeof toMyDayActivity>;

/**
 * Today's and overdue activities of the caller, and their deals needing attention. "Today" is the
 * local calendar day in the caller's time zone (their own, else the workspace's), as a UTC range:
 * an activity due at 00:30 in Ho Chi Minh City is today there and still yesterday in UTC.
 * Activities go by their deal's value x probability, then by due time.
 */
export async function myDay(
  db: Kysely<DB>,
  actor: Actor,
  input: { date?: string | undefined; limit: number },
  now = new Date(),
) {
  const settings = await settingsOf(db, actor);
  const date = input.date ?? localDate(now, settings.timeZone);
  const { start, end } = localDayRange(date, settings.timeZone);
  const [rows, visible, attention] = await Promise.all([
    openActivitiesDueBefore(db, actor.workspaceId, actor.id, end),
    visibleOwnerIds(db, actor),
    needsAttention(db, actor, { ownerId: actor.id, limit: input.limit }, now),
  ]);
  const compare = byWeightedValue(settings.defaultCurrency);
  const money = (a: MyDayActivity) =>
    a.deal && {
      currency: a.deal.currency,
      valueMinor: a.deal.value,
      probability: a.deal.probability,
    };
  const activities = rows
    .map((a) => toMyDayActivity(a, visible))
    .sort(
      (a, b) =>
        compare(money(a), money(b)) || a.dueAt.localeCompare(b.dueAt) || (a.id < b.id ? -1 : 1),
    );
  const light = (a: MyDayActivity) => ({
    ...a,
    deal: a.deal && {
      id: a.deal.id,
      title: a.deal.title,
      value: a.deal.value,
      currency: a.deal.currency,
      weighted: a.deal.weighted,
    },
  });
  return {
    date,
    timeZone: settings.timeZone,
    dueToday: activities.filter((a) => Date.parse(a.dueAt) >= start.getTime()).map(light),
    overdue: activities.filter((a) => Date.parse(a.dueAt) < start.getTime()).map(light),
    attention: attention.data,
  };
}
