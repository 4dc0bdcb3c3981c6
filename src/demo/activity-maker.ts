import type { ActivityType } from '../db/schema.js';
import type { Random } from '../domain/random.js';
import * as texts from './activity-texts.js';
import { localMidnight, MINUTE_MS, officeTime } from './demo-calendar.js';
import type { DemoActivity } from './demo-types.js';

/** The customer side of an activity: who it was with, and how they are greeted. */
export type ActivityParty = {
  companyId: string;
  shortName: string;
  vietnamese: boolean;
  contactIds: string[];
};

const DURATIONS = [30, 45, 60, 60, 90] as const;

export type ActivityLink = { workspaceId: string; ownerId: string; dealId: string | null };

/** Makes the activities of one owner with one customer, on a deal or not. */
export function activityMaker(rng: Random, link: ActivityLink, party: ActivityParty) {
  const base = (type: ActivityType) => {
    const vi = party.vietnamese && rng.chance(0.25);
    const subject = rng.pick((vi ? texts.SUBJECTS_VI : texts.SUBJECTS_EN)[type]);
    return {
      id: rng.uuid(),
      workspace_id: link.workspaceId,
      type,
      subject: subject.replace('{c}', party.shortName),
      body: type === 'note' || rng.chance(0.25) ? body(rng, vi) : '',
      duration_minutes: type === 'meeting' ? rng.pick(DURATIONS) : null,
      owner_id: link.ownerId,
      deal_id: link.dealId,
      contact_id: party.contactIds.length ? rng.pick(party.contactIds) : null,
      company_id: party.companyId,
      created_by: link.ownerId,
    };
  };
  return {
    /**
     * Done at `at`: notes and emails are logged then; the rest were planned a little earlier (not
     * before `plannedFrom`), due then and ticked off.
     */
    done(type: ActivityType, at: number, plannedFrom: number): DemoActivity {
      const logged = type === 'note' || type === 'email';
      const when = new Date(at);
      const planned = Math.max(plannedFrom, at - rng.int(0, 3 * 24 * 60) * MINUTE_MS);
      const created = logged ? when : new Date(Math.min(at, planned));
      return {
        ...base(type),
        due_at: logged ? null : when,
        all_day: false,
        done: true,
        done_at: when,
        version: logged ? 1 : 2,
        created_at: created,
        updated_at: when,
      };
    },
    /** Not done, due on local `day` (all day for some tasks), planned at `createdAt`. */
    scheduled(type: ActivityType, day: number, createdAt: number): DemoActivity {
      const allDay = type === 'task' && rng.chance(0.5);
      // All-day items are stored at local midnight (17:00Z the day before in Ho Chi Minh City).
      const due = allDay ? localMidnight(day) : officeTime(rng, day);
      const created = new Date(createdAt);
      return {
        ...base(type),
        due_at: new Date(due),
        all_day: allDay,
        done: false,
        done_at: null,
        version: 1,
        created_at: created,
        updated_at: created,
      };
    },
  };
}

function body(rng: Random, vi: boolean): string {
  const points = vi ? texts.BODY_POINTS_VI : texts.BODY_POINTS_EN;
  const first = rng.int(0, points.length - 1);
  const second = (first + rng.int(1, points.length - 1)) % points.length;
  const next = rng.pick(vi ? texts.NEXT_STEPS_VI : texts.NEXT_STEPS_EN);
  const heading = vi ? 'Bước tiếp theo' : 'Next step';
  return `- ${points[first]}\n- ${points[second]}\n\n**${heading}:** ${next}`;
}
