/**
 * Sentences, tokens, POS and lemmas over wink-nlp, written into the document's
 * flat token arrays. wink-nlp ignores line breaks, so each line of the cleaned
 * text is read on its own: a heading never runs into the paragraph below it.
 */

import model from "wink-eng-lite-web-model";
import winkNLP from "wink-nlp";
import type { Document, Sentence } from "../model/document.js";
import type { Stage } from "../pipeline/stage.js";

// Only what the stages read: sentence breaks, tokens, POS (lemmas come with POS). NER,
// sentiment and negation would cost a third of the time for nothing.
const nlp = winkNLP(model, ["sbd", "pos"]);
type ItemToken = ReturnType<ReturnType<typeof nlp.readDoc>["tokens"]>;
const its = nlp.its;

/** Abbreviations after which a number does not start a new sentence ("No. 1", "approx. 300"). */
const NUMBER_ABBREVIATIONS = new Set([
  "no.",
  "nos.",
  "approx.",
  "vol.",
  "p.",
  "pp.",
  "art.",
  "fig.",
  "ch.",
  "sec.",
  "para.",
]);

interface TokenRange {
  tokenStart: number;
  tokenEnd: number;
}

/** Lemmas by POS, then lower-case form: wink's lemmatizer is the costliest output, and a corpus repeats its words. */
const lemmaCache = new Map<string, Map<string, string>>();
let lemmaCacheSize = 0;
const LEMMA_CACHE_LIMIT = 200_000;

function cachedLemma(tokens: ItemToken, i: number, lower: string, pos: string): string {
  let byForm = lemmaCache.get(pos);
  if (byForm === undefined) {
    byForm = new Map();
    lemmaCache.set(pos, byForm);
  }
  let lemma = byForm.get(lower);
  if (lemma === undefined) {
    lemma = tokens.itemAt(i).out(its.lemma as never) as unknown as string;
    if (++lemmaCacheSize > LEMMA_CACHE_LIMIT) {
      for (const m of lemmaCache.values()) m.clear();
      lemmaCacheSize = 1;
    }
    byForm.set(lower, lemma);
  }
  return lemma;
}

/** True when a line break lies between the end of token i-1 and the start of token i. */
function lineBreakBefore(doc: Document, i: number): boolean {
  const t = doc.tokens;
  for (let k = t.end[i - 1]; k < t.start[i]; k++) if (doc.text.charCodeAt(k) === 10) return true;
  return false;
}

/**
 * wink-nlp splits after any "word." it does not know ("ed. note", "approx. 300").
 * A sentence that starts in lower case, or with a number after a numbering
 * abbreviation, continues the one before on the same line.
 */
function repairSplits(sentences: TokenRange[], doc: Document): TokenRange[] {
  const tokens = doc.tokens;
  const out: TokenRange[] = [];
  for (const s of sentences) {
    const prev = out[out.length - 1];
    if (prev && prev.tokenEnd === s.tokenStart && !lineBreakBefore(doc, s.tokenStart)) {
      const first = tokens.text[s.tokenStart];
      const lastOfPrev = tokens.lower[prev.tokenEnd - 1];
      const beforeLast = tokens.lower[prev.tokenEnd - 2] ?? "";
      const startsLower = /^[a-z]/.test(first);
      const numberAfterAbbrev =
        /^\d/.test(first) &&
        (NUMBER_ABBREVIATIONS.has(lastOfPrev) ||
          (lastOfPrev === "." && NUMBER_ABBREVIATIONS.has(`${beforeLast}.`)));
      if (startsLower || numberAfterAbbrev) {
        prev.tokenEnd = s.tokenEnd;
        continue;
      }
    }
    out.push({ ...s });
  }
  return out;
}

/** A word with a possessive ending still on it: "Poor's", "Russia’s" (not "'s" itself, not "it's"). */
const POSSESSIVE_ENDING = /^\p{L}[\p{L}.&-]*\p{L}['’]s$/u;

function push(
  t: Document["tokens"],
  start: number,
  end: number,
  text: string,
  lower: string,
  lemma: string,
  pos: string,
): void {
  t.start.push(start);
  t.end.push(end);
  t.text.push(text);
  t.lower.push(lower);
  t.lemma.push(lemma);
  t.pos.push(pos);
  t.sentence.push(-1);
}

/**
 * Tokenise the whole cleaned text in one wink-nlp pass (one pass per line costs
 * a third more), then cut wink's sentences at every line break: wink ignores
 * line breaks, and a heading must not run into the paragraph below it.
 */
function tokenize(doc: Document): TokenRange[] {
  const text = doc.text;
  const wdoc = nlp.readDoc(text);
  const tokens = wdoc.tokens();
  const values: string[] = tokens.out();
  const pos: string[] = tokens.out(its.pos);
  const spans = wdoc.sentences().out(its.span) as unknown as [number, number][];
  const t = doc.tokens;
  // wink's token index -> ours: wink makes tokens of line breaks, which we drop.
  const ours = new Int32Array(values.length + 1);
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    ours[i] = t.start.length;
    const value = values[i];
    const c0 = value.charCodeAt(0);
    if (c0 <= 32 && value.trim() === "") continue;
    // Tokens follow each other with whitespace between; find each one from the last.
    let start = cursor;
    while (start < text.length && (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 10)) start++;
    if (!text.startsWith(value, start)) {
      const found = text.indexOf(value, cursor);
      start = found >= 0 ? found : start;
    }
    const end = Math.min(text.length, start + value.length);
    cursor = end;
    const lower = value.toLowerCase();
    // wink splits "Poor's" into "Poor" + "'s" in a fresh process but not once its cache has seen the
    // word whole: split here, so that a document reads the same whatever was read before it.
    if (POSSESSIVE_ENDING.test(value)) {
      const cut = end - 2;
      push(t, start, cut, value.slice(0, -2), lower.slice(0, -2), lower.slice(0, -2), pos[i]);
      push(t, cut, end, value.slice(-2), lower.slice(-2), lower.slice(-2), "PART");
      continue;
    }
    push(t, start, end, value, lower, cachedLemma(tokens, i, lower, pos[i]), pos[i]);
  }
  ours[values.length] = t.start.length;
  // wink's sentences, cut at line breaks.
  const cut: TokenRange[] = [];
  for (const [wa, wb] of spans) {
    const a = ours[wa];
    const b = ours[wb + 1] - 1;
    if (b < a) continue;
    let from = a;
    for (let i = a + 1; i <= b; i++) {
      if (lineBreakBefore(doc, i)) {
        cut.push({ tokenStart: from, tokenEnd: i });
        from = i;
      }
    }
    cut.push({ tokenStart: from, tokenEnd: b + 1 });
  }
  return repairSplits(cut, doc);
}

export const segmentStage: Stage = {
  name: "segment",
  version: `1.1.0+wink-nlp-${(model as { version?: string }).version ?? "lite"}`,
  requires: ["text", "paragraphs"],
  assigns: ["sentences", "tokens"],
  run(doc) {
    const sentences: Sentence[] = [];
    const t = doc.tokens;
    // Paragraphs are separated by blank lines, so no range crosses one.
    let p = 0;
    for (const r of tokenize(doc)) {
      if (r.tokenEnd <= r.tokenStart) continue;
      const start = t.start[r.tokenStart];
      while (p < doc.paragraphs.length - 1 && doc.paragraphs[p].end <= start) p++;
      const para = doc.paragraphs[p];
      const index = sentences.length;
      for (let k = r.tokenStart; k < r.tokenEnd; k++) t.sentence[k] = index;
      sentences.push({
        start,
        end: t.end[r.tokenEnd - 1],
        paragraph: p,
        language: para.language,
        skip: para.skip,
        tokenStart: r.tokenStart,
        tokenEnd: r.tokenEnd,
      });
    }
    doc.sentences = sentences;
  },
};

/** Word tokens of a short phrase, exactly as the segmenter would cut them (for dictionary keys). */
export function tokenizePhrase(phrase: string): string[] {
  return nlp.readDoc(phrase).tokens().out();
}
