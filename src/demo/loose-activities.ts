import type { Random } from '../domain/random.js';
import { activityMaker } from './activity-maker.js';
import { localDay, nextWorkday, officeTime, previousWorkday } from './demo-calendar.js';
import type { DemoActivity, DemoOrganisation } from './demo-types.js';

const LOOSE_ACCOUNTS = 8;

/**
 * A handful of activities on no deal, as sellers keep in touch with customers between deals: a
 * call with a contact or a meeting at the company in the last weeks, and for some a call booked
 * for the coming days.
 */
export function planLooseActivities(
  rng: Random,
  workspaceId: string,
  customers: Pick<DemoOrganisation, 'accounts'>,
  nowMs: number,
): DemoActivity[] {
  const nowDay = localDay(nowMs);
  const activities: DemoActivity[] = [];
  for (const account of customers.accounts.slice(0, LOOSE_ACCOUNTS)) {
    const meeting = rng.chance(0.4);
    const party = {
      companyId: account.id,
      shortName: account.shortName,
      vietnamese: account.market === 'vn',
      // A meeting with the company as a whole; a call with one of its people.
      contactIds: meeting ? [] : account.contactIds,
    };
    const link = { workspaceId, ownerId: account.ownerId, dealId: null };
    const make = activityMaker(rng, link, party);
    const doneAt = officeTime(rng, previousWorkday(nowDay - rng.int(1, 30)));
    activities.push(make.done(meeting ? 'meeting' : 'call', doneAt, doneAt - 86_400_000));
    if (rng.chance(0.5)) {
      activities.push(make.scheduled('call', nextWorkday(nowDay + rng.int(1, 10)), nowMs));
    }
  }
  return activities;
}
