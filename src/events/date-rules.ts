/**
 * The date expressions chrono-node does not read, or reads wrongly for news:
 * bare and modified years ("in 2017", "mid-2017"), year ranges and decades,
 * and expressions relative to the article's date ("last month", "six months
 * ago", "the other day"). Each rule returns mentions with honest precision.
 */
import type { DatePrecision } from "../model/event.js";

export interface DateMention {
  start: number;
  end: number;
  text: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string;
  precision: DatePrecision;
  kind: "absolute" | "relative" | "range";
  /** Last year/month/day of a range, same format as `date`. */
  rangeEnd?: string;
}

/** The article's date, split; month and day are null when it does not give them. */
export interface RefDate {
  year: number;
  month: number | null;
  day: number | null;
}

export function parseRef(date: string | null): RefDate | null {
  const m = date ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date) : null;
  if (!m) return null;
  return { year: +m[1], month: m[2] ? +m[2] : null, day: m[3] ? +m[3] : null };
}

/** Noon UTC of the ref day; mid-month or mid-year stands in for what the ref leaves open. */
export function anchorOf(ref: RefDate): Date {
  return new Date(Date.UTC(ref.year, (ref.month ?? 7) - 1, ref.day ?? (ref.month ? 15 : 1), 12));
}

const pad = (n: number) => String(n).padStart(2, "0");

export function formatDate(year: number, month?: number | null, day?: number | null): string {
  if (!month) return String(year);
  return day ? `${year}-${pad(month)}-${pad(day)}` : `${year}-${pad(month)}`;
}

/** A date shown at the precision the ref allows: a day only when the ref has one. */
function atRefPrecision(d: Date, ref: RefDate, wanted: DatePrecision): [string, DatePrecision] {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  if (wanted === "day" && ref.day !== null) return [formatDate(y, m, d.getUTCDate()), "day"];
  if (wanted !== "year" && ref.month !== null) return [formatDate(y, m), "month"];
  return [String(y), "year"];
}

const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

const YEAR = "(?:19\\d\\d|20\\d\\d|2100)";
const SMALL_NUMBERS = "zero one two three four five six seven eight nine ten eleven twelve".split(" ");

/** Words before a four-digit number that make it a count or a label, not a year. */
const NOT_YEAR_BEFORE = new Set([
  "about",
  "around",
  "over",
  "nearly",
  "almost",
  "some",
  "than",
  "least",
  "roughly",
  "approximately",
  "resolution",
  "no",
  "number",
  "flight",
  "article",
  "route",
  "model",
  "version",
  "page",
  "room",
]);
/** Words after a four-digit number that make it a count or a time of day. */
const NOT_YEAR_AFTER =
  /^\s+(?:people|persons|troops|soldiers|men|women|children|tanks|km|kilometres|kilometers|miles|metres|meters|feet|tonnes|tons|dollars|euros|votes|seats|cases|deaths|refugees|families|workers|members|residents|civilians|fighters|militants|hectares|barrels|gmt|utc|hours|hrs|local)\b/i;

const YEAR_RANGE = new RegExp(
  `\\b(?:from\\s+(${YEAR})\\s+(?:to|until|till|through)\\s+(${YEAR})|between\\s+(${YEAR})\\s+and\\s+(${YEAR})|(${YEAR})\\s*[-–—/]\\s*(${YEAR}|\\d\\d))(?![\\w%])`,
  "g",
);
const DECADE = /\b(?:the\s+)?(?:(early|mid|late)[- ])?((?:19|20)\d0)s\b/gi;
const BARE_YEAR = new RegExp(
  `(?<![\\w$€£¥₽#/.]|\\d,|(?<!\\bmid)-)(${YEAR})(?![\\w%]|[.,]\\d|[-–/][\\p{L}\\d])`,
  "gu",
);
/** Modifiers kept in a year's span: they say which part of the year, which precision cannot show. */
const YEAR_MODIFIER =
  /(?:\b(?:early|mid|late|the (?:end|beginning|start|middle|first half|second half) of|(?:spring|summer|autumn|fall|winter)(?: of)?)[- ]|\bmid-)$/i;
const RELATIVE_PERIOD = /\b(?:(?:earlier|later)\s+)?(last|this|next)\s+(week|month|year)\b/gi;
const UNITS_AGO =
  /\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3})\s+(day|week|month|year|decade)s?\s+ago\b/gi;
const CASUAL_DAY = /\b(the other day|yesterday|today|tonight|tomorrow)\b/gi;

type Emit = (start: number, end: number, fields: Omit<DateMention, "start" | "end" | "text">) => void;

/**
 * The first match of a global rule, from the start: the rules' loops go on with exec, without the copy
 * of the regex matchAll makes (this runs on most sentences). No rule matches the empty string.
 */
function first(re: RegExp, s: string): RegExpExecArray | null {
  re.lastIndex = 0;
  return re.exec(s);
}

/** Every year rule needs a year: a sentence without one skips them. */
const HAS_YEAR = new RegExp(YEAR);

/** Runs every rule; `emit` drops what overlaps an earlier mention. */
export function applyDateRules(sentence: string, ref: RefDate | null, emit: Emit): void {
  if (HAS_YEAR.test(sentence)) applyYearRules(sentence, emit);
  if (!ref) return; // the rest is relative to the article's date
  applyRelativeRules(sentence, ref, emit);
}

/** Year ranges, decades and bare years, in this order. */
function applyYearRules(sentence: string, emit: Emit): void {
  for (let m = first(YEAR_RANGE, sentence); m !== null; m = YEAR_RANGE.exec(sentence)) {
    const from = m[1] ?? m[3] ?? m[5];
    let to = m[2] ?? m[4] ?? m[6];
    if (to.length === 2) to = from.slice(0, 2) + to;
    if (+to <= +from) continue; // "2017-12" is a month, "2001-1999" nothing
    emit(m.index, m.index + m[0].length, { date: from, precision: "year", kind: "range", rangeEnd: to });
  }
  for (let m = first(DECADE, sentence); m !== null; m = DECADE.exec(sentence)) {
    const base = +m[2];
    const [lo, hi] = m[1] ? { early: [0, 3], mid: [4, 6], late: [7, 9] }[m[1].toLowerCase()]! : [0, 9];
    const date = String(base + lo);
    emit(m.index, m.index + m[0].length, {
      date,
      precision: "year",
      kind: "range",
      rangeEnd: String(base + hi),
    });
  }
  for (let m = first(BARE_YEAR, sentence); m !== null; m = BARE_YEAR.exec(sentence)) {
    const before = sentence.slice(0, m.index);
    const prevWord = /(\p{L}+)\W*$/u.exec(before)?.[1]?.toLowerCase();
    if ((prevWord && NOT_YEAR_BEFORE.has(prevWord)) || NOT_YEAR_AFTER.test(sentence.slice(m.index + 4))) {
      continue;
    }
    const modifier = YEAR_MODIFIER.exec(before)?.[0] ?? "";
    emit(m.index - modifier.length, m.index + 4, { date: m[1], precision: "year", kind: "absolute" });
  }
}

function applyRelativeRules(sentence: string, ref: RefDate, emit: Emit): void {
  const anchor = anchorOf(ref);
  for (let m = first(RELATIVE_PERIOD, sentence); m !== null; m = RELATIVE_PERIOD.exec(sentence)) {
    const step = { last: -1, this: 0, next: 1 }[m[1].toLowerCase() as "last" | "this" | "next"];
    const unit = m[2].toLowerCase();
    let fields: [string, DatePrecision];
    if (unit === "year") fields = [String(ref.year + step), "year"];
    else if (unit === "month") {
      if (ref.month === null) continue;
      const d = new Date(Date.UTC(ref.year, ref.month - 1 + step, 1));
      fields = [formatDate(d.getUTCFullYear(), d.getUTCMonth() + 1), "month"];
    } else {
      // A week is no day: say the month it falls in.
      if (ref.month === null) continue;
      fields = atRefPrecision(addDays(anchor, 7 * step), ref, "month");
    }
    emit(m.index, m.index + m[0].length, { date: fields[0], precision: fields[1], kind: "relative" });
  }
  for (let m = first(UNITS_AGO, sentence); m !== null; m = UNITS_AGO.exec(sentence)) {
    const word = m[1].toLowerCase();
    const n = word === "a" || word === "an" ? 1 : /\d/.test(word) ? +word : SMALL_NUMBERS.indexOf(word);
    const unit = m[2].toLowerCase();
    let fields: [string, DatePrecision];
    if (unit === "year" || unit === "decade")
      fields = [String(ref.year - n * (unit === "year" ? 1 : 10)), "year"];
    else if (ref.month === null) continue;
    else if (unit === "month") {
      const d = new Date(Date.UTC(ref.year, ref.month - 1 - n, 1));
      fields = [formatDate(d.getUTCFullYear(), d.getUTCMonth() + 1), "month"];
    } else {
      fields = atRefPrecision(
        addDays(anchor, unit === "day" ? -n : -7 * n),
        ref,
        unit === "day" ? "day" : "month",
      );
    }
    emit(m.index, m.index + m[0].length, { date: fields[0], precision: fields[1], kind: "relative" });
  }
  for (let m = first(CASUAL_DAY, sentence); m !== null; m = CASUAL_DAY.exec(sentence)) {
    // "Today" inside a sentence is a name ("BBC Radio 4's Today programme").
    if (m[1] === "Today" && /[\p{L}\d,]\s*$/u.test(sentence.slice(0, m.index))) continue;
    const word = m[1].toLowerCase();
    const shift = word === "yesterday" ? -1 : word === "tomorrow" ? 1 : 0;
    const [date, precision] = atRefPrecision(addDays(anchor, shift), ref, "day");
    emit(m.index, m.index + m[0].length, { date, precision, kind: "relative" });
  }
}

/**
 * A weekday named alone ("on Monday") is the latest such day on or before the
 * article's date, as news reports the past; "last" and "next" move strictly
 * before or after. Without a ref day, the ref's month is all that is known.
 */
export function resolveWeekday(
  weekday: number,
  modifier: "last" | "next" | null,
  ref: RefDate,
): [string, DatePrecision] {
  const anchor = anchorOf(ref);
  if (ref.day === null) return atRefPrecision(anchor, ref, "month");
  let diff = (anchor.getUTCDay() - weekday + 7) % 7; // days back to that weekday
  if (modifier === "last" && diff === 0) diff = 7;
  if (modifier === "next") diff = -((weekday - anchor.getUTCDay() + 7) % 7 || 7);
  return atRefPrecision(addDays(anchor, -diff), ref, "day");
}
