// Wall-clock times in a named zone to UTC instants and back. Pure (Intl only) so it is
// unit-tested under several zones, DST included.

const partsIn = (instant: number, timeZone: string) => {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
};

/** How far the zone's wall clock is ahead of UTC at that instant, in ms. */
const offsetAt = (instant: number, timeZone: string) => {
  const p = partsIn(instant, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - instant;
};

/**
 * "2026-03-10" + "10:00" in Asia/Ho_Chi_Minh -> "2026-03-10T03:00:00.000Z". A time skipped by a
 * DST jump resolves forward (02:30 on a spring-forward day is 03:30); a repeated one to the first.
 * Returns null for a malformed date or time.
 */
export function localToUtcIso(date: string, time: string, timeZone: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  if (Number.isNaN(wall)) return null;
  // Two passes: the offset guessed at the wall time, then at the instant that guess gives.
  const first = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(first, timeZone);
  // A repeated time: the earlier instant shows it. A skipped one: neither does; the later
  // instant is the wall time pushed forward by the jump.
  const shows = (i: number) => {
    const p = partsIn(i, timeZone);
    return p.hour === Number(t[1]) && p.minute === Number(t[2]);
  };
  const earlier = Math.min(first, second);
  if (shows(earlier)) return new Date(earlier).toISOString();
  return new Date(Math.max(first, second)).toISOString();
}

/** The zone's calendar date and time of an instant, as the form's inputs want them. */
export function utcToLocalParts(iso: string, timeZone: string): { date: string; time: string } {
  const p = partsIn(Date.parse(iso), timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${p.year}-${two(p.month)}-${two(p.day)}`,
    time: `${two(p.hour)}:${two(p.minute)}`,
  };
}
