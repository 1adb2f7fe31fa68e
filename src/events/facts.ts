/**
 * What a sentence says besides who did what: its dates, places and
 * quantities, found once per sentence and then attached to its events.
 */
import type { Document, Tokens } from "../model/document.js";
import type { DatePrecision, EventLocation, Quantity } from "../model/event.js";
import { findPlaces, type PlaceMention } from "../places/gazetteer.js";
import { type DateMention, findDates, pickDate } from "./dates.js";
import { findQuantities } from "./quantities.js";
import { RELATIVE_PRONOUNS, type SentenceView } from "./roles.js";
import type { Pattern } from "./schema.js";

export interface SentenceFacts {
  /** Date mentions with offsets into the document text. */
  dates: DateMention[];
  places: PlaceMention[];
  quantities: Quantity[];
  /** The last explicit date of an earlier sentence of the same paragraph. */
  inherited: DateMention | null;
  /** The document's reference date (publication, or inferred from the text). */
  reference: string | null;
}

/** Event types whose quantities (troops, tanks, dollars, people) belong with them. */
const MATERIAL = new Set([
  "AID",
  "MOBILIZE",
  "ASSAULT",
  "COERCE",
  "RETREAT",
  "SANCTION",
  "PROTEST",
  "COOPERATE",
]);

/**
 * Facts are found lazily, per sentence that has an event: most sentences of a
 * large corpus have none, and dates, places and quantities cost as much as
 * finding actors.
 */
const HAS_YEAR = /\b(?:1[89]|20)\d\d\b|\d\/\d/;
const YEAR_G = /\b(?:1[89]|20)\d\d\b/g;
const FUTURE_TEXT = /\b(?:will|would|shall|scheduled|planned|upcoming|next)\b|['’]ll\b/i;
/** A month's name or abbreviation: only such a sentence can name a month without its year. */
const MONTH_TEXT = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i;
const MONTH_G = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/gi;
const MONTH_NUMBER: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
/** "by September 11", "until 2042": a deadline, which the text may well be written before. */
const DEADLINE_BEFORE = /\b(?:by|until|till|before)\s+$/i;

export class FactsCache {
  private readonly dates = new Map<number, DateMention[]>();
  private readonly facts = new Map<number, SentenceFacts>();

  private reference: string | null | undefined;

  /**
   * @param tenure when the offices the text names were all held at once (see tenure.ts): the
   *   last resort for dating an article that names no year.
   */
  constructor(
    private readonly doc: Document,
    private readonly tenure: () => { from: string; until: string } | null = () => null,
  ) {}

  /**
   * The date events are resolved against: the publication date, else the
   * latest year-dated month the text itself names (an article undated by its
   * page was written after the last date it reports). Found only when needed.
   */
  referenceDate(): string | null {
    if (this.reference !== undefined) return this.reference;
    this.reference = this.doc.published;
    if (!this.reference) {
      let latest = this.latestNamed();
      // No year at all: the offices it names may fix one ("US President Joe Biden" with "President Ghani").
      if (!latest) {
        const held = this.tenure();
        if (held && held.until !== "9999" && held.from.slice(0, 4) === held.until.slice(0, 4))
          latest = held.from.slice(0, 4);
      }
      // Only a year: the months the text names without one ("on Dec.19") are of that year, and the
      // latest of them is as far as the article can be placed.
      if (latest && latest.length === 4) latest = this.latestMonthIn(latest) ?? latest;
      this.reference = latest;
      if (latest)
        this.doc.warnings.push(
          `no publication date: events dated against ${latest}, the latest month or year the text names`,
        );
    }
    return this.reference;
  }

  /**
   * The latest month (or year) a sentence names with its year. Without a reference only
   * year-bearing dates resolve, so a sentence can name no year later than the latest it
   * spells out: sentences are read from the latest year down, and the scan stops as soon
   * as nothing unread can beat what was found.
   */
  private latestNamed(): string | null {
    const byYear = new Map<string, string[]>();
    const other: string[] = [];
    for (const s of this.doc.sentences) {
      if (s.skip) continue;
      const text = this.doc.text.slice(s.start, s.end);
      // Sentences about the future ("talks will open in January 2018") may look past the article.
      if (!HAS_YEAR.test(text) || FUTURE_TEXT.test(text)) continue;
      const years = text.match(YEAR_G);
      if (!years) {
        other.push(text); // "9/11", "12/05": read always
        continue;
      }
      const top = years.reduce((a, b) => (a > b ? a : b));
      const list = byYear.get(top) ?? [];
      list.push(text);
      byYear.set(top, list);
    }
    let latest = null as string | null;
    const read = (text: string) => {
      for (const d of findDates(text, { date: null })) {
        // Spans of time ("the early 2000s", "from 1996 to 2001") say nothing of when the text was written;
        // a day is cut to its month: the article came some days after the last one it names.
        if (d.kind === "range" || DEADLINE_BEFORE.test(text.slice(0, d.start))) continue;
        const named = d.date.slice(0, 7);
        if (!latest || named.localeCompare(latest) > 0) latest = named;
      }
    };
    for (const text of other) read(text);
    for (const year of [...byYear.keys()].sort().reverse()) {
      if (latest && latest.slice(0, 4) >= year) break;
      for (const text of byYear.get(year)!) read(text);
    }
    return latest;
  }

  /** The latest month of `year` a past-tense sentence names, or null. */
  private latestMonthIn(year: string): string | null {
    // Read from the latest month a sentence names down, and stop when nothing unread can beat the find.
    const byMonth = new Map<number, string[]>();
    for (const s of this.doc.sentences) {
      if (s.skip) continue;
      const text = this.doc.text.slice(s.start, s.end);
      if (!MONTH_TEXT.test(text) || FUTURE_TEXT.test(text)) continue;
      // Numeric dates ("25/12") name a month without its word: such a sentence is read first.
      let top = /\d[/.]\d/.test(text) ? 12 : 0;
      for (const m of text.matchAll(MONTH_G))
        top = Math.max(top, MONTH_NUMBER[m[0].slice(0, 3).toLowerCase()] ?? 0);
      const list = byMonth.get(top) ?? [];
      list.push(text);
      byMonth.set(top, list);
    }
    let latest = null as string | null;
    for (const month of [...byMonth.keys()].sort((a, b) => b - a)) {
      if (latest && Number(latest.slice(5, 7)) >= month) break;
      for (const text of byMonth.get(month)!) {
        for (const d of findDates(text, { date: year })) {
          if (d.kind !== "absolute" || d.date.length < 7 || !d.date.startsWith(year)) continue;
          if (DEADLINE_BEFORE.test(text.slice(0, d.start))) continue;
          const named = d.date.slice(0, 7);
          if (!latest || named > latest) latest = named;
        }
      }
    }
    return latest;
  }

  private datesOf(si: number): DateMention[] {
    let found = this.dates.get(si);
    if (!found) {
      const s = this.doc.sentences[si];
      const text = this.doc.text.slice(s.start, s.end);
      found = findDates(text, { date: this.referenceDate() }).map((d) => ({
        ...d,
        start: d.start + s.start,
        end: d.end + s.start,
      }));
      this.dates.set(si, found);
    }
    return found;
  }

  /** The last date named in an earlier sentence of the same paragraph. */
  private inheritedDate(si: number): DateMention | null {
    const paragraph = this.doc.sentences[si].paragraph;
    for (let k = si - 1; k >= 0 && this.doc.sentences[k].paragraph === paragraph; k--) {
      const dates = this.datesOf(k);
      if (dates.length) return dates[dates.length - 1];
    }
    return null;
  }

  get(si: number): SentenceFacts {
    let f = this.facts.get(si);
    if (!f) {
      const s = this.doc.sentences[si];
      const text = this.doc.text.slice(s.start, s.end);
      f = {
        dates: this.datesOf(si),
        places: findPlaces(text, s.start),
        quantities: findQuantities(text, s.start),
        inherited: this.inheritedDate(si),
        reference: this.referenceDate(),
      };
      this.facts.set(si, f);
    }
    return f;
  }
}

/** Past tense at the trigger: an -ed form or a past auxiliary before it. */
export function pastTense(t: Tokens, i: number): boolean {
  // A nominal event takes the tense of the verb that governs it: "oversaw the transfer".
  if (t.pos[i] === "NOUN") {
    for (let j = i - 1; j >= 0 && j >= i - 4 && t.sentence[j] === t.sentence[i]; j--) {
      if (t.pos[j] === "VERB") return pastTense(t, j);
    }
    return false;
  }
  if (
    t.pos[i] === "VERB" &&
    t.lower[i] !== t.lemma[i] &&
    !t.lower[i].endsWith("ing") &&
    !t.lower[i].endsWith("s")
  )
    return true;
  for (let j = i - 1; j >= 0 && j >= i - 3; j--)
    if (["was", "were", "had", "did"].includes(t.lower[j])) return true;
  return false;
}

/** "has asked", "have not sent": a perfect with a present auxiliary. */
function presentPerfect(t: Tokens, i: number): boolean {
  for (let j = i - 1; j >= 0 && j >= i - 3 && t.sentence[j] === t.sentence[i]; j--) {
    if (t.lower[j] === "has" || t.lower[j] === "have" || t.lower[j] === "'ve") return true;
    if (t.pos[j] !== "ADV" && t.lower[j] !== "not" && t.lower[j] !== "n't") return false;
  }
  return false;
}

/**
 * The event's date: the date mention nearest the trigger; else, for a verb in
 * the past tense, the last date of the paragraph so far; else the article's
 * own date (news reports what just happened), with its own precision.
 */
/**
 * A date inside commas between the subject and the trigger belongs to the
 * apposition ("Lapin, the Commander appointed in late November, oversaw ..."),
 * not to the event. A fronted date ("In mid-December, ...") is not inside commas.
 */
function parenthetical(d: DateMention, t: Tokens, trigger: number): boolean {
  const at = t.start[trigger];
  if (d.end > at) return false;
  let commaBefore = false;
  let commaAfter = false;
  let sentenceStart = trigger;
  const sentence = t.sentence[trigger];
  while (sentenceStart > 0 && t.sentence[sentenceStart - 1] === sentence) sentenceStart--;
  for (let i = sentenceStart; i < trigger; i++) {
    if (t.text[i] !== ",") continue;
    if (t.end[i] <= d.start && i > sentenceStart + 1) commaBefore = true;
    if (t.start[i] >= d.end) commaAfter = true;
  }
  return commaBefore && commaAfter;
}

/**
 * "extended the lease until 2042": a date after "until" ends a span that began
 * with the event; it is not when the event happened.
 */
function endBound(d: DateMention, t: Tokens, trigger: number): boolean {
  const sentence = t.sentence[trigger];
  let i = trigger;
  while (i > 0 && t.sentence[i - 1] === sentence && t.start[i] > d.start) i--;
  while (i < t.start.length && t.sentence[i] === sentence && t.start[i] < d.start) i++;
  if (i === 0 || t.start[i] !== d.start) return false;
  const before = t.lower[i - 1];
  return before === "until" || before === "till" || before === "untill";
}

/**
 * "will agree to such a proposal, which has been put forward since August": a date inside a
 * relative clause after the trigger dates that clause, not the trigger.
 */
function inRelativeClause(d: DateMention, t: Tokens, trigger: number): boolean {
  if (d.start <= t.end[trigger]) return false;
  const sentence = t.sentence[trigger];
  for (let i = trigger + 1; i < t.start.length && t.sentence[i] === sentence && t.start[i] < d.start; i++) {
    if (t.text[i] === "," && RELATIVE_PRONOUNS.has(t.lower[i + 1])) return true;
  }
  return false;
}

export interface EventDate {
  date: string;
  precision: DatePrecision;
  /** The text gave no year ("in February", "on Tuesday"): the year, or week, was chosen. */
  impliedYear?: boolean;
  /** The text named a weekday. */
  weekday?: boolean;
}

const HAS_YEAR_TEXT = /\b\d{4}\b|['’]\d\d\b/;
const WEEKDAY_TEXT = /\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b/;

export function eventDate(facts: SentenceFacts, t: Tokens, trigger: number): EventDate | null {
  const picked = pickDate(
    facts.dates.filter(
      (d) => !parenthetical(d, t, trigger) && !endBound(d, t, trigger) && !inRelativeClause(d, t, trigger),
    ),
    t.start[trigger],
  );
  if (picked) {
    const weekday = WEEKDAY_TEXT.test(picked.text);
    const implied =
      (picked.kind === "absolute" || weekday) &&
      !HAS_YEAR_TEXT.test(picked.text) &&
      picked.precision !== "year";
    return implied
      ? {
          date: picked.date,
          precision: picked.precision,
          impliedYear: true,
          weekday,
        }
      : { date: picked.date, precision: picked.precision };
  }
  // "Six months ago X ruled out talks. Y has asked Russia ...": an "ago" dates its own sentence only,
  // and the present perfect is about now, not about the last date named.
  if (
    facts.inherited &&
    facts.inherited.kind !== "relative" &&
    pastTense(t, trigger) &&
    !presentPerfect(t, trigger)
  )
    return { date: facts.inherited.date, precision: facts.inherited.precision };
  const pub = facts.reference;
  if (!pub) return null;
  return { date: pub, precision: pub.length === 10 ? "day" : pub.length === 7 ? "month" : "year" };
}

/**
 * A date without its year sits on the side of the reference date its tense
 * says: "signed in February" (written in September) is the February before,
 * "will meet on Tuesday" the Tuesday after. chrono picks the nearest one.
 */
export function dateForTense(
  date: EventDate,
  reference: string | null,
  future: boolean,
  past: boolean,
): EventDate {
  if (!date.impliedYear || !reference || (!future && !past)) return date;
  const size = date.date.length;
  if (reference.length < size) return date;
  const ref = reference.slice(0, size);
  const late = date.date > ref;
  const early = date.date < ref;
  if (future ? !early : !late) return date;
  const step = future ? 1 : -1;
  if (date.weekday && size === 10) {
    const d = new Date(`${date.date}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 7 * step);
    return { ...date, date: d.toISOString().slice(0, 10) };
  }
  const year = Number(date.date.slice(0, 4)) + step;
  return { ...date, date: `${String(year).padStart(4, "0")}${date.date.slice(4)}` };
}

/** The nearest place named after a preposition that is not itself part of an actor's name. */
export function eventLocation(facts: SentenceFacts, v: SentenceView, trigger: number): EventLocation | null {
  const t = v.tokens;
  const triggerStart = t.start[trigger];
  let best: PlaceMention | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const p of facts.places) {
    if (!p.prepositional) continue;
    const inside = v.mentions.some((m) => p.start < m.end && m.start < p.end);
    if (inside) continue;
    const distance = Math.abs(p.start - triggerStart);
    if (distance < bestDistance) {
      best = p;
      bestDistance = distance;
    }
  }
  if (!best) return null;
  return {
    name: best.name,
    country: best.country,
    lat: best.lat,
    lon: best.lon,
    start: best.start,
    end: best.end,
  };
}

export function eventQuantities(facts: SentenceFacts, p: Pattern): Quantity[] {
  return MATERIAL.has(p.event) ? facts.quantities : [];
}
