/**
 * The JSON shapes the query layer answers with: what `dyad … --json` prints
 * and what the HTTP API sends (some routes wrap them, see src/server/routes).
 * Pure types, shared by the server (src/store/query/*.ts re-export them) and
 * the browser client (src/web/api.ts imports them): no runtime code and no
 * imports but types from src/model, so the browser build can read this file.
 */
import type { Affiliation } from "../../model/actor.js";
import type { EventRecord, EventType } from "../../model/event.js";

// ---- runs and stats (runs.ts, records.ts)

export type RunStatus = "running" | "done" | "interrupted";

export interface RunInfo {
  id: number;
  command: string;
  status: RunStatus | "unfinished";
  startedAt: string;
  finishedAt: string | null;
  dyadVersion: string;
  documents: { new: number; unchanged: number; changed: number; failed: number };
  events: { added: number; removed: number };
  bytes: number;
  seconds: number;
}

export interface Stats {
  documents: number;
  sentences: number;
  actors: number;
  events: number;
  stories: number;
  runs: RunInfo[];
}

// ---- documents and events (records.ts, documents.ts, events.ts)

export interface DocumentInfo {
  id: number;
  docId: string;
  source: string;
  title: string | null;
  published: string | null;
  url: string | null;
  version: number;
  current: boolean;
  contentHash: string;
  firstSeen: string;
  lastSeen: string;
  versions: Record<string, string>;
}

export interface EventDetail {
  id: number;
  /** False when the event belongs to a replaced version of its document. */
  live: boolean;
  record: EventRecord;
  story: {
    id: number;
    events: number;
    documents: number;
    firstDate: string | null;
    lastDate: string | null;
    /** The story's other live events, oldest first. */
    others: { id: number; docId: string; title: string | null; source: string; date: string | null }[];
  };
  sentence: { index: number; start: number; end: number; text: string } | null;
  document: DocumentInfo;
}

export interface ActorBrief {
  id: string;
  name: string;
  /** State/organisation level key (see stories.ts). */
  key: string;
}

export interface EventSummary {
  id: number;
  event: string;
  mode: string | null;
  modality: string;
  /** The record's own date, or null. */
  date: string | null;
  /** First day of its period (own date, else the document's); null when neither is known. */
  day: string | null;
  actor: ActorBrief;
  recipient: ActorBrief | null;
  story: { id: number; events: number; documents: number };
  document: { id: number; docId: string; source: string; title: string | null; published: string | null };
  /** The record exactly as extract printed it. */
  record: EventRecord;
  /** The evidence sentence's text, when asked for (see FindEventsOptions). */
  sentence?: string | null;
}

export interface DocumentListItem {
  id: number;
  docId: string;
  source: string;
  title: string | null;
  published: string | null;
  /** Live events of the document. */
  events: number;
}

export interface DocumentList {
  total: number;
  items: DocumentListItem[];
}

export interface Span {
  start: number;
  end: number;
}

/** One event of a document view, its spans offsets into the view's text. */
export interface DocumentEvent {
  id: number;
  event: string;
  modality: string;
  actor: ActorBrief;
  recipient: ActorBrief | null;
  /** Index of the evidence sentence. */
  sentence: number;
  trigger: Span;
  actorSpan: Span;
  recipientSpan: Span | null;
}

export interface DocumentView {
  document: DocumentInfo;
  /** The cleaned text: every offset below points into it. */
  text: string;
  sentences: { index: number; start: number; end: number; language: string }[];
  mentions: { start: number; end: number; actor: string; name: string; kind: string; text: string }[];
  events: DocumentEvent[];
}

export interface SearchHit {
  sentence: { id: number; index: number; start: number; end: number; text: string };
  document: { id: number; docId: string; source: string; title: string | null; published: string | null };
  /** Live events whose evidence is this sentence. */
  events: { id: number; event: string; modality: string; actor: string; recipient: string | null }[];
}

// ---- time line, network and map (histogram.ts, graph.ts, map.ts)

export interface HistogramMonth {
  /** YYYY-MM: the month the event's period starts in. */
  month: string;
  total: number;
  types: Record<string, number>;
}

export interface Histogram {
  months: HistogramMonth[];
  /** Matching events with no date at all (neither their own nor their document's). */
  undated: number;
}

export interface GraphNode {
  id: string;
  name: string;
  kind: string | null;
  country: string | null;
  /** Events on this node's edges, either direction. */
  events: number;
}

export interface GraphEdge {
  source: string;
  target: string;
  events: number;
  score: number;
  types: Record<string, number>;
  /** First and last day of the edge's dated events; null when all are undated. */
  first: string | null;
  last: string | null;
}

export interface ActorGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface MapItem {
  id: number;
  event: string;
  modality: string;
  /** The record's own date, else the first day of its document's; null when neither is known. */
  date: string | null;
  actor: ActorBrief;
  recipient: ActorBrief | null;
  place: { name: string; iso3: string | null; lat: number; lon: number };
  /** The evidence sentence's text. */
  sentence: string | null;
  document: { id: number; title: string | null };
}

// ---- actors and dyads (actors.ts, dyads.ts)

export interface ActorSummary {
  id: string;
  name: string;
  kind: string;
  country: string | null;
  sector: string | null;
  affiliation: Affiliation | null;
  /** Mentions in current documents. */
  mentions: number;
  /** Live events with this actor as actor, and as recipient. */
  asActor: number;
  asRecipient: number;
}

export interface Counterpart {
  key: string;
  name: string;
  /** Events from the dossier's actor to this one, and from this one to it. */
  asRecipient: number;
  asActor: number;
  total: number;
}

export interface ActorDossier {
  actor: Omit<ActorSummary, "mentions" | "asActor" | "asRecipient"> & { firstSeen: string };
  /** "state": counts include the state's organs and officials (events at state level). */
  scope: "actor" | "state";
  /** How texts named it, most frequent first. */
  names: { text: string; count: number }[];
  /** Country, sector and affiliation it had, over the publication dates of the texts. */
  identities: {
    country: string | null;
    sector: string | null;
    affiliation: Affiliation | null;
    first: string | null;
    last: string | null;
    mentions: number;
  }[];
  documents: number;
  asActor: Record<string, number>;
  asRecipient: Record<string, number>;
  counterparts: Counterpart[];
}

/**
 * A quad class of dictionaries/plover-types.json. The list itself (QUADS) is
 * runtime code in ../plover-types.ts; dyads.ts checks the two agree.
 */
export type Quad = "verbal_cooperation" | "material_cooperation" | "verbal_conflict" | "material_conflict";

export interface DyadMonth {
  /** YYYY-MM, or "" for events with no date at all. */
  month: string;
  events: number;
  /** Sum of the weights of the month's asserted events. */
  score: number;
}

export interface DyadSummary {
  actor: { key: string; name: string };
  recipient: { key: string; name: string };
  events: number;
  types: Partial<Record<EventType, number>>;
  quads: Partial<Record<Quad, number>>;
  score: number;
  months: DyadMonth[];
}
