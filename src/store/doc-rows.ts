/**
 * A processed Document as the values of its table rows, ready to bind: built
 * where the document was extracted (a worker thread, see pool.ts `finish`),
 * so the writer thread only binds values. Rows are flat arrays with a fixed
 * stride (columns below), which cost far less to copy between threads than
 * the Document's object graph. Pure mapping, no database access; rows.ts
 * keeps the object forms on top of these.
 */
import type { ActorIdentity } from "../model/actor.js";
import type { Document } from "../model/document.js";
import type { EventRecord } from "../model/event.js";
import { documentLanguage, type ExtractOutput, toOutput } from "../pipeline/output.js";
import { dayNumber, periodOf } from "./dates.js";
import type { DocumentsTable } from "./schema.js";
import { actorKey, type StoryKey } from "./stories.js";

/** Bound values: what better-sqlite3 and pg both take. */
export type Value = string | number | null;

/** sentences: the text is sliced from the document's text when written. */
export const SENTENCE_VALUES = ["start", "end", "language"] as const;
/** Who an actor is, as mentions and actors both store it. */
const IDENTITY_VALUES = ["kind", "country", "sector", "affiliation_id", "affiliation_name"] as const;
export const MENTION_VALUES = [
  "actor_id",
  "text",
  "start",
  "end",
  "sentence",
  "via",
  "role",
  ...IDENTITY_VALUES,
] as const;
export const ACTOR_VALUES = ["id", "name", ...IDENTITY_VALUES] as const;
/** events, without document_id, story_id, live and run_id (known when written). */
export const EVENT_VALUES = [
  "record_id",
  "event_type",
  "mode",
  "modality",
  "date",
  "date_start",
  "date_end",
  "actor_id",
  "actor_name",
  "actor_country",
  "actor_key",
  "recipient_id",
  "recipient_name",
  "recipient_country",
  "recipient_key",
  "reported_by_id",
  "sentence",
  "trigger_start",
  "trigger_end",
  "pattern",
  "record",
] as const;

/** Where the story key's parts sit in an event's values. */
const EV_TYPE = EVENT_VALUES.indexOf("event_type");
const EV_DATE_START = EVENT_VALUES.indexOf("date_start");
const EV_ACTOR_KEY = EVENT_VALUES.indexOf("actor_key");
const EV_RECIPIENT_KEY = EVENT_VALUES.indexOf("recipient_key");

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

/**
 * Document columns that extraction determines (and `reprocess` rewrites), without the run's own:
 * the table's own types, with `versions` and `output` as the JSON text that is bound.
 */
export type ExtractedColumns = Pick<
  DocumentsTable,
  | "title"
  | "published"
  | "published_source"
  | "url"
  | "author"
  | "language"
  | "text"
  | "chars"
  | "sentence_count"
  | "mention_count"
  | "event_count"
> & { versions: string; output: string };

export interface DocumentRows {
  /** Tells rows from a Document where either may come. */
  readonly kind: "rows";
  id: string;
  source: string;
  format: string;
  /** Set by the caller that has it (threads do not send it back). */
  rawText: string;
  fields: ExtractedColumns;
  /** SENTENCE_VALUES, flat. */
  sentences: Value[];
  /** MENTION_VALUES, flat. */
  mentions: Value[];
  /** ACTOR_VALUES, flat: every actor named or referred to, once each (last identity wins). */
  actors: Value[];
  /** EVENT_VALUES, flat, in record order. */
  events: Value[];
}

export function isDocumentRows(d: Document | DocumentRows): d is DocumentRows {
  return (d as DocumentRows).kind === "rows";
}

export function extractedColumns(doc: Document): ExtractedColumns {
  return {
    title: doc.title,
    published: doc.published,
    published_source: doc.publishedSource,
    url: doc.url,
    author: doc.author,
    language: documentLanguage(doc),
    text: doc.text,
    chars: doc.text.length,
    versions: JSON.stringify(doc.versions),
    output: JSON.stringify(storedOutput(doc)),
    sentence_count: doc.sentences.length,
    mention_count: doc.mentions.length,
    event_count: doc.events.length,
  };
}

// undefined binds as nothing on either backend: every absent value is written as NULL.
const v = <T>(x: T | undefined): T | null => (x === undefined ? null : x);

export function documentRows(doc: Document): DocumentRows {
  const sentences: Value[] = [];
  for (const s of doc.sentences) sentences.push(s.start, s.end, s.language);
  const mentions: Value[] = [];
  for (const m of doc.mentions) {
    mentions.push(m.id, m.text, m.start, m.end, m.sentence, m.via, v(m.role));
    pushIdentity(mentions, m);
  }
  return {
    kind: "rows",
    id: doc.id,
    source: doc.source,
    format: doc.format,
    rawText: doc.rawText,
    fields: extractedColumns(doc),
    sentences,
    mentions,
    actors: actorValues(doc),
    events: eventValues(doc.events, doc.published),
  };
}

function actorValues(doc: Document): Value[] {
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
  const out: Value[] = [];
  for (const a of byId.values()) {
    out.push(a.id, a.name);
    pushIdentity(out, a);
  }
  return out;
}

/** IDENTITY_VALUES of an actor, in order. */
function pushIdentity(out: Value[], a: ActorIdentity): void {
  out.push(a.kind, v(a.country), v(a.sector), v(a.affiliation?.id), v(a.affiliation?.name));
}

/** The values of `records` (EVENT_VALUES, flat); `published` dates the undated ones. */
export function eventValues(records: readonly EventRecord[], published: string | null): Value[] {
  const out: Value[] = [];
  for (const e of records) {
    const period = periodOf(e.date) ?? periodOf(published);
    out.push(
      e.id,
      e.event,
      v(e.mode),
      e.modality,
      v(e.date),
      period?.start ?? "",
      period?.end ?? "",
      e.actor.id,
      e.actor.name,
      v(e.actor.country),
      actorKey(e.actor),
      e.recipient?.id ?? null,
      e.recipient?.name ?? null,
      e.recipient ? v(e.recipient.country) : null,
      e.recipient ? actorKey(e.recipient) : null,
      e.reported_by?.id ?? null,
      e.evidence.sentence,
      e.evidence.trigger.start,
      e.evidence.trigger.end,
      e.pattern,
      JSON.stringify(e),
    );
  }
  return out;
}

/** The story key of the k-th event in `values` (as storyKey in rows.ts makes it from the record). */
export function storyKeyAt(values: readonly Value[], k: number): StoryKey {
  const at = k * EVENT_VALUES.length;
  const start = values[at + EV_DATE_START] as string;
  return {
    actorKey: values[at + EV_ACTOR_KEY] as string,
    eventType: values[at + EV_TYPE] as string,
    recipientKey: (values[at + EV_RECIPIENT_KEY] as string | null) ?? "",
    day: start ? dayNumber(start) : null,
  };
}

/** Row `k` of flat `values` as an object keyed by `columns` (the Kysely path). */
export function rowObject<C extends readonly string[]>(
  columns: C,
  values: readonly Value[],
  k: number,
): Record<C[number], Value> {
  const row = {} as Record<string, Value>;
  const at = k * columns.length;
  for (let i = 0; i < columns.length; i++) row[columns[i]] = values[at + i];
  return row as Record<C[number], Value>;
}

/** The module's one job as a pool `finish` (see pool.ts): run in each extraction thread. */
export default function finish(doc: Document): DocumentRows {
  const rows = documentRows(doc);
  rows.rawText = ""; // the caller has it
  return rows;
}
