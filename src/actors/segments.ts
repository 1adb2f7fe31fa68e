/**
 * First pass of mention finding: cut a sentence's tokens into segments, each
 * a dictionary phrase (alias, demonym, metonym, role), a run of unknown proper
 * nouns, or a possessive marker. The second pass (mentions.ts) composes them.
 */
import type { Tokens } from "../model/document.js";
import { type ActorDictionary, caseFits, type TrieHit } from "./dictionary.js";

export interface Segment {
  /** Token range [start, end). */
  start: number;
  end: number;
  kind: "phrase" | "name" | "possessive" | "of";
  hits: TrieHit[];
  /** A name that may be an ordinary capitalised word (a lone one opening the sentence). */
  doubtful?: boolean;
}

const MONTHS = new Set(["january", "march", "april", "may", "june", "july", "august"]);

/** Words that are capitalised without being names. */
const NOT_NAMES = new Set([
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
  "jan.",
  "feb.",
  "mar.",
  "apr.",
  "jun.",
  "jul.",
  "aug.",
  "sep.",
  "sept.",
  "oct.",
  "nov.",
  "dec.",
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
  "i",
  "i'm",
  "ok",
  "a.m.",
  "p.m.",
]);

/** "of" and "for" join the parts of a name ("Bank of England"); "and" only inside such a name
 * ("Center for Security and Cooperation"), so that "Bloomberg and Reuters" stay two. */
function joins(tokens: Tokens, runStart: number, j: number): boolean {
  const w = tokens.lower[j];
  if (w === "of" || w === "for") return true;
  if (w !== "and") return false;
  for (let k = runStart; k < j; k++) if (tokens.lower[k] === "of" || tokens.lower[k] === "for") return true;
  return false;
}

/** Endings of adjectives made from names: Islamic, Asian, Western, Chinese, Kurdish. */
const ADJECTIVAL = /(?:ic|an|ern|ese|ish|ist)$/;

/** First word of the sentence, or first after an opening quote or bracket. */
function atSentenceStart(tokens: Tokens, i: number, start: number): boolean {
  if (i > start && /^[“"‘«(]$/.test(tokens.text[i - 1])) return true;
  for (let j = start; j < i; j++) if (!/^[“"'‘([«—–-]$/.test(tokens.text[j])) return false;
  return true;
}

function isCapitalised(word: string): boolean {
  const c = word[0];
  return c !== undefined && c !== c.toLowerCase();
}

/** A line set in title case (a headline, no closing stop): its capitals say nothing about names. */
export function isTitleCase(tokens: Tokens, start: number, end: number): boolean {
  if (end > start && /^[.!?"”’)]$/.test(tokens.text[end - 1])) return false;
  let words = 0;
  let caps = 0;
  for (let i = start; i < end; i++) {
    const w = tokens.text[i];
    if (!/^\p{L}/u.test(w) || w.length < 4) continue;
    words++;
    if (isCapitalised(w)) caps++;
  }
  return words >= 3 && caps / words > 0.7;
}

/** The longest dictionary phrase starting at token i whose case fits, with its fitting hits. */
function longestPhrase(dict: ActorDictionary, tokens: Tokens, i: number, end: number): Segment | null {
  let node = dict.trie;
  let best: Segment | null = null;
  for (let j = i; j < end; j++) {
    const child = node.next.get(tokens.lower[j]);
    if (!child) break;
    node = child;
    if (node.hits.length === 0) continue;
    const fitting = node.hits.filter((h) => h.tokens.every((pt, k) => caseFits(pt, tokens.text[i + k])));
    if (fitting.length > 0) best = { start: i, end: j + 1, kind: "phrase", hits: fitting };
  }
  return best;
}

/** "Loretta Lynch", "Mark Esper": a capitalised word after a name, inside a sentence, that the tagger took for a verb. */
function mistaggedSurname(tokens: Tokens, j: number, sentenceStart: number): boolean {
  const w = tokens.text[j];
  return (
    j > sentenceStart + 1 &&
    (tokens.pos[j] === "VERB" || tokens.pos[j] === "ADJ") &&
    /^\p{Lu}\p{Ll}+$/u.test(w) &&
    !NOT_NAMES.has(tokens.lower[j]) &&
    !MONTHS.has(tokens.lower[j])
  );
}

function isNameToken(tokens: Tokens, i: number): boolean {
  const w = tokens.text[i];
  return (
    (tokens.pos[i] === "PROPN" || (tokens.pos[i] === "NOUN" && /^\p{Lu}\p{Ll}/u.test(w))) &&
    isCapitalised(w) &&
    /^\p{L}/u.test(w) &&
    !NOT_NAMES.has(tokens.lower[i])
  );
}

export function segmentSentence(
  dict: ActorDictionary,
  tokens: Tokens,
  start: number,
  end: number,
  headline: boolean,
): Segment[] {
  const out: Segment[] = [];
  // The longest phrase at a token is asked for again while a name runs on: read each once.
  const phrases: (Segment | null | undefined)[] = new Array(end - start);
  const phraseAt = (j: number): Segment | null => {
    let found = phrases[j - start];
    if (found === undefined) {
      found = longestPhrase(dict, tokens, j, end);
      phrases[j - start] = found;
    }
    return found;
  };
  let i = start;
  while (i < end) {
    const lower = tokens.lower[i];
    if (lower === "'s" || lower === "’s" || lower === "'" || lower === "’") {
      out.push({ start: i, end: i + 1, kind: "possessive", hits: [] });
      i++;
      continue;
    }
    if (lower === "of") {
      out.push({ start: i, end: i + 1, kind: "of", hits: [] });
      i++;
      continue;
    }
    const phrase = phraseAt(i);
    if (phrase) {
      out.push(phrase);
      i = phrase.end;
      continue;
    }
    if (!headline && isNameToken(tokens, i)) {
      let j = i + 1;
      // A name runs on over proper nouns and "of"/"for" between them ("Observer Research Foundation",
      // "Bank of England"), but stops where a dictionary phrase begins.
      for (;;) {
        if (j < end && (isNameToken(tokens, j) || mistaggedSurname(tokens, j, start)) && !phraseAt(j)) j++;
        // "Theresa May", "Tom March": a month name after a first name, not before a number, is a surname.
        else if (
          j < end &&
          MONTHS.has(tokens.lower[j]) &&
          tokens.pos[j] !== "VERB" &&
          tokens.pos[j] !== "AUX" &&
          !/^\d/.test(tokens.text[j + 1] ?? "")
        )
          j++;
        else if (joins(tokens, i, j) && j + 1 < end && isNameToken(tokens, j + 1) && !phraseAt(j + 1)) j += 2;
        else break;
      }
      // "Islamic law", "Central Asian republics": an adjective of a name, not a name.
      if (
        j < end &&
        tokens.pos[j] === "NOUN" &&
        /^\p{Ll}/u.test(tokens.text[j]) &&
        ADJECTIVAL.test(tokens.text[j - 1])
      ) {
        i = j;
        continue;
      }
      // A lone capitalised word opening the sentence is usually an ordinary word ("Cooperation",
      // "Everything"); it counts only as a surname already met.
      const lone = j - i === 1;
      const acronym = /^\p{Lu}{2,}$/u.test(tokens.text[i]);
      out.push({
        start: i,
        end: j,
        kind: "name",
        hits: [],
        doubtful: lone && !acronym && atSentenceStart(tokens, i, start),
      });
      i = j;
      continue;
    }
    i++;
  }
  return out;
}
