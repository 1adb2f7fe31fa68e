/**
 * Date mentions in a sentence, resolved against the article's own date, with
 * the precision the text actually gives. chrono-node reads month names,
 * numeric dates and weekdays; date-rules.ts reads years, ranges and relative
 * expressions. Runs on every sentence, so two cheap regexes gate the work.
 */
import { Chrono, en, type ParsedComponents, type ParsedResult } from "chrono-node";
import type { DatePrecision } from "../model/event.js";
import {
  anchorOf,
  applyDateRules,
  type DateMention,
  formatDate,
  parseRef,
  type RefDate,
  resolveWeekday,
} from "./date-rules.js";

export type { DateMention } from "./date-rules.js";

/** Anything that could start a date; sentences without it cost one regex test. */
const PREFILTER =
  /\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|day|Day|week|month|year|decade|ago\b|tonight|tomorrow|Tonight|Tomorrow/;
/** What only chrono reads: capitalised month or weekday names and numeric dates. */
const CHRONO_GATE =
  /\b(?:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b|(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|\d{4}-\d\d-\d\d|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|9\/11\b)/;

/**
 * chrono's casual parsers for calendar dates only. Its relative, time and
 * casual parsers are left out: date-rules.ts does those with news semantics,
 * and they make most of chrono's false hits ("sat", "now", "5 to 10").
 */
const KEPT_PARSERS = new Set([
  "ENYearMonthDayParser",
  "ISOFormatParser",
  "SlashDateFormatParser",
  "ENMonthNameLittleEndianParser",
  "ENMonthNameMiddleEndianParser",
  "ENWeekdayParser",
  "ENSlashMonthFormatParser",
  "ENYearMonthNameParser",
  "ENMonthNameParser",
]);

/**
 * What each kept parser's pattern cannot match without: a sentence that has none of a parser's
 * gates gives it nothing to find, so it is left out of the run (chrono runs every parser's regex
 * over the whole sentence, and merges what they find only afterwards). Case-insensitive, as
 * chrono's patterns are; every month and weekday name chrono knows starts with one of these.
 */
const MONTH_NAME_GATE = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i;
const WEEKDAY_GATE = /sun|mon|tue|wed|thu|fri|sat|week/i;
/** "2021-10-21", "21/10/2021", "10/2021": digits either side of a separator. */
const NUMERIC_GATE = /\d[/.-]\d/;
/** "2021 10 21": the year-first parser also takes a space as its separator. */
const YEAR_FIRST_GATE = /\d{4}[-./\s]\d/;
const PARSER_GATES: Record<string, RegExp[]> = {
  ENYearMonthDayParser: [MONTH_NAME_GATE, YEAR_FIRST_GATE],
  ISOFormatParser: [NUMERIC_GATE],
  SlashDateFormatParser: [NUMERIC_GATE],
  ENMonthNameLittleEndianParser: [MONTH_NAME_GATE],
  ENMonthNameMiddleEndianParser: [MONTH_NAME_GATE],
  ENWeekdayParser: [WEEKDAY_GATE],
  ENSlashMonthFormatParser: [NUMERIC_GATE],
  ENYearMonthNameParser: [MONTH_NAME_GATE],
  ENMonthNameParser: [MONTH_NAME_GATE],
};
const GATES = [MONTH_NAME_GATE, WEEKDAY_GATE, NUMERIC_GATE, YEAR_FIRST_GATE];

function makeConfig() {
  const config = en.configuration.createCasualConfiguration(false);
  config.parsers = config.parsers.filter((p) => KEPT_PARSERS.has(p.constructor.name));
  // It stretches "the end of January" to the 31st: a day the text never gave.
  config.refiners = config.refiners.filter((r) => r.constructor.name !== "ENEndOfPeriodRefiner");
  // Class names are how parsers are picked; fail loudly if a chrono release renames them.
  if (config.parsers.length !== KEPT_PARSERS.size) {
    throw new Error(`chrono-node parsers changed: kept ${config.parsers.map((p) => p.constructor.name)}`);
  }
  return config;
}
const chronoConfig = makeConfig();

/** A chrono of the parsers whose gates the sentence passes (in chrono's order), by the gates passed. */
const chronos = new Map<number, Chrono>();
function chronoFor(sentence: string): Chrono {
  let passed = 0;
  for (let g = 0; g < GATES.length; g++) if (GATES[g].test(sentence)) passed |= 1 << g;
  let chrono = chronos.get(passed);
  if (!chrono) {
    const parsers = chronoConfig.parsers.filter((p) =>
      PARSER_GATES[p.constructor.name].some((gate) => passed & (1 << GATES.indexOf(gate))),
    );
    chrono = new Chrono({ parsers, refiners: chronoConfig.refiners });
    chronos.set(passed, chrono);
  }
  return chrono;
}

const MONTH_WORD =
  /\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/i;
const WEEKDAY_WORD = /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/;
/** Words after which a month alone ("in December") is a date, not a name ("August Strindberg"). */
const MONTH_CUES = new Set(
  (
    "in of since until till by from to through between during and or before after early mid late " +
    "last next this end beginning start middle that each every"
  ).split(" "),
);
/** Text kept in the span for honesty of the quote: which part of the month. */
const MONTH_MODIFIER = /(?:\b(?:early|mid|late|the (?:end|beginning|start|middle) of)[- ]|\bmid-)$/i;

export interface DateRef {
  /** The article's date: YYYY, YYYY-MM or YYYY-MM-DD; null when unknown. */
  date: string | null;
}

export function findDates(sentence: string, ref: DateRef): DateMention[] {
  if (!PREFILTER.test(sentence)) return [];
  const refDate = parseRef(ref.date);
  const out: DateMention[] = [];
  const emit = (start: number, end: number, fields: Omit<DateMention, "start" | "end" | "text">) => {
    if (out.some((m) => start < m.end && m.start < end)) return;
    out.push({ start, end, text: sentence.slice(start, end), ...fields });
  };
  if (CHRONO_GATE.test(sentence)) {
    const instant = refDate ? anchorOf(refDate) : new Date();
    for (const r of chronoFor(sentence).parse(sentence, { instant, timezone: 0 }, { forwardDate: false })) {
      fromChrono(sentence, r, refDate, emit);
    }
  }
  applyDateRules(sentence, refDate, emit);
  return out.sort((a, b) => a.start - b.start);
}

type Emit = Parameters<typeof applyDateRules>[2];

/** Parts of chrono's span that are not the date: "on", brackets, a trailing comma or dash. */
const SPAN_LEAD = /^[(["'“]*(?:(?:on|at|in)\s+)?/i;
const SPAN_TRAIL = /[\s,;:)\]"'”\-–—]+$/;
/** "11 September attacks": the day of 2001 that news names without its year. */
const NINE_ELEVEN_AFTER = /^\s+(?:attacks?|terror|terrorist|hijack|World Trade)/;
/** Weekdays that are names, not dates: "Black Monday", "a Friday afternoon", "the Sunday Times". */
const WEEKDAY_NOT_DATE_BEFORE =
  /\b(?:a|every|each|Black|Bloody|Super|Good|Ash|Easter|Palm|Holy|Cyber|(?:Mail|Independent) on)\s+$/;
const YEAR_AFTER = /^\s+(last|this|next)\s+year\b/i;
const YEAR_STEP: Record<string, number> = { last: -1, this: 0, next: 1 };

function fromChrono(sentence: string, r: ParsedResult, ref: RefDate | null, emit: Emit): void {
  const lead = SPAN_LEAD.exec(r.text)![0].length;
  const body = r.text.slice(lead).replace(SPAN_TRAIL, "");
  let start = r.index + lead;
  let end = start + body.length;
  const before = sentence.slice(0, start);
  const after = sentence.slice(end);
  const s = r.start;
  if (body === "9/11" || (s.get("month") === 9 && s.get("day") === 11 && NINE_ELEVEN_AFTER.test(after))) {
    emit(start, end, { date: "2001-09-11", precision: "day", kind: "absolute" });
    return;
  }
  const monthWord = MONTH_WORD.exec(body)?.[1];
  // News capitalises months and weekdays; lower case is a verb or noun ("may grow", "sat").
  if (monthWord && !/^[A-Z]/.test(monthWord)) return;
  if (!s.isCertain("month")) {
    if (!s.isCertain("weekday") || !WEEKDAY_WORD.test(body) || !ref) return;
    if (WEEKDAY_NOT_DATE_BEFORE.test(before)) return;
    if (/\b[Tt]he\s+$/.test(before) && /^\s+[A-Z]/.test(after)) return; // "the Sunday Times"
    const modifier = /\b(last|next)\b/i.exec(body)?.[1]?.toLowerCase() as "last" | "next" | undefined;
    const [date, precision] = resolveWeekday(s.get("weekday")!, modifier ?? null, ref);
    emit(start, end, { date, precision, kind: "relative" });
    return;
  }
  if (!monthWord && !s.isCertain("year")) return; // "3/4", "12.03": no year, too often not a date
  let year: number | null = null;
  const yearAfter = YEAR_AFTER.exec(after);
  if (yearAfter && ref && !s.isCertain("year")) {
    // "in May last year": the year is relative to the article's.
    year = ref.year + YEAR_STEP[yearAfter[1].toLowerCase()];
    end += yearAfter[0].length;
  } else if (!s.isCertain("day") && !s.isCertain("year")) {
    // A month alone: only after a word that makes it a time ("in", "by", "since", "mid-").
    const prev = /(\p{L}+)[\s-]*$/u.exec(before);
    const cue = prev?.[1].toLowerCase();
    if (!cue || !MONTH_CUES.has(cue) || monthWord!.length < 4) return;
    if (cue === "of" && /\p{Lu}\p{L}*\s+of\s+$/u.test(before)) return; // "The Darling Buds of May"
    if (ref && (cue === "last" || cue === "next")) year = lastOrNextMonth(s.get("month")!, cue, ref);
    start -= (MONTH_MODIFIER.exec(before)?.[0] ?? (cue === "last" || cue === "next" ? prev![0] : "")).length;
  }
  const endParts = r.end?.isCertain("month") ? r.end : null;
  const first = componentsDate(s, ref, endParts && { c: endParts, after: true }, year);
  if (!first) return;
  const last = endParts ? componentsDate(endParts, ref, { c: s, after: false }, year) : null;
  if (last && last.date !== first.date) {
    emit(start, end, { date: first.date, precision: first.precision, kind: "range", rangeEnd: last.date });
  } else {
    emit(start, end, {
      date: first.date,
      precision: first.precision,
      kind: year === null ? "absolute" : "relative",
    });
  }
}

/** The year of "last August" (strictly before the ref's month) or "next August" (strictly after). */
function lastOrNextMonth(month: number, cue: "last" | "next", ref: RefDate): number {
  const refMonth = ref.month ?? 7;
  if (cue === "last") return month < refMonth ? ref.year : ref.year - 1;
  return month > refMonth ? ref.year : ref.year + 1;
}

/**
 * Year, month and day as far as the text states them. A year the text leaves
 * out comes from the other end of a range ("March to May 2017"), else from the
 * ref: chrono's nearest-year guess for a day or month ref, the ref's own year
 * for a year-only ref, and no date at all without a ref.
 */
function componentsDate(
  c: ParsedComponents,
  ref: RefDate | null,
  partner: { c: ParsedComponents; after: boolean } | null,
  relativeYear: number | null,
): { date: string; precision: DatePrecision } | null {
  let year: number;
  if (c.isCertain("year")) year = c.get("year")!;
  else if (relativeYear !== null) year = relativeYear;
  else if (partner?.c.isCertain("year")) {
    // "December to February 2018" starts in 2017; "March 2017 to May" ends in 2017.
    const [m, other] = [c.get("month")!, partner.c.get("month")!];
    year = partner.c.get("year")! + (partner.after ? (m > other ? -1 : 0) : m < other ? 1 : 0);
  } else if (!ref) return null;
  else year = ref.month === null ? ref.year : c.get("year")!;
  const month = c.get("month")!;
  if (c.isCertain("day")) return { date: formatDate(year, month, c.get("day")), precision: "day" };
  return { date: formatDate(year, month), precision: "month" };
}

/** The mention nearest to the trigger (0 when it overlaps); ties go to the finer, then the earlier. */
export function pickDate(mentions: DateMention[], triggerOffset: number): DateMention | null {
  const rank = { day: 0, month: 1, year: 2 };
  let best: DateMention | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const m of mentions) {
    const distance = triggerOffset < m.start ? m.start - triggerOffset : Math.max(0, triggerOffset - m.end);
    if (
      distance < bestDistance ||
      (distance === bestDistance && best && rank[m.precision] < rank[best.precision])
    ) {
      best = m;
      bestDistance = distance;
    }
  }
  return best;
}

export interface ResolvedDate {
  date: string;
  precision: DatePrecision;
  /** "text": a mention in the sentence; "article": the article's own date, for lack of one. */
  source: "text" | "article";
}

/**
 * The event's date: the mention nearest the trigger, else the article's date
 * (news reports what just happened), else null when nobody says.
 */
export function resolveEventDate(
  mentions: DateMention[],
  triggerOffset: number,
  ref: DateRef,
): ResolvedDate | null {
  const picked = pickDate(mentions, triggerOffset);
  if (picked) return { date: picked.date, precision: picked.precision, source: "text" };
  const r = parseRef(ref.date);
  if (!r) return null;
  const precision: DatePrecision = r.day !== null ? "day" : r.month !== null ? "month" : "year";
  return { date: formatDate(r.year, r.month, r.day), precision, source: "article" };
}
