/**
 * Calendar dates as they appear in metadata, JSONL fields and datelines,
 * normalised to YYYY-MM-DD (or YYYY-MM / YYYY when that is all there is).
 * Hand-written patterns rather than a general date parser: a dateline must be
 * read exactly, never guessed relative to "today".
 */

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

const MONTH =
  "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
const DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
const YEAR = "(\\d{4})";

/** One date form: its pattern (sticky, tried at a position) and how to read the groups. */
interface DateForm {
  re: RegExp;
  read(m: RegExpExecArray): [number, number | null, number | null];
}

const form = (source: string, read: DateForm["read"]): DateForm => ({ re: new RegExp(source, "iy"), read });

/** Tried in order at each candidate position; the first that fits wins. */
const FORMS: DateForm[] = [
  // 2021-10-21, 2021/10/21, 2021-10-21T12:27:00Z
  form(`${YEAR}[-/.](\\d{1,2})[-/.](\\d{1,2})(?!\\d)`, (m) => [+m[1], +m[2], +m[3]]),
  // 26-FEB-1987 (Reuters), 21-Oct-2021
  form(`(\\d{1,2})-${MONTH}-${YEAR}`, (m) => [+m[3], MONTHS[m[2].toLowerCase()], +m[1]]),
  // 21.10.2021 and 21-10-2021: day first, as everywhere outside the US
  form(`(\\d{1,2})[.-](\\d{1,2})[.-]${YEAR}(?!\\d)`, (m) => [+m[3], +m[2], +m[1]]),
  // 10/21/2021 or 21/10/2021: whichever reading is possible, month first when both are
  form(`(\\d{1,2})/(\\d{1,2})/${YEAR}(?!\\d)`, (m) =>
    +m[1] > 12 ? [+m[3], +m[2], +m[1]] : [+m[3], +m[1], +m[2]],
  ),
  // October 21, 2021 / Oct. 21 2021
  form(`${MONTH}\\s+${DAY},?\\s+${YEAR}`, (m) => [+m[3], MONTHS[m[1].toLowerCase()], +m[2]]),
  // 21 October 2021 / 21st of October, 2021
  form(`${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+${YEAR}`, (m) => [+m[3], MONTHS[m[2].toLowerCase()], +m[1]]),
  // October 2021 (month precision)
  form(`${MONTH},?\\s+${YEAR}`, (m) => [+m[2], MONTHS[m[1].toLowerCase()], null]),
  // 2021-10 (month precision)
  form(`${YEAR}-(\\d{2})(?![\\d-])`, (m) => [+m[1], +m[2], null]),
];

/** Where a date may start: a digit or a letter after a non-letter. */
const CANDIDATE = /(?<![\p{L}\d])[\p{L}\d]/gu;

export interface DateMatch {
  /** YYYY-MM-DD or YYYY-MM. */
  date: string;
  start: number;
  end: number;
}

function valid(y: number, m: number | null, d: number | null): boolean {
  if (y < 1800 || y > 2100) return false;
  if (m === null) return true;
  if (!(m >= 1 && m <= 12)) return false;
  if (d === null) return true;
  return d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function format(y: number, m: number | null, d: number | null): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  if (m === null) return String(y);
  return d === null ? `${y}-${pad(m)}` : `${y}-${pad(m)}-${pad(d)}`;
}

/** The date starting exactly at `at`, if one does. */
export function dateAt(text: string, at: number): DateMatch | null {
  for (const f of FORMS) {
    f.re.lastIndex = at;
    const m = f.re.exec(text);
    if (!m) continue;
    const [y, mo, d] = f.read(m);
    if (mo !== undefined && valid(y, mo, d))
      return { date: format(y, mo, d), start: at, end: at + m[0].length };
  }
  return null;
}

/** The first date anywhere in `text`. */
export function findDate(text: string): DateMatch | null {
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
    const found = dateAt(text, m.index);
    if (found) return found;
  }
  return null;
}

/**
 * A metadata or JSONL date value ("2021-10-21T12:27:00+03:00",
 * "26-FEB-1987 15:01:11.79", "Thu, 21 Oct 2021 09:27:00 GMT", "2021") as
 * YYYY-MM-DD, YYYY-MM or YYYY; null when it is not a date. The calendar date
 * is taken as written, without shifting time zones: it is the publisher's day.
 */
export function normaliseDate(value: unknown): string | null {
  if (typeof value === "number" && Number.isInteger(value) && valid(value, null, null)) return String(value);
  if (typeof value !== "string") return null;
  const s = value.trim();
  if (/^\d{4}$/.test(s)) return valid(+s, null, null) ? s : null;
  return findDate(s)?.date ?? null;
}
