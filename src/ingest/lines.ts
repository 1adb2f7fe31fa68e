/**
 * Raw text to normalised lines, each with the segments that map its
 * characters back to the raw text. Normalising: every kind of space (NBSP,
 * thin, ideographic, tab) becomes " " one for one, runs of spaces collapse to
 * one, invisible characters (soft hyphen, zero-width, BOM, controls) go, and
 * lines are trimmed. Lines that need none of this (most) are sliced as is.
 */

export interface Line {
  /** Normalised text of the line ("" for a blank line). */
  text: string;
  /** Raw span of the line, without its terminator. */
  rawStart: number;
  rawEnd: number;
  /** Flat triples [lineOffset, rawOffset, length], sorted and non-overlapping. */
  segs: number[];
}

const LINE_BREAK = /\r\n?|\n/g;
/** Characters that need work: every space but " ", invisibles, controls. */
const ODD_CHAR =
  /[\u0000-\u001f\u007f\u0085\u00a0\u00ad\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]/;

/** Every kind of space but " " itself (NBSP, thin, ideographic, tab, ...): each becomes one " ". */
const ODD_SPACE = /[\t\u000b\u000c\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/g;
/** Characters dropped altogether: controls, soft hyphen, zero-width characters, BOM. */
const INVISIBLE = /[\u0000-\u0008\u000e-\u001f\u007f\u00ad\u200b-\u200d\u2060\ufeff]/;

function isInvisible(c: number): boolean {
  return c < 0x20 || c === 0x7f || c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff;
}

export function splitLines(raw: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  if (raw.includes("\r")) {
    LINE_BREAK.lastIndex = 0;
    for (let m = LINE_BREAK.exec(raw); m; m = LINE_BREAK.exec(raw)) {
      lines.push(normaliseLine(raw, start, m.index));
      start = m.index + m[0].length;
    }
  } else {
    // Plain "\n" text (nearly all of it): indexOf is faster than a regex.
    for (let nl = raw.indexOf("\n"); nl >= 0; nl = raw.indexOf("\n", start)) {
      lines.push(normaliseLine(raw, start, nl));
      start = nl + 1;
    }
  }
  if (start < raw.length || lines.length === 0) lines.push(normaliseLine(raw, start, raw.length));
  return lines;
}

export function normaliseLine(raw: string, start: number, end: number): Line {
  let text = raw.slice(start, end);
  let invisible = false;
  if (ODD_CHAR.test(text)) {
    // Spaces are replaced one for one, so offsets still match the raw line.
    text = text.replace(ODD_SPACE, " ");
    invisible = INVISIBLE.test(text);
  }
  if (invisible || text.includes("  ")) return collapse(text, start, end);
  // Common case: at most a space at either edge to trim; still one segment.
  const lead = text.charCodeAt(0) === 0x20 ? 1 : 0;
  const trail = text.length > lead && text.endsWith(" ") ? 1 : 0;
  if (lead + trail > 0) text = text.slice(lead, text.length - trail);
  return { text, rawStart: start, rawEnd: end, segs: text ? [0, start + lead, text.length] : [] };
}

/**
 * The slow path: drop invisibles, leading spaces and every space that follows
 * another; trim the end. Kept characters form runs, one segment each.
 */
function collapse(line: string, start: number, end: number): Line {
  const segs: number[] = [];
  const pieces: string[] = [];
  let length = 0;
  let runStart = -1; // start (in `line`) of the current run of kept characters
  let lastWasSpace = true; // so that leading spaces are dropped
  const close = (to: number) => {
    if (runStart < 0) return;
    segs.push(length, start + runStart, to - runStart);
    pieces.push(line.slice(runStart, to));
    length += to - runStart;
    runStart = -1;
  };
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    const space = c === 0x20;
    if ((space && lastWasSpace) || (!space && isInvisible(c))) {
      close(i);
      continue;
    }
    if (runStart < 0) runStart = i;
    lastWasSpace = space;
  }
  close(line.length);
  let text = pieces.join("");
  if (text.endsWith(" ")) {
    text = text.slice(0, -1);
    segs[segs.length - 1]--;
    if (segs[segs.length - 1] === 0) segs.length -= 3;
  }
  return { text, rawStart: start, rawEnd: end, segs };
}
