/** A processed Document as table rows: pure mapping, no database access. */
import type { Insertable } from "kysely";
import type { ActorIdentity } from "../model/actor.js";
import type { Document } from "../model/document.js";
import type { EventRecord } from "../model/event.js";
import { type ExtractOutput, toOutput } from "../pipeline/output.js";
import { dayNumber, periodOf } from "./dates.js";
import type { ActorsTable, EventsTable, MentionsTable, SentencesTable } from "./schema.js";
import { actorKey, type StoryKey } from "./stories.js";

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

/** The parts of extract's output that have no table of their own. */
export interface StoredOutput {
  doc: ExtractOutput["doc"];
  actors: ExtractOutput["actors"];
  warnings?: string[];
}

export function storedOutput(doc: Document): StoredOutput {
  const out = toOutput(doc);
  const stored: StoredOutput = { doc: out.doc, actors: out.actors };
  if (out.warnings) stored.warnings = out.warnings;
  return stored;
}

export function sentenceRows(doc: Document, documentId: number): Insertable<SentencesTable>[] {
  return doc.sentences.map((s, idx) => ({
    document_id: documentId,
    idx,
    start: s.start,
    end: s.end,
    language: s.language,
    text: doc.text.slice(s.start, s.end),
  }));
}

export function mentionRows(doc: Document, documentId: number): Insertable<MentionsTable>[] {
  return doc.mentions.map((m) => ({
    document_id: documentId,
    actor_id: m.id,
    text: m.text,
    start: m.start,
    end: m.end,
    sentence: m.sentence,
    via: m.via,
    role: m.role ?? null,
    kind: m.kind,
    country: m.country,
    sector: m.sector,
    affiliation_id: m.affiliation?.id ?? null,
    affiliation_name: m.affiliation?.name ?? null,
  }));
}

/** Every actor the document names or its events refer to, once each (last identity wins). */
export function actorRows(doc: Document, now: string): Insertable<ActorsTable>[] {
  const byId = new Map<string, ActorIdentity>();
  const add = (a: ActorIdentity | null) => {
    if (a) byId.set(a.id, a);
  };
  doc.mentions.forEach(add);
  doc.actors.forEach(add);
  for (const e of doc.events) {
    add(e.actor);
    add(e.recipient);
    add(e.reported_by);
  }
  return [...byId.values()].map((a) => ({
    id: a.id,
    name: a.name,
    kind: a.kind,
    country: a.country,
    sector: a.sector,
    affiliation_id: a.affiliation?.id ?? null,
    affiliation_name: a.affiliation?.name ?? null,
    first_seen: now,
  }));
}

/** The event's own date, else its document's publication date. */
export function eventPeriod(e: EventRecord, published: string | null) {
  return periodOf(e.date) ?? periodOf(published);
}

export function storyKey(e: EventRecord, published: string | null): StoryKey {
  const period = eventPeriod(e, published);
  return {
    actorKey: actorKey(e.actor),
    eventType: e.event,
    recipientKey: e.recipient ? actorKey(e.recipient) : "",
    day: period ? dayNumber(period.start) : null,
  };
}

export function eventRow(
  e: EventRecord,
  doc: Document,
  ids: { documentId: number; storyId: number; runId: number; live: boolean },
): Insertable<EventsTable> {
  const period = eventPeriod(e, doc.published);
  return {
    document_id: ids.documentId,
    record_id: e.id,
    event_type: e.event,
    mode: e.mode,
    modality: e.modality,
    date: e.date,
    date_start: period?.start ?? "",
    date_end: period?.end ?? "",
    actor_id: e.actor.id,
    actor_name: e.actor.name,
    actor_country: e.actor.country,
    actor_key: actorKey(e.actor),
    recipient_id: e.recipient?.id ?? null,
    recipient_name: e.recipient?.name ?? null,
    recipient_country: e.recipient?.country ?? null,
    recipient_key: e.recipient ? actorKey(e.recipient) : null,
    reported_by_id: e.reported_by?.id ?? null,
    sentence: e.evidence.sentence,
    trigger_start: e.evidence.trigger.start,
    trigger_end: e.evidence.trigger.end,
    pattern: e.pattern,
    story_id: ids.storyId,
    live: ids.live ? 1 : 0,
    run_id: ids.runId,
    record: JSON.stringify(e),
  };
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
