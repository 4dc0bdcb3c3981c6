import type { Random } from '../domain/random.js';

// Calendar arithmetic in the demo workspace's zone, Asia/Ho_Chi_Minh: UTC+7 all year (no daylight
// saving), so a fixed offset is exact. Days are counted from 1970-01-01 in local time.
export const MINUTE_MS = 60_000;
export const DAY_MS = 24 * 60 * MINUTE_MS;
const OFFSET_MS = 7 * 60 * MINUTE_MS;

export const localDay = (ms: number): number => Math.floor((ms + OFFSET_MS) / DAY_MS);

/** The instant a local day begins: where all-day activities are stored (17:00Z the day before). */
export const localMidnight = (day: number): number => day * DAY_MS - OFFSET_MS;

/** 'YYYY-MM-DD' of a local day. */
export const dateOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

const weekday = (day: number) => (day + 4) % 7; // 1970-01-01 was a Thursday; 0 is Sunday

/** The day itself, or the Monday after when it falls on a weekend. */
export function nextWorkday(day: number): number {
  const w = weekday(day);
  return w === 6 ? day + 2 : w === 0 ? day + 1 : day;
}

/** The day itself, or the Friday before when it falls on a weekend. */
export function previousWorkday(day: number): number {
  const w = weekday(day);
  return w === 6 ? day - 1 : w === 0 ? day - 2 : day;
}

/** A moment in office hours (08:30-17:30 local, whole minutes) on the given local day. */
export function officeTime(rng: Random, day: number): number {
  return day * DAY_MS - OFFSET_MS + rng.int(8 * 60 + 30, 17 * 60 + 30) * MINUTE_MS;
}
