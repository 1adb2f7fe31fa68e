/**
 * Quantities a sentence gives: "three T-72B1 tanks", "$122 million", "about 9
 * thousand Afghans", "43 percent". A number, its scale words, then the head
 * noun found by skipping modifiers (adjectives, demonyms, model codes) up to
 * the first plural noun. Vague amounts ("several", "dozens of") have no number
 * and are left out; so are years, dates, ordinals, codes and ages.
 */
import type { Quantity } from "../model/event.js";

interface Token {
  text: string;
  start: number;
  end: number;
  /** Digits of a number token ("3,000", "1.5"), else null. */
  digits: string | null;
  /** Letters glued to a number: "m" of "$1m", "rd" of "43rd". */
  suffix: string;
}

/** A number with its glued letters, a word (hyphens and apostrophes inside), or one symbol. */
const TOKEN = /(\d(?:[\d,]*\d)?(?:\.\d+)?)(\p{L}*)|[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*|\S/gu;

function tokenize(sentence: string): Token[] {
  const out: Token[] = [];
  for (const m of sentence.matchAll(TOKEN)) {
    const start = m.index;
    out.push({ text: m[0], start, end: start + m[0].length, digits: m[1] ?? null, suffix: m[2] ?? "" });
  }
  return out;
}

/** "a b c" as a set and "k:v k:v" as a table: keeps each word list on a line or two. */
const words = (spec: string) => new Set(spec.split(" "));
const table = (spec: string): Record<string, string> =>
  Object.fromEntries(spec.split(" ").map((pair) => pair.split(":") as [string, string]));
const numbers = (spec: string): Record<string, number> =>
  Object.fromEntries(Object.entries(table(spec)).map(([k, v]) => [k, Number(v)]));

const UNITS = [
  ..."zero one two three four five six seven eight nine ten eleven twelve".split(" "),
  ..."thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split(" "),
];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const SCALES = numbers(
  "dozen:12 hundred:1e2 thousand:1e3 million:1e6 mln:1e6 mn:1e6 billion:1e9 bln:1e9 bn:1e9 trillion:1e12 tn:1e12",
);
/** Letters glued to a number that scale it ("$5bn", "£1m", "10k"). */
const GLUED_SCALES = numbers("k:1e3 m:1e6 mn:1e6 mln:1e6 b:1e9 bn:1e9 bln:1e9 tn:1e12");
const GLUED_UNITS = words("km kg mm cm kt mw gw ha");
const SYMBOLS = table("$:USD €:EUR £:GBP ¥:JPY ₽:RUB");
/** Letters glued before "$": "US$", "C$". */
const SYMBOL_PREFIXES = table("US:USD A:AUD C:CAD HK:HKD NZ:NZD S:SGD");
const CURRENCY_WORDS = table(
  "dollars:USD euros:EUR euro:EUR sterling:GBP rubles:RUB roubles:RUB yuan:CNY renminbi:CNY yen:JPY " +
    "somoni:TJS afghanis:AFN tenge:KZT soms:KGS sums:UZS hryvnias:UAH hryvnia:UAH lira:TRY rials:IRR " +
    "riyals:SAR dirhams:AED USD:USD EUR:EUR GBP:GBP RUB:RUB CNY:CNY JPY:JPY",
);
const MEASURES = words(
  "km kilometres kilometers miles metres meters feet tonnes tons hectares acres barrels litres liters gallons kg",
);
/** Nouns that are plural without an -s. */
const PLURALS = words(
  "people men women children police personnel military staff militia aircraft infantry cattle sheep livestock",
);
/** Participles that count people right after a number: "12 killed", "5 wounded". */
const CASUALTIES = words("killed dead wounded injured missing detained arrested displaced");
/** Time units: durations and ages are the date stage's concern, not a quantity of the event. */
const TIME_UNITS = /^(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries|times)$/i;
/** Words that end the search for a head noun: function words, verbs, adverbs. */
const STOP = words(
  "the a an this that these those its his her their our my your of in on at to from by with for into over " +
    "under across against between during since after before near per than about around through via without " +
    "within towards toward among amid and or but nor as if while when where because so yet is are was were be " +
    "been being has have had do does did will would can could may might must shall should not no who which what " +
    "whom whose it they he she we you there here also more less only each every all both such ago later earlier " +
    "old thus perhaps always unless whereas plus minus versus besides afterwards",
);
/** Words before a number that make it a label, not an amount: "Resolution 2254", "Article 5". */
const LABELS = words(
  "no article resolution chapter section paragraph flight route room page number camp phase stage round level",
);
/** Words before a four-digit number that make it an amount, not a year ("some 2000 police"). */
const AMOUNT_CUES = words(
  "about around over some nearly almost roughly approximately than least only just total",
);
const MONTH =
  "(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)";
const MONTH_BEFORE = new RegExp(`\\b${MONTH}\\.?\\s*$`);
const MONTH_AFTER = new RegExp(`^\\s*(?:of\\s+)?${MONTH}\\b`);
/** Digits or a number word: sentences without one cost a single regex test. */
const PREFILTER = new RegExp(
  `\\d|\\b(?:${[...UNITS, ...TENS.slice(2), ...Object.keys(SCALES)].join("|")})`,
  "i",
);

/** First words (before any hyphen) that wordNumber can read. */
const NUMBER_HEADS = new Set([...UNITS, ...TENS.filter(Boolean), "a", "an"]);

/** The value of number words starting at token i ("twenty-five", "a thousand"), with the tokens used. */
function wordNumber(tokens: Token[], i: number): [number, number] | null {
  const w = tokens[i].text.toLowerCase();
  // Every word number starts with a unit, a tens word or "a"/"an": most words are none (one lookup).
  const dash = w.indexOf("-");
  if (!NUMBER_HEADS.has(dash < 0 ? w : w.slice(0, dash))) return null;
  const parts = w.split("-");
  if (parts.length > 2) return null; // "twenty-one-year-old" is an age
  const [tens, unit] = parts;
  let value: number;
  if (UNITS.includes(w)) value = UNITS.indexOf(w);
  else if (
    TENS.includes(tens) &&
    tens &&
    (unit === undefined || (UNITS.indexOf(unit) >= 1 && UNITS.indexOf(unit) <= 9))
  ) {
    value = TENS.indexOf(tens) * 10 + (unit ? UNITS.indexOf(unit) : 0);
  } else if ((w === "a" || w === "an") && SCALES[tokens[i + 1]?.text.toLowerCase()]) value = 1;
  else return null;
  return [value, 1];
}

/** Multiplies by the scale words after token i ("9 thousand", "1.5 bln", "two hundred thousand"). */
function applyScales(tokens: Token[], i: number, value: number): [number, number] {
  let j = i;
  for (let s = SCALES[tokens[j]?.text.toLowerCase()]; s; s = SCALES[tokens[j]?.text.toLowerCase()]) {
    value *= s;
    j++;
  }
  return [value, j];
}

const capitalised = (t: Token | undefined) => !!t && /^\p{Lu}/u.test(t.text);

/** A capitalised head inside a run of capitalised words is a name or headline: "Fox 10 News", "16 Tips Every". */
function inTitle(head: Token, after: Token | undefined, before: Token | undefined): boolean {
  if (!capitalised(head)) return false;
  if (capitalised(after)) return true;
  const b = before?.text.toLowerCase() ?? "";
  return capitalised(before) && !AMOUNT_CUES.has(b) && !STOP.has(b);
}

/** -s plurals; "crisis", "status", "mass" are not, "Iraqis" is. */
const isPlural = (w: string) =>
  /s$/.test(w) && !/(?:ss|us|'s|’s)$/.test(w) && (!/is$/.test(w) || /^\p{Lu}/u.test(w));
const isWord = (t: Token | undefined): t is Token => !!t && /^\p{L}/u.test(t.text);
const glued = (a: Token, b: Token) => a.end === b.start;

export function findQuantities(sentence: string, offset = 0): Quantity[] {
  if (!PREFILTER.test(sentence)) return [];
  const tokens = tokenize(sentence);
  const out: Quantity[] = [];
  const emit = (from: number, to: number, value: number, unit: string) =>
    out.push({ value, unit, text: sentence.slice(from, to), start: from + offset, end: to + offset });

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    let value: number;
    let next: number; // first token after the number and its scale words
    let currency: string | null = null;
    let spanStart = t.start;
    if (t.digits !== null) {
      const prev = tokens[i - 1];
      // Glued to a code, a score, a date or a time: "Mi-24", "2+2", "3-1", "9/11", "10:30", "Dec.19".
      if (prev && glued(prev, t) && /[-+/:#.]$/.test(prev.text) && !SYMBOLS[prev.text]) continue;
      const after = sentence[t.end];
      if (after && /[-+/:]/.test(after) && /[\p{L}\p{N}]/u.test(sentence[t.end + 1] ?? "")) continue;
      if (MONTH_BEFORE.test(sentence.slice(0, t.start)) || MONTH_AFTER.test(sentence.slice(t.end))) continue;
      value = Number(t.digits.replaceAll(",", ""));
      const suffix = t.suffix.toLowerCase();
      if (prev && SYMBOLS[prev.text]) {
        currency = SYMBOLS[prev.text];
        spanStart = prev.start;
        const prefix = tokens[i - 2];
        if (prefix && glued(prefix, prev) && SYMBOL_PREFIXES[prefix.text]) {
          currency = SYMBOL_PREFIXES[prefix.text];
          spanStart = prefix.start;
        }
      } else if (prev && CURRENCY_WORDS[prev.text] && prev.text.length === 3) {
        currency = CURRENCY_WORDS[prev.text]; // "USD 5 million"
        spanStart = prev.start;
      }
      if (suffix && GLUED_UNITS.has(suffix) && !currency) {
        emit(t.start, t.end, value, suffix);
        continue;
      }
      if (suffix && !GLUED_SCALES[suffix]) continue; // "43rd", "1990s", "5G"
      if (suffix) value *= GLUED_SCALES[suffix];
      const yearLike = /^\d{4}$/.test(t.digits) && value >= 1900 && value <= 2100 && !currency && !suffix;
      const prevWord = prev?.text.toLowerCase() ?? "";
      if (yearLike && !AMOUNT_CUES.has(prevWord)) continue;
      if (LABELS.has(prevWord)) continue;
      // Inside a name: "Fox 10 News", "Channel 4" (a possessive before is fine: "Tajikistan's 560 cadets").
      if (i > 1 && !currency && isWord(prev) && /^\p{Lu}/u.test(prev.text) && !/['’]s$/.test(prev.text))
        continue;
      [value, next] = applyScales(tokens, i + 1, value);
    } else {
      const w = wordNumber(tokens, i);
      if (!w) continue;
      [value, next] = applyScales(tokens, i + w[1], w[0]);
    }
    if (Number.isNaN(value)) continue;
    const last = tokens[next - 1];
    if (currency) {
      emit(spanStart, last.end, value, currency);
      i = next - 1;
      continue;
    }
    const unit = findHead(tokens, next, value, tokens[i - 1]);
    if (unit) {
      emit(spanStart, unit.end, value, unit.unit);
      i = unit.index;
    }
  }
  return out;
}

/** The unit after a number: "%", a currency or measure word, or the first plural noun within a few modifiers. */
function findHead(
  tokens: Token[],
  i: number,
  value: number,
  beforeNumber: Token | undefined,
): { unit: string; end: number; index: number } | null {
  const first = tokens[i];
  if (!first) return null;
  const hit = (t: Token, unit: string, index: number) => ({ unit, end: t.end, index });
  if (first.text === "%") return hit(first, "percent", i);
  const w0 = first.text.toLowerCase();
  if (w0 === "percent" || w0 === "pct") return hit(first, "percent", i);
  if (w0 === "per" && tokens[i + 1]?.text.toLowerCase() === "cent")
    return hit(tokens[i + 1], "percent", i + 1);
  if (CASUALTIES.has(w0)) return hit(first, w0, i);
  for (let j = i; j < i + 4 && j < tokens.length; j++) {
    const t = tokens[j];
    if (!isWord(t)) return null; // punctuation ends the phrase
    const w = t.text.toLowerCase();
    if (STOP.has(w) || TIME_UNITS.test(w)) return null;
    if (CURRENCY_WORDS[t.text] ?? CURRENCY_WORDS[w])
      return hit(t, CURRENCY_WORDS[t.text] ?? CURRENCY_WORDS[w], j);
    if (MEASURES.has(w)) return hit(t, w, j);
    if (value === 1) return null; // a singular head cannot be told from an adjective
    if (w === "pounds" && tokens[j + 1]?.text === "sterling") return hit(tokens[j + 1], "GBP", j + 1);
    if (PLURALS.has(w) || isPlural(t.text))
      return inTitle(t, tokens[j + 1], beforeNumber) ? null : hit(t, t.text, j);
    // Anything else is a modifier: "armored", "Tajik", "T-72B1", "other".
  }
  return null;
}
