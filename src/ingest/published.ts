/**
 * The published stage: the publication date from a dateline when neither the
 * container (HTML metadata, JSONL field) nor the caller gave one. Only dates
 * in a dateline position count — a line of their own, a line that starts
 * with the date followed by a time or a dash, a wire dateline ("MOSCOW,
 * Oct. 21, 2021 -"), or a label (Published/Posted/Updated). A date merely
 * mentioned in a sentence ("On July 7, Lavrov said") is never taken.
 */
import type { Document } from "../model/document.js";
import type { Stage } from "../pipeline/stage.js";
import { type DateMatch, dateAt, findDate } from "./dates.js";

/** Datelines sit near the top: look no further than this into the text. */
export const DATELINE_WINDOW = 1500;

const LABEL =
  /^(?:(?:first |originally )?published|posted|(?:last )?updated|(?:last )?modified|date|dated|released)(?: on| at)?\s*[:\-–—]?\s*/i;
/** "By Jane Doe, October 21, 2021" / "By Jane Doe | 21.10.2021". */
const BYLINE = /^[Bb]y:?\s+\p{Lu}/u;
/** Label and byline lines longer than this are sentences, not page furniture. */
const SHORT_LINE = 100;
const WEEKDAY = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?,?\s+/i;
/** A wire-service place before the date: "MOSCOW, " or "KABUL, Afghanistan, ". */
const WIRE_PLACE = /^\p{Lu}[\p{Lu}\p{Lt} .'-]{1,40}(?:,\s*\p{L}[\p{L} .]{1,30})?,\s*/u;
/** What may follow a date in a dateline: a time, a dash, a bar, or nothing. */
const AFTER_DATE =
  /^(?:\s*$|[\s,]*(?:at\s+)?\d{1,2}[:.]\d{2}\b|\s*[-–—|/•·]|\s*\((?:\p{Lu}[\p{L} ]{1,30}|\p{L}+ time)\)\s*[-–—]?)/u;

type Kind = "published" | "updated" | "dateline";

interface Found {
  kind: Kind;
  date: string;
}

/** A date right at `pos` of `line` (after an optional weekday), with where it ends. */
function dateAtStart(line: string, pos: number): DateMatch | null {
  const rest = line.slice(pos);
  const weekday = WEEKDAY.exec(rest);
  return dateAt(line, pos + (weekday ? weekday[0].length : 0));
}

function datelineIn(line: string): Found | null {
  const label = LABEL.exec(line);
  if (label) {
    // "Published: Oct 21, 2021", or in a short line "Posted by J. Smith on Oct 21, 2021".
    const d = dateAtStart(line, label[0].length) ?? (line.length <= SHORT_LINE ? findDate(line) : null);
    return d ? { kind: /updated|modified/i.test(label[0]) ? "updated" : "published", date: d.date } : null;
  }
  if (BYLINE.test(line) && line.length <= SHORT_LINE) {
    const d = findDate(line);
    return d && d.date.length === 10 ? { kind: "dateline", date: d.date } : null;
  }
  const place = WIRE_PLACE.exec(line);
  for (const pos of place ? [0, place[0].length] : [0]) {
    const d = dateAtStart(line, pos);
    // Unlabelled datelines must give the day: "October 2021" alone is too vague to trust.
    if (d && d.date.length === 10 && AFTER_DATE.test(line.slice(d.end)))
      return { kind: "dateline", date: d.date };
  }
  return null;
}

/** The dateline date of `text` (YYYY-MM-DD or YYYY-MM), or null. */
export function findDateline(text: string): string | null {
  const head = text.slice(0, DATELINE_WINDOW);
  let updated: string | null = null;
  let dateline: string | null = null;
  for (const rawLine of head.split("\n")) {
    const line = rawLine.trim();
    if (line.length < 4) continue;
    const found = datelineIn(line);
    if (!found) continue;
    if (found.kind === "published") return found.date;
    if (found.kind === "updated") updated ??= found.date;
    else dateline ??= found.date;
  }
  // An explicit "Published" wins anywhere in the window; otherwise the first dateline; "Updated" last.
  return dateline ?? updated;
}

export const publishedStage: Stage = {
  name: "published",
  version: "1.0.0",
  requires: ["text"],
  assigns: ["published"],
  run(doc: Document): void {
    if (doc.published) return;
    const date = findDateline(doc.text);
    doc.published = date;
    doc.publishedSource = date ? "dateline" : null;
  },
};
