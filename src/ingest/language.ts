/**
 * The language stage: a language per paragraph, and skip for every paragraph
 * that is not English (extraction patterns are English). Cheap tests first —
 * the script of the letters, then English function words — and franc-min,
 * restricted to the languages our sources carry, only when those do not settle it.
 */
import { franc } from "franc-min";
import type { Document } from "../model/document.js";
import type { Stage } from "../pipeline/stage.js";

/** Below this many characters a paragraph is too short to tell; it takes the document's language. */
export const MIN_PARAGRAPH_CHARS = 40;

// franc-min codes (ISO 639-3). It has no Tajik or Dari: Tajik is Cyrillic
// (lands on rus/uzn/kaz), Dari is Persian (pes).
const LATIN = ["eng", "fra", "deu", "spa", "ita", "por", "tur", "uzn"];
const CYRILLIC = ["rus", "ukr", "uzn", "kaz"];
const ARABIC = ["arb", "pes", "urd", "pbu"];

/** Function words that are English and rarely anything else. */
const ENGLISH = new Set(
  (
    "the of and to is that for with are has have had said this which from by at it its were been their they " +
    "he she his her would not but who after about than there also"
  ).split(" "),
);
const WORD = /[a-z']+/g;
const UKRAINIAN_LETTERS = /[іїєґІЇЄҐ]/;
const PASHTO_LETTERS = /[ټډړښږځڅ]/;
const PERSIAN_LETTERS = /[پچژگ]/;

type Script = "latin" | "cyrillic" | "arabic" | "han" | "other" | "none";

/** The script most letters are written in ("none" when there are too few letters). */
export function dominantScript(s: string): Script {
  let latin = 0;
  let cyrillic = 0;
  let arabic = 0;
  let han = 0;
  let other = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (
      (c >= 0x61 && c <= 0x7a) ||
      (c >= 0x41 && c <= 0x5a) ||
      (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7)
    )
      latin++;
    else if (c < 0x370) continue;
    else if (c >= 0x400 && c <= 0x52f) cyrillic++;
    else if ((c >= 0x600 && c <= 0x6ff) || (c >= 0x750 && c <= 0x77f) || (c >= 0xfb50 && c <= 0xfeff))
      arabic++;
    else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) han++;
    // Punctuation, symbols, emoji halves: not letters.
    else if (c < 0x2000 || (c > 0x2bff && c < 0xd800 && !(c >= 0x3000 && c <= 0x303f))) other++;
  }
  const total = latin + cyrillic + arabic + han + other;
  if (total < 2) return "none";
  const top = Math.max(latin, cyrillic, arabic, han, other);
  if (top === latin) return "latin";
  if (top === cyrillic) return "cyrillic";
  if (top === arabic) return "arabic";
  return top === han ? "han" : "other";
}

/** How much of a paragraph is read to tell its language. */
const LANGUAGE_SAMPLE_CHARS = 600;

/** Latin-script text shorter than this is not given to franc. */
const MIN_FRANC_LATIN_CHARS = 240;

/** Function words of English news that French, Spanish, Italian or German rarely use as words. */
const ENGLISH_SHORT = new Set([
  ...ENGLISH,
  ..."on in will could should can may over into against before its an was be been more than new".split(" "),
]);

/** Letters English news does not use outside names: their presence lets franc judge a short text. */
const NON_ENGLISH_LETTERS = /[àâäãåæçèéêëìíîïñòóôõöøœßùúûüýÿąćęłńśźżčďěňřšťůž¿¡]/i;

/** Function words of French, Spanish, Portuguese, Italian and German that English text does not use. */
const FOREIGN_WORDS = new Set(
  (
    "der die das des dem den und mit von zu für ist nicht ein eine einer le la les et du une est dans pour " +
    "sur qui el los las del y que por para una es con se il della di che gli non per sono um uma não com"
  ).split(" "),
);

/** Accented letters, or two function words of another language. */
function looksForeign(s: string): boolean {
  if (NON_ENGLISH_LETTERS.test(s)) return true;
  let hits = 0;
  for (const w of s.toLowerCase().match(WORD) ?? []) if (FOREIGN_WORDS.has(w) && ++hits >= 2) return true;
  return false;
}

/** Share of the words that are common English words. */
function englishShare(s: string): number {
  const words = s.toLowerCase().match(WORD);
  if (!words) return 0;
  let hits = 0;
  for (const w of words) if (ENGLISH_SHORT.has(w)) hits++;
  return hits / words.length;
}

/** Enough text to see English function words; more only costs time. */
const ENGLISH_CHECK_CHARS = 320;

function looksEnglish(s: string): boolean {
  const words = s.slice(0, ENGLISH_CHECK_CHARS).toLowerCase().match(WORD);
  if (!words || words.length < 6) return false;
  let hits = 0;
  for (const w of words) if (ENGLISH.has(w)) hits++;
  return hits >= 3 && hits / words.length >= 0.12;
}

/** Language of one paragraph, or null when it is too short to say (then the document's language applies). */
export function paragraphLanguage(s: string): string | null {
  const script = dominantScript(s);
  const short = s.length < MIN_PARAGRAPH_CHARS;
  switch (script) {
    case "none":
      return null;
    case "latin":
      if (short) return null;
      if (looksEnglish(s)) return "eng";
      // franc guesses wildly on a sentence or two of news ("Russia vetoed a UN draft" reads as
      // Italian): a short text with some common English words takes the document's language.
      // A short line with neither English function words nor accented letters ("American commanders met
      // Taliban officials.") is names and content words: franc cannot tell, the document's language applies.
      if (s.length < MIN_FRANC_LATIN_CHARS && (englishShare(s) >= 0.1 || !looksForeign(s))) return null;
      return franc(s, { only: LATIN, minLength: 1 });
    case "cyrillic":
      if (short) return UKRAINIAN_LETTERS.test(s) ? "ukr" : "rus";
      return franc(s, { only: CYRILLIC, minLength: 1 });
    case "arabic":
      if (short) return PASHTO_LETTERS.test(s) ? "pbu" : PERSIAN_LETTERS.test(s) ? "pes" : "arb";
      return franc(s, { only: ARABIC, minLength: 1 });
    case "han":
      return "cmn";
    default: {
      const guess = franc(s, { minLength: 1 });
      return guess === "und" ? "mis" : guess;
    }
  }
}

export function detectLanguages(doc: Pick<Document, "text" | "paragraphs">): void {
  const found: (string | null)[] = [];
  const weight = new Map<string, number>();
  for (const p of doc.paragraphs) {
    // The first few hundred characters tell the language as well as the whole paragraph, for less.
    const lang = paragraphLanguage(doc.text.slice(p.start, Math.min(p.end, p.start + LANGUAGE_SAMPLE_CHARS)));
    found.push(lang);
    if (lang && lang !== "und") weight.set(lang, (weight.get(lang) ?? 0) + (p.end - p.start));
  }
  let majority = "und";
  let best = 0;
  for (const [lang, w] of weight) {
    if (w > best) {
      best = w;
      majority = lang;
    }
  }
  doc.paragraphs.forEach((p, i) => {
    p.language = found[i] ?? majority;
    // "und" (nothing to tell) is read as English: the extractor may try it.
    p.skip = p.language !== "eng" && p.language !== "und";
  });
}

export const languageStage: Stage = {
  name: "language",
  version: "1.1.0",
  requires: ["text", "paragraphs"],
  assigns: ["paragraphs"],
  run(doc: Document): void {
    detectLanguages(doc);
  },
};
