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

interface LineSentence {
  tokenStart: number;
  tokenEnd: number;
}

/**
 * wink-nlp splits after any "word." it does not know ("ed. note", "approx. 300").
 * A sentence that starts in lower case, or with a number after a numbering
 * abbreviation, continues the one before.
 */
function repairSplits(sentences: LineSentence[], doc: Document): LineSentence[] {
  const tokens = doc.tokens;
  const out: LineSentence[] = [];
  for (const s of sentences) {
    const prev = out[out.length - 1];
    if (prev && s.tokenEnd > s.tokenStart) {
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

/** Tokenise one line of the cleaned text (starting at `lineStart`), appending to the token arrays. */
function segmentLine(doc: Document, line: string, lineStart: number, sentenceBase: number): LineSentence[] {
  const wdoc = nlp.readDoc(line);
  const values: string[] = wdoc.tokens().out();
  const spaces: string[] = wdoc.tokens().out(its.precedingSpaces);
  const pos: string[] = wdoc.tokens().out(its.pos);
  const lemmas: string[] = wdoc.tokens().out(its.lemma as never);
  const spans = wdoc.sentences().out(its.span) as unknown as [number, number][];
  const t = doc.tokens;
  const first = t.start.length;
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    let start = cursor + spaces[i].length;
    // precedingSpaces can disagree with the text around odd characters; find the token instead.
    if (line.startsWith(value, start) === false) {
      const found = line.indexOf(value, cursor);
      start = found >= 0 ? found : start;
    }
    const end = Math.min(line.length, start + value.length);
    cursor = end;
    t.start.push(lineStart + start);
    t.end.push(lineStart + end);
    t.text.push(value);
    t.lower.push(value.toLowerCase());
    t.lemma.push(lemmas[i]);
    t.pos.push(pos[i]);
    t.sentence.push(-1);
  }
  const sentences = spans.map(([a, b]) => ({ tokenStart: first + a, tokenEnd: first + b + 1 }));
  const repaired = repairSplits(sentences, doc);
  for (let k = 0; k < repaired.length; k++) {
    const s = repaired[k];
    for (let i = s.tokenStart; i < s.tokenEnd; i++) t.sentence[i] = sentenceBase + k;
  }
  return repaired;
}

export const segmentStage: Stage = {
  name: "segment",
  version: `1.0.0+wink-nlp-${(model as { version?: string }).version ?? "lite"}`,
  requires: ["text", "paragraphs"],
  assigns: ["sentences", "tokens"],
  run(doc) {
    const sentences: Sentence[] = [];
    doc.paragraphs.forEach((para, p) => {
      let lineStart = para.start;
      while (lineStart < para.end) {
        let lineEnd = doc.text.indexOf("\n", lineStart);
        if (lineEnd < 0 || lineEnd > para.end) lineEnd = para.end;
        const line = doc.text.slice(lineStart, lineEnd);
        if (line.trim().length > 0) {
          for (const s of segmentLine(doc, line, lineStart, sentences.length)) {
            if (s.tokenEnd <= s.tokenStart) continue;
            sentences.push({
              start: doc.tokens.start[s.tokenStart],
              end: doc.tokens.end[s.tokenEnd - 1],
              paragraph: p,
              language: para.language,
              skip: para.skip,
              tokenStart: s.tokenStart,
              tokenEnd: s.tokenEnd,
            });
          }
        }
        lineStart = lineEnd + 1;
      }
    });
    doc.sentences = sentences;
  },
};

/** Word tokens of a short phrase, exactly as the segmenter would cut them (for dictionary keys). */
export function tokenizePhrase(phrase: string): string[] {
  return nlp.readDoc(phrase).tokens().out();
}
