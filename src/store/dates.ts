/**
 * Partial ISO dates (YYYY, YYYY-MM, YYYY-MM-DD) as periods of days, so that
 * "2021-07" can be filtered and windowed like "2021-07-14". Plain text
 * comparison of YYYY-MM-DD is chronological, in SQL and in JS alike.
 */

export interface Period {
  start: string;
  end: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The days a partial date covers; null for anything that is not one. */
export function periodOf(date: string | null | undefined): Period | null {
  if (!date) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[3]) return { start: date, end: date };
  if (m[2]) {
    const month = Number(m[2]);
    return { start: `${m[1]}-${m[2]}-01`, end: `${m[1]}-${m[2]}-${pad(lastDayOfMonth(year, month))}` };
  }
  return { start: `${m[1]}-01-01`, end: `${m[1]}-12-31` };
}

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
export function dayNumber(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Math.floor(Date.UTC(y, m - 1, d) / 86_400_000);
}

/** `--since 2021-07` means from 2021-07-01. */
export function sinceBound(date: string): string {
  return periodOf(date)?.start ?? date;
}

/** `--until 2021-07` means up to 2021-07-31. */
export function untilBound(date: string): string {
  return periodOf(date)?.end ?? date;
}
