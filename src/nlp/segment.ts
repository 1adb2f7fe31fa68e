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

/** Bumped when lemmaCache is cleared: a form's own lemmas from before no longer count. */
let lemmaEpoch = 0;

/**
 * What is known of one wink vocabulary id, whose value never changes: read once, so that every
 * occurrence shares the same strings (and their hashes, for the Map lookups of later stages).
 */
interface Form {
  value: string;
  lower: string;
  /** Ends in a possessive ("Poor's"): cut in two. */
  possessive: boolean;
  /**
   * A front for lemmaCache, which it mirrors (a form has one lower case): the lemma for the first
   * POS met in the object itself (most words have one), then POS, lemma, ... for the others.
   */
  pos: string | null;
  lemma: string;
  more: string[] | null;
  epoch: number;
}
/** By wink id: ids are dense, so an array indexes them; one object keeps a token's reads together. */
const forms: (Form | undefined)[] = [];

function formOf(tokens: ItemToken, i: number, id: number): Form {
  while (forms.length <= id) forms.push(undefined);
  let form = forms[id];
  if (form === undefined) {
    const value = tokens.itemAt(i).out() as string;
    form = {
      value,
      lower: value.toLowerCase(),
      possessive: POSSESSIVE_ENDING.test(value),
      pos: null,
      lemma: "",
      more: null,
      epoch: lemmaEpoch,
    };
    forms[id] = form;
  }
  return form;
}

function lemmaOf(tokens: ItemToken, i: number, form: Form, pos: string): string {
  if (form.epoch !== lemmaEpoch) {
    form.pos = null;
    form.more = null;
    form.epoch = lemmaEpoch;
  }
  if (form.pos === pos) return form.lemma;
  const more = form.more;
  if (more !== null) for (let k = 0; k < more.length; k += 2) if (more[k] === pos) return more[k + 1];
  const lower = form.lower;
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
      lemmaEpoch++;
      form.pos = null;
      form.more = null;
      form.epoch = lemmaEpoch;
    }
    byForm.set(lower, lemma);
  }
  if (form.pos === null) {
    form.pos = pos;
    form.lemma = lemma;
  } else if (form.more === null) form.more = [pos, lemma];
  else form.more.push(pos, lemma);
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

/** "Russia's", "men’s" inside running text (not "it's", "that's", which wink expands as contractions). */
const POSSESSIVE_IN_TEXT = /\b(\p{L}[\p{L}.&-]*\p{L})(['’]s)\b/gu;
const CONTRACTING = new Set(
  "it that he she what there here who let where how when why everyone everybody someone somebody nobody everything something nothing".split(
    " ",
  ),
);
const splitPossessive = (whole: string, word: string, ending: string): string =>
  CONTRACTING.has(word.toLowerCase()) ? whole : `${word} ${ending}`;

/** A word with a possessive ending still on it: "Poor's", "Russia’s" (not "'s" itself, not "it's"). */
const POSSESSIVE_ENDING = /^\p{L}[\p{L}.&-]*\p{L}['’]s$/u;

/**
 * Tokenise the whole cleaned text in one wink-nlp pass (one pass per line costs
 * a third more), then cut wink's sentences at every line break: wink ignores
 * line breaks, and a heading must not run into the paragraph below it.
 */
function tokenize(doc: Document): TokenRange[] {
  const text = doc.text;
  // wink splits "men's" in a fresh process but reads it whole once "men's," has put it in its cache;
  // the tags of the words around it change with it. Handing wink the possessive already apart makes
  // a document read the same whatever was read before it. Offsets still come from `text` below.
  const wdoc = nlp.readDoc(text.replace(POSSESSIVE_IN_TEXT, splitPossessive));
  const tokens = wdoc.tokens();
  // Ids and POS in two passes; a token's value and lower case come from the id (cached), not a third.
  const ids = tokens.out(its.uniqueId as never) as unknown as number[];
  const pos: string[] = tokens.out(its.pos);
  const spans = wdoc.sentences().out(its.span) as unknown as [number, number][];
  const t = doc.tokens;
  const base = t.start.length;
  // Filled into local arrays and handed over whole: seven pushes a token onto the document's arrays cost more.
  const starts: number[] = [];
  const ends: number[] = [];
  const texts: string[] = [];
  const lowers: string[] = [];
  const lemmas: string[] = [];
  const tags: string[] = [];
  // wink's token index -> ours: wink makes tokens of line breaks, which we drop.
  const ours = new Int32Array(ids.length + 1);
  let cursor = 0;
  for (let i = 0; i < ids.length; i++) {
    ours[i] = base + starts.length;
    const form = formOf(tokens, i, ids[i]);
    const value = form.value;
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
    const lower = form.lower;
    // wink splits "Poor's" into "Poor" + "'s" in a fresh process but not once its cache has seen the
    // word whole: split here, so that a document reads the same whatever was read before it.
    if (form.possessive) {
      const cut = end - 2;
      starts.push(start, cut);
      ends.push(cut, end);
      texts.push(value.slice(0, -2), value.slice(-2));
      lowers.push(lower.slice(0, -2), lower.slice(-2));
      lemmas.push(lower.slice(0, -2), lower.slice(-2));
      tags.push(pos[i], "PART");
      continue;
    }
    starts.push(start);
    ends.push(end);
    texts.push(value);
    lowers.push(lower);
    lemmas.push(lemmaOf(tokens, i, form, pos[i]));
    tags.push(pos[i]);
  }
  const sentence: number[] = new Array(starts.length).fill(-1);
  if (base === 0) {
    t.start = starts;
    t.end = ends;
    t.text = texts;
    t.lower = lowers;
    t.lemma = lemmas;
    t.pos = tags;
    t.sentence = sentence;
  } else {
    for (let k = 0; k < starts.length; k++) {
      t.start.push(starts[k]);
      t.end.push(ends[k]);
      t.text.push(texts[k]);
      t.lower.push(lowers[k]);
      t.lemma.push(lemmas[k]);
      t.pos.push(tags[k]);
      t.sentence.push(-1);
    }
  }
  ours[ids.length] = t.start.length;
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
