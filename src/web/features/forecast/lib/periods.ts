// Calendar periods as the quota and submission forms pick them: a unit, a year and the month or
// quarter within it. The API wants the period's first day, in the workspace's calendar.
export type PeriodUnit = 'month' | 'quarter' | 'year';
export type PeriodPick = { unit: PeriodUnit; year: number; index: number };

const pad = (n: number) => String(n).padStart(2, '0');

/** How many periods of the unit a year holds. */
export const periodsInYear = (unit: PeriodUnit) =>
  unit === 'month' ? 12 : unit === 'quarter' ? 4 : 1;

/** The first day (YYYY-MM-DD) of the picked period. */
export function periodStartOf({ unit, year, index }: PeriodPick): string {
  const month = unit === 'month' ? index + 1 : unit === 'quarter' ? index * 3 + 1 : 1;
  return `${year}-${pad(month)}-01`;
}

/** The period of the unit holding a local day (YYYY-MM-DD). */
export function periodHolding(unit: PeriodUnit, day: string): PeriodPick {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7)) - 1;
  return {
    unit,
    year,
    index: unit === 'month' ? month : unit === 'quarter' ? Math.floor(month / 3) : 0,
  };
}

/** Today in a time zone, as YYYY-MM-DD (en-CA writes dates that way). */
export const todayIn = (timeZone: string, now = new Date()) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);

/** The name of the i-th month in the language (for the month picker). */
export const monthName = (index: number, lang: string) =>
  new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-US', {
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(2000, index, 1)));
