/** What documents keep of the reader and of extract's output, and event identity; row values are in doc-rows.ts. */
import type { Insertable } from "kysely";
import type { Document } from "../model/document.js";
import type { EventRecord } from "../model/event.js";
import { EVENT_VALUES, eventValues, rowObject } from "./doc-rows.js";
import type { EventsTable } from "./schema.js";

/** What the reader said, kept so `reprocess` can rebuild the RawDocument without the file. */
export interface ReaderInfo {
  title: string | null;
  url: string | null;
  author: string | null;
  published: string | null;
  publishedSource: Document["publishedSource"];
  encoding?: string;
  /** `--date` of the ingest that stored it. */
  fallbackDate: string | null;
}

export { type StoredOutput, storedOutput } from "./doc-rows.js";

/** One event as an events row (reprocess updates rows in place with it). */
export function eventRow(
  e: EventRecord,
  doc: Document,
  ids: { documentId: number; storyId: number; runId: number; live: boolean },
): Insertable<EventsTable> {
  const fields = rowObject(EVENT_VALUES, eventValues([e], doc.published), 0);
  return {
    document_id: ids.documentId,
    ...fields,
    story_id: ids.storyId,
    live: ids.live ? 1 : 0,
    run_id: ids.runId,
  } as Insertable<EventsTable>;
}

/**
 * What makes two extractions of one text "the same event" for `reprocess`:
 * type, mode, who, whom, modality, date and trigger. Other fields (pattern id,
 * versions, quantities) may change without the event being new.
 */
export function eventSignature(e: {
  event: string;
  mode: string | null;
  actor: string;
  recipient: string | null;
  modality: string;
  date: string | null;
  triggerStart: number;
  triggerEnd: number;
}): string {
  return [e.event, e.mode, e.actor, e.recipient, e.modality, e.date, e.triggerStart, e.triggerEnd].join(
    "\u0000",
  );
}

export function recordSignature(e: EventRecord): string {
  return eventSignature({
    event: e.event,
    mode: e.mode,
    actor: e.actor.id,
    recipient: e.recipient?.id ?? null,
    modality: e.modality,
    date: e.date,
    triggerStart: e.evidence.trigger.start,
    triggerEnd: e.evidence.trigger.end,
  });
}
