/**
 * The tables as Kysely sees them. One schema for SQLite and PostgreSQL:
 * booleans are 0/1 integers, times are ISO-8601 text, dates are YYYY-MM-DD
 * text, and JSON columns are TEXT (SQLite) or JSONB (PostgreSQL), written as
 * JSON text and read back through the dialect's readJson.
 */
import type { ColumnType, Generated } from "kysely";

/** Written as JSON text; read back as text (SQLite) or a parsed value (PostgreSQL). */
export type Json = ColumnType<unknown, string, string>;

export interface SchemaTable {
  version: number;
  name: string;
  applied_at: string;
}

export interface RunsTable {
  id: Generated<number>;
  command: string;
  started_at: string;
  /** Null while running, or when the process died (kill -9, power loss). */
  finished_at: string | null;
  status: string;
  dyad_version: string;
  /** Stage and dictionary versions of the pipeline the run used. */
  versions: Json;
  /** The command's options (no secrets: database URLs are never stored). */
  options: Json;
  documents_new: Generated<number>;
  documents_unchanged: Generated<number>;
  documents_changed: Generated<number>;
  documents_failed: Generated<number>;
  events_added: Generated<number>;
  events_removed: Generated<number>;
  bytes: Generated<number>;
  seconds: Generated<number>;
}

/** One row per version of a document; `is_current` marks the live one per source_key. */
export interface DocumentsTable {
  id: Generated<number>;
  /** What makes two inputs "the same document": absolute path, or JSONL container + id. */
  source_key: string;
  version: number;
  is_current: number;
  doc_id: string;
  source: string;
  format: string;
  title: string | null;
  published: string | null;
  published_source: string | null;
  url: string | null;
  author: string | null;
  language: string;
  /** sha256 of the raw text, hex. */
  content_hash: string;
  raw_text: string;
  text: string;
  chars: number;
  /** What the reader said (published, publishedSource, encoding) and --date: enough to reprocess. */
  reader: Json;
  /** dyad's version that extracted the current rows. */
  extractor: string;
  /** Stage and dictionary versions (doc.versions). */
  versions: Json;
  /** The extract output's `doc` object, `actors` and `warnings`, as extract printed them. */
  output: Json;
  sentence_count: number;
  mention_count: number;
  event_count: number;
  first_run: number;
  last_run: number;
  extracted_run: number;
  first_seen: string;
  last_seen: string;
}

export interface SentencesTable {
  id: Generated<number>;
  document_id: number;
  idx: number;
  start: number;
  end: number;
  language: string;
  text: string;
}

/**
 * Every actor ever seen, with the identity it had in the latest document
 * stored (mentions keep the identity each text gave it).
 */
export interface ActorsTable {
  id: string;
  name: string;
  kind: string;
  country: string | null;
  sector: string | null;
  affiliation_id: string | null;
  affiliation_name: string | null;
  first_seen: string;
}

/** One place in a text naming an actor, with the identity it had there. */
export interface MentionsTable {
  id: Generated<number>;
  document_id: number;
  actor_id: string;
  text: string;
  start: number;
  end: number;
  sentence: number;
  via: string;
  role: string | null;
  kind: string;
  country: string | null;
  sector: string | null;
  affiliation_id: string | null;
  affiliation_name: string | null;
}

export interface EventsTable {
  id: Generated<number>;
  document_id: number;
  /** The record's own id within its document ("1", "2", ...). */
  record_id: string;
  event_type: string;
  mode: string | null;
  modality: string;
  /** The record's date as extracted (YYYY, YYYY-MM or YYYY-MM-DD), or null. */
  date: string | null;
  /** The period the event falls in: its own date, else the document's; "" when neither is known. */
  date_start: string;
  date_end: string;
  actor_id: string;
  actor_name: string;
  actor_country: string | null;
  /** State/organisation level key (stories, dyads): country for state organs, affiliation, else id. */
  actor_key: string;
  recipient_id: string | null;
  recipient_name: string | null;
  recipient_country: string | null;
  recipient_key: string | null;
  reported_by_id: string | null;
  sentence: number;
  trigger_start: number;
  trigger_end: number;
  pattern: string;
  story_id: number;
  /** 1 while the event belongs to the current version of its document. */
  live: number;
  run_id: number;
  /** The EventRecord exactly as extract printed it. */
  record: Json;
}

export interface StoriesTable {
  id: Generated<number>;
  actor_key: string;
  event_type: string;
  /** "" when the events have no recipient. */
  recipient_key: string;
  /** Days since 1970-01-01 of the story's first event; null for an undated (single-event) story. */
  anchor_day: number | null;
  first_date: string | null;
  last_date: string | null;
  /** Live events and distinct documents in the story, kept up to date by the writer. */
  event_count: number;
  document_count: number;
}

export interface DB {
  dyad_schema: SchemaTable;
  runs: RunsTable;
  documents: DocumentsTable;
  sentences: SentencesTable;
  actors: ActorsTable;
  mentions: MentionsTable;
  events: EventsTable;
  stories: StoriesTable;
}
