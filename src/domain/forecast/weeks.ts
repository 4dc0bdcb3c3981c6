// Weeks for the snapshots: a forecast is snapshotted once per local week, Monday to Sunday.

/** The Monday (YYYY-MM-DD) of the week holding a local day. */
export function weekStartOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  return new Date(date.getTime() - sinceMonday * 86_400_000).toISOString().slice(0, 10);
}
