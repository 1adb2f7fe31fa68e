/**
 * The clean stage: raw text to cleaned text of paragraphs separated by blank
 * lines, with web boilerplate removed and an offset map back to the raw text.
 * Line based and single pass over the text; the rules are compiled once.
 */
import type { Document, OffsetSegment, Paragraph, RemovedBlock } from "../model/document.js";
import type { Stage } from "../pipeline/stage.js";
import { type Boilerplate, boilerplate } from "./boilerplate.js";
import { classifyLines } from "./classify.js";
import { type Line, splitLines } from "./lines.js";

export interface CleanResult {
  text: string;
  offsetMap: OffsetSegment[];
  paragraphs: Paragraph[];
  removed: RemovedBlock[];
}

/** A line that ends like this closes its sentence; the next line is not its continuation. */
const CLOSED = /[.!?:;…"”’)\]]$/;
const STARTS_LOWER = /^\p{Ll}/u;
const LIST_ITEM = /^(?:[-*•·–—]\s|\d{1,2}[.)]\s)/;
const PARAGRAPH_BREAK = "\n\n";

export function cleanText(raw: string, bp: Boilerplate = boilerplate): CleanResult {
  const lines = splitLines(raw);
  const kinds = classifyLines(lines, bp, raw.length);
  const wrapped = hardWrappedBlocks(lines);

  const parts: string[] = [];
  const offsetMap: OffsetSegment[] = [];
  const paragraphs: Paragraph[] = [];
  let length = 0;
  let paraStart = -1;
  let prev = -1; // previous kept line, while it may still be continued

  const append = (line: Line) => {
    const s = line.segs;
    for (let k = 0; k < s.length; k += 3) addSegment(offsetMap, length + s[k], s[k + 1], s[k + 2]);
    parts.push(line.text);
    length += line.text.length;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.text === "" || kinds[i]) {
      // A blank or removed line ends any continuation.
      prev = -1;
      continue;
    }
    if (prev >= 0 && prev === i - 1 && continues(lines[prev].text, line.text, wrapped[i])) {
      // Wrapped line: the line break becomes the joining space, mapped one to one.
      addSegment(offsetMap, length, lines[prev].rawEnd, 1);
      parts.push(" ");
      length += 1;
    } else {
      if (paraStart >= 0) {
        paragraphs.push({ start: paraStart, end: length, language: "und", skip: false });
        parts.push(PARAGRAPH_BREAK);
        length += PARAGRAPH_BREAK.length;
      }
      paraStart = length;
    }
    append(line);
    prev = i;
  }
  if (paraStart >= 0) paragraphs.push({ start: paraStart, end: length, language: "und", skip: false });

  return { text: parts.join(""), offsetMap, paragraphs, removed: removedBlocks(lines, kinds) };
}

/**
 * Whether `next` continues the line before it. A closed sentence or a list
 * item never does; in a hard-wrapped block any other line does; elsewhere
 * only a line that starts in lower case.
 */
function continues(previous: string, next: string, wrappedBlock: boolean): boolean {
  if (CLOSED.test(previous) || LIST_ITEM.test(next)) return false;
  return wrappedBlock || STARTS_LOWER.test(next);
}

function addSegment(map: OffsetSegment[], cleanStart: number, rawStart: number, length: number): void {
  const last = map[map.length - 1];
  if (last && last.cleanStart + last.length === cleanStart && last.rawStart + last.length === rawStart) {
    last.length += length;
  } else {
    map.push({ cleanStart, rawStart, length });
  }
}

/**
 * Lines of hard-wrapped blocks (plain text wrapped at a fixed width, like old
 * wire copy): at least 3 lines, nearly all but the last 40-100 characters long.
 * Marks every line but the first of such a block as a continuation.
 */
function hardWrappedBlocks(lines: Line[]): boolean[] {
  const wrapped: boolean[] = new Array(lines.length).fill(false);
  let i = 0;
  while (i < lines.length) {
    if (lines[i].text === "") {
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && lines[j].text !== "") j++;
    const count = j - i;
    if (count >= 3) {
      let fitting = 0;
      let longest = 0;
      for (let k = i; k < j - 1; k++) {
        const len = lines[k].text.length;
        if (len >= 40 && len <= 100) fitting++;
        longest = Math.max(longest, len);
      }
      if (longest <= 110 && fitting >= 0.8 * (count - 1)) for (let k = i + 1; k < j; k++) wrapped[k] = true;
    }
    i = j;
  }
  return wrapped;
}

/** Removed lines as raw spans, consecutive lines of one kind (blank lines between allowed) merged. */
function removedBlocks(lines: Line[], kinds: (string | null)[]): RemovedBlock[] {
  const blocks: RemovedBlock[] = [];
  let open: RemovedBlock | null = null;
  for (let i = 0; i < lines.length; i++) {
    const kind = kinds[i];
    if (lines[i].text === "") continue;
    if (!kind) {
      open = null;
      continue;
    }
    if (open && open.kind === kind) open.rawEnd = lines[i].rawEnd;
    else {
      open = { kind, rawStart: lines[i].rawStart, rawEnd: lines[i].rawEnd };
      blocks.push(open);
    }
  }
  return blocks;
}

export const cleanStage: Stage = {
  name: "clean",
  version: `1.0.0+boilerplate.${boilerplate.version}`,
  requires: ["rawText"],
  assigns: ["text", "offsetMap", "paragraphs"],
  run(doc: Document): void {
    const result = cleanText(doc.rawText);
    doc.text = result.text;
    doc.offsetMap = result.offsetMap;
    doc.paragraphs = result.paragraphs;
    doc.removed = result.removed;
  },
};
