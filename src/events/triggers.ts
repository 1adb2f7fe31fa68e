import { isTitleCase } from "../actors/segments.js";
/**
 * Trigger finding: which tokens of a sentence start an event, and which
 * pattern each one fires. Precedence is explicit: patterns are tried in the
 * order comparePatterns gives (priority, then specificity), first fit wins.
 */
import type { Tokens } from "../model/document.js";
import type { CompiledLists, PatternSet } from "./patterns.js";
import { ownerAt, type SentenceView } from "./roles.js";
import type { Pattern } from "./schema.js";

export interface Trigger {
  /** First token of the trigger. */
  index: number;
  /** Token after the trigger and its particle. */
  after: number;
  pattern: Pattern;
}

const DEFAULT_WINDOW = 6;

function triggerClass(pos: string): "VERB" | "NOUN" | null {
  if (pos === "VERB" || pos === "AUX") return "VERB";
  if (pos === "NOUN" || pos === "PROPN") return "NOUN";
  return null;
}

/**
 * The patterns' object and notObject sets as bits: one bit per set, and per word the bits of the sets
 * that hold it. A common verb has up to twenty candidate patterns, each scanning the same window with
 * four set lookups a token; with the bits, each token is looked up once per sentence.
 */
interface ListBits {
  /** Bit of each set. */
  bit: Map<Set<string>, number>;
  /** Word -> bits of the sets that hold it. */
  words: Map<string, Uint32Array>;
  size: number;
}

const listBits = new WeakMap<PatternSet, ListBits>();

function listBitsOf(patterns: PatternSet): ListBits {
  let found = listBits.get(patterns);
  if (found) return found;
  const sets: Set<string>[] = [];
  for (const { object, notObject } of patterns.lists.values()) {
    if (object) sets.push(object);
    if (notObject) sets.push(notObject);
  }
  const size = (sets.length >> 5) + 1;
  const bit = new Map<Set<string>, number>();
  const words = new Map<string, Uint32Array>();
  sets.forEach((set, b) => {
    bit.set(set, b);
    for (const w of set) {
      let bits = words.get(w);
      if (!bits) {
        bits = new Uint32Array(size);
        words.set(w, bits);
      }
      bits[b >> 5] |= 1 << (b & 31);
    }
  });
  found = { bit, words, size };
  listBits.set(patterns, found);
  return found;
}

/** Per sentence: the set bits of each token's lemma and lower case, read on first need. */
class TokenBits {
  private readonly memo: (Uint32Array | null | undefined)[];
  constructor(
    private readonly t: Tokens,
    private readonly lists: ListBits,
    private readonly start: number,
    end: number,
  ) {
    this.memo = new Array(Math.max(0, end - start));
  }

  at(j: number): Uint32Array | null {
    const k = j - this.start;
    const inRange = k >= 0 && k < this.memo.length;
    const known = inRange ? this.memo[k] : undefined;
    if (known !== undefined) return known;
    const a = this.lists.words.get(this.t.lemma[j]);
    const b = this.lists.words.get(this.t.lower[j]);
    let bits: Uint32Array | null = a ?? b ?? null;
    if (a && b && a !== b) {
      bits = new Uint32Array(a.length);
      for (let x = 0; x < a.length; x++) bits[x] = a[x] | b[x];
    }
    if (inRange) this.memo[k] = bits;
    return bits;
  }

  /** Does the set of bit `b` hold token j's lemma or lower case? */
  has(j: number, b: number): boolean {
    const bits = this.at(j);
    return bits !== null && (bits[b >> 5] & (1 << (b & 31))) !== 0;
  }
}

/** Does the pattern fit at token i? Returns the token after trigger + particle, or -1. */
function fits(
  t: Tokens,
  i: number,
  end: number,
  p: Pattern,
  lists: CompiledLists,
  bits: TokenBits,
  lb: ListBits,
  /** The token before the trigger belongs to an actor: "Afghan forces backed by US strikes". */
  actorBefore = false,
  /** Whether token j belongs to an actor mention. */
  isActor: (j: number) => boolean = () => false,
): number {
  let after = i + 1;
  if (p.particle) {
    // A particle may come right after the verb or after a short object: "called off", "pulled its troops out".
    let k = 0;
    for (; k < p.particle.length; k++) if (t.lower[after + k] !== p.particle[k]) break;
    if (k < p.particle.length) return -1;
    after += p.particle.length;
  }
  const { object, notObject, notNext } = lists;
  if (notNext) {
    let j = after;
    if (t.pos[j] === "ADV" && j + 1 < end) j++;
    if (j < end && notNext.has(t.lower[j])) return -1;
  }
  if (object || notObject) {
    // object.has(lemma) || object.has(lower), as a bit of the token's bits.
    const objectBit = object ? lb.bit.get(object)! : -1;
    const notObjectBit = notObject ? lb.bit.get(notObject)! : -1;
    let found = !object;
    // A nominal trigger also takes its object as a modifier before it: "arms supplies", "aid shipments"
    // (and is refused by one: "money supply").
    if (p.pos === "NOUN") {
      for (let j = i - 1; j >= 0 && j >= i - 2 && t.sentence[j] === t.sentence[i]; j--) {
        if (notObjectBit >= 0 && bits.has(j, notObjectBit)) return -1;
        if (objectBit >= 0 && bits.has(j, objectBit)) found = true;
      }
    }
    // A reduced passive has its object before it: "numbers released by the ministry" are no release.
    if (
      p.pos === "VERB" &&
      !actorBefore &&
      t.lower[after] === "by" &&
      i > 0 &&
      t.sentence[i - 1] === t.sentence[i] &&
      t.pos[i - 1] === "NOUN"
    ) {
      if (notObjectBit >= 0 && bits.has(i - 1, notObjectBit)) return -1;
    }
    // The window counts words, not punctuation: "2-year-old economic sanctions" is three tokens apart, not five.
    let words = 0;
    const window = p.window ?? DEFAULT_WINDOW;
    for (let j = after; j < end && words < window; j++) {
      if (t.lower[j] === "." || t.lower[j] === ";") break;
      // "to begin on March 10": a date, not a march.
      if ((t.text[j] === "March" || t.text[j] === "May") && /^\d/.test(t.text[j + 1] ?? "")) continue;
      if (t.pos[j] !== "PUNCT") words++;
      if (notObjectBit >= 0 && bits.has(j, notObjectBit)) return -1;
      if (objectBit >= 0 && bits.has(j, objectBit)) found = true;
      // "hit Tel Aviv": an actor right after the trigger is an object the pattern accepts.
      if (p.objectActor && (words === 1 || (words === 2 && t.pos[j - 1] === "DET")) && isActor(j))
        found = true;
    }
    if (!found) return -1;
  }
  return after;
}

/** The verb patterns of the first candidate stem that has any ("" candidates are skipped). */
function verbPatternsOf(patterns: PatternSet, candidates: string[]): Pattern[] | undefined {
  for (const c of candidates) {
    const found = c ? patterns.byTrigger.VERB.get(c) : undefined;
    if (found) return found;
  }
  return undefined;
}

/**
 * The tagger reads some past tenses as adjectives or nouns ("blockaded", "tortured",
 * "Gunmen shot dead"): an -ed word not after a determiner or adjective is tried
 * as a verb, with its stem as the lemma.
 */
function mistaggedPast(v: SentenceView, i: number, patterns: PatternSet): Pattern[] | undefined {
  const t = v.tokens;
  const w = t.lower[i];
  if (!(t.pos[i] === "ADJ" || t.pos[i] === "NOUN") || w.length < 5 || !w.endsWith("ed")) return undefined;
  const prev = i > v.tokenStart ? t.pos[i - 1] : "";
  if (prev === "DET" || prev === "ADJ" || prev === "ADP" || prev === "NUM") return undefined;
  const stem = w.slice(0, -2);
  const candidates = [
    stem,
    w.slice(0, -1),
    stem.endsWith("i") ? `${stem.slice(0, -1)}y` : "",
    stem.length > 3 && stem.at(-1) === stem.at(-2) ? stem.slice(0, -1) : "",
  ];
  return verbPatternsOf(patterns, candidates);
}

/**
 * Headlines drop the auxiliaries the tagger leans on: in "Saudi Arabia lifts blockade of Qatar"
 * the verb after its subject is read as a plural noun. In a sentence with no other finite
 * verb, an -s noun right after an actor is tried as a verb.
 */
function mistaggedPresent(v: SentenceView, i: number, patterns: PatternSet): Pattern[] | undefined {
  const t = v.tokens;
  const w = t.lower[i];
  if (t.pos[i] !== "NOUN" || w.length < 4 || !w.endsWith("s") || w.endsWith("ss")) return undefined;
  if (i === v.tokenStart || i + 1 >= v.tokenEnd || ownerAt(v, i - 1) < 0 || t.pos[i + 1] === "PUNCT")
    return undefined;
  for (let j = v.tokenStart; j < v.tokenEnd; j++) {
    if ((t.pos[j] === "VERB" || t.pos[j] === "AUX") && !t.lower[j].endsWith("ing")) return undefined;
  }
  const candidates = [
    w.slice(0, -1),
    w.endsWith("es") ? w.slice(0, -2) : "",
    w.endsWith("ies") ? `${w.slice(0, -3)}y` : "",
  ];
  return verbPatternsOf(patterns, candidates);
}

/**
 * "The army is currently striking targets": after a form of "be", an -ing word the tagger
 * took for an adjective or noun is a progressive verb.
 */
function mistaggedProgressive(v: SentenceView, i: number, patterns: PatternSet): Pattern[] | undefined {
  const t = v.tokens;
  const w = t.lower[i];
  if (!(t.pos[i] === "ADJ" || t.pos[i] === "NOUN") || w.length < 6 || !w.endsWith("ing")) return undefined;
  let j = i - 1;
  if (j > v.tokenStart && t.pos[j] === "ADV") j--;
  if (j < v.tokenStart || t.lemma[j] !== "be" || i + 1 >= v.tokenEnd || t.pos[i + 1] === "PUNCT")
    return undefined;
  const stem = w.slice(0, -3);
  const candidates = [
    stem,
    `${stem}e`,
    stem.length > 3 && stem.at(-1) === stem.at(-2) ? stem.slice(0, -1) : "",
  ];
  return verbPatternsOf(patterns, candidates);
}

/**
 * "a powerful offensive on the part of", "the latest offensive": a word the tagger took for an
 * adjective, after an article and before a preposition or the end of the clause, is a noun.
 */
function mistaggedNoun(v: SentenceView, i: number, patterns: PatternSet): Pattern[] | undefined {
  const t = v.tokens;
  if (t.pos[i] !== "ADJ" || i + 1 >= v.tokenEnd) return undefined;
  const next = t.pos[i + 1];
  if (next !== "ADP" && next !== "PUNCT" && next !== "CCONJ") return undefined;
  let j = i - 1;
  if (j > v.tokenStart && (t.pos[j] === "ADJ" || t.pos[j] === "ADV")) j--;
  if (j < v.tokenStart || t.pos[j] !== "DET") return undefined;
  return patterns.byTrigger.NOUN?.get(t.lower[i]);
}

/** "North Korea test-fired missiles": the first half of a hyphenated past verb, tagged a noun, is the verb. */
function mistaggedCompound(v: SentenceView, i: number, patterns: PatternSet): Pattern[] | undefined {
  const t = v.tokens;
  if (t.pos[i] !== "NOUN" || i + 2 >= v.tokenEnd || t.text[i + 1] !== "-" || t.start[i + 1] !== t.end[i])
    return undefined;
  if (t.pos[i + 2] !== "VERB" || !t.lower[i + 2].endsWith("ed")) return undefined;
  return patterns.byTrigger.VERB.get(t.lower[i]);
}

const MODALS = new Set(["will", "would", "can", "could", "may", "might", "shall", "should", "must", "'ll"]);

/** "will likely meet", "could soon strike": after a modal (an adverb or two between), a word the tagger took for a noun is a verb. */
function mistaggedAfterModal(v: SentenceView, i: number, patterns: PatternSet): Pattern[] | undefined {
  const t = v.tokens;
  if (t.pos[i] !== "NOUN" && t.pos[i] !== "ADJ") return undefined;
  let j = i - 1;
  for (let k = 0; k < 2 && j > v.tokenStart && (t.pos[j] === "ADV" || t.pos[j] === "ADJ"); k++) j--;
  if (j < v.tokenStart || !MODALS.has(t.lower[j])) return undefined;
  return patterns.byTrigger.VERB.get(t.lower[i]);
}

/** Words before a month name that make it a date: "on March 10", "in May", "early March". */
const BEFORE_MONTH = new Set(
  "in on since until till by from of early late mid last next this through".split(" "),
);

/** "to begin on March 10", "in May 2021": the capitalised month is a date, not a march or a may. */
function isMonthName(v: SentenceView, i: number): boolean {
  const t = v.tokens;
  if (t.text[i] !== "March" && t.text[i] !== "May") return false;
  const next = t.text[i + 1] ?? "";
  return /^\d/.test(next) || (i > v.tokenStart && BEFORE_MONTH.has(t.lower[i - 1]));
}

const POSSESSIVES = new Set("the a an their its his her our your this that these those".split(" "));

/** A demonym: "Chadian", "Chinese", "British", "Iraqi" (the US is no adjective: "the US armed rebels"). */
const DEMONYM_ENDING = /(?:an|ese|ish|i|ic)$/;

/**
 * "their disputed border", "the occupied territories", "an armed group", "a Chadian armed group",
 * "a heavily armed convoy": a participle used as an adjective.
 */
function attributiveParticiple(v: SentenceView, i: number): boolean {
  const t = v.tokens;
  if (!t.lower[i].endsWith("ed") || i <= v.tokenStart || i + 1 >= v.tokenEnd) return false;
  // "a banned terrorist organization": an adjective may come between it and its noun.
  const noun = t.pos[i + 1] === "ADJ" && i + 2 < v.tokenEnd ? i + 2 : i + 1;
  if (t.pos[noun] !== "NOUN" && t.pos[noun] !== "PROPN") return false;
  let j = i - 1;
  for (let k = 0; k < 2 && j > v.tokenStart; k++) {
    const modifier =
      t.pos[j] === "ADV" || t.pos[j] === "ADJ" || (t.pos[j] === "PROPN" && DEMONYM_ENDING.test(t.lower[j]));
    if (!modifier) break;
    j--;
  }
  return POSSESSIVES.has(t.lower[j]);
}

/**
 * "Loretta Lynch", "Col. Thomas March": a capitalised proper noun inside a sentence of ordinary
 * case is a name, not "lynch" or "march". (Headlines in title case keep their capitalised nouns.)
 */
function nameWord(v: SentenceView, i: number): boolean {
  const t = v.tokens;
  if (i === v.tokenStart || !/^\p{Lu}\p{Ll}/u.test(t.text[i])) return false;
  // A proper noun, or any capitalised word right after a capitalised name ("Loretta Lynch" tagged a verb).
  const afterName = /^\p{Lu}/u.test(t.text[i - 1]) && (t.pos[i - 1] === "PROPN" || ownerAt(v, i - 1) >= 0);
  if (t.pos[i] !== "PROPN" && !afterName) return false;
  return !titleCase(v);
}

/** Whether the sentence is a title-case headline, read once per sentence (names are frequent). */
const titleCases = new WeakMap<SentenceView, boolean>();
function titleCase(v: SentenceView): boolean {
  let found = titleCases.get(v);
  if (found === undefined) {
    found = isTitleCase(v.tokens, v.tokenStart, v.tokenEnd);
    titleCases.set(v, found);
  }
  return found;
}

/** Auxiliaries that only build a tense or voice ("has called", "was sent"); a modal ("must") means something. */
const PERIPHRASTIC = new Set(["have", "be", "do"]);

/** An auxiliary before its verb: "has (repeatedly) called", "had not sent". */
function auxiliaryOfVerb(t: Tokens, i: number, end: number): boolean {
  let j = i + 1;
  while (j < end && (t.pos[j] === "ADV" || t.lower[j] === "not" || t.lower[j] === "n't")) j++;
  return j < end && t.pos[j] === "VERB";
}

export function findTriggers(v: SentenceView, patterns: PatternSet): Trigger[] {
  const t = v.tokens;
  const out: Trigger[] = [];
  const lb = listBitsOf(patterns);
  const isActor = (j: number) => ownerAt(v, j) >= 0;
  let bits: TokenBits | null = null;
  for (let i = v.tokenStart; i < v.tokenEnd; i++) {
    // Most tokens start no pattern: look that up first, then the (pure) reasons to pass a token over.
    const cls = triggerClass(t.pos[i]);
    const index = cls ? patterns.byTrigger[cls] : undefined;
    let candidates = index?.get(t.lemma[i]);
    if (index && !candidates && t.lower[i] !== t.lemma[i]) candidates = index.get(t.lower[i]);
    // Only a noun or an adjective can be a mistagged verb or noun trigger.
    if (!candidates && (t.pos[i] === "NOUN" || t.pos[i] === "ADJ"))
      candidates =
        mistaggedPast(v, i, patterns) ??
        mistaggedPresent(v, i, patterns) ??
        mistaggedProgressive(v, i, patterns) ??
        mistaggedAfterModal(v, i, patterns) ??
        mistaggedCompound(v, i, patterns) ??
        mistaggedNoun(v, i, patterns);
    if (!candidates) continue;
    // Names are not triggers: "the Moscow format", "Combat Brotherhood".
    if (ownerAt(v, i) >= 0) continue;
    // "Iran-backed militias", "Saudi-led strikes": a participle in a compound modifier is no event.
    if (i > v.tokenStart && t.text[i - 1] === "-" && t.start[i] === t.end[i - 1]) continue;
    if (isMonthName(v, i) || attributiveParticiple(v, i) || nameWord(v, i)) continue;
    // "has repeatedly called for talks": an auxiliary is no "have talks".
    if (t.pos[i] === "AUX" && PERIPHRASTIC.has(t.lemma[i]) && auxiliaryOfVerb(t, i, v.tokenEnd)) continue;
    bits ??= new TokenBits(t, lb, v.tokenStart, v.tokenEnd);
    const actorBefore = i > v.tokenStart && ownerAt(v, i - 1) >= 0;
    for (const p of candidates) {
      const after = fits(t, i, v.tokenEnd, p, patterns.lists.get(p)!, bits, lb, actorBefore, isActor);
      if (after >= 0) {
        out.push({ index: i, after, pattern: p });
        break;
      }
    }
  }
  return out;
}
