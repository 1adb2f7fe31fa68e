/**
 * The HTTP API of docs/API.md as the browser sees it: response shapes (mirroring
 * src/store/query/*.ts, which the server wraps) and one fetch helper that turns
 * `{"error": {...}}` answers into an ApiError with the server's message.
 */

export interface TypeMeta {
  name: string;
  quad: string;
  weight: number;
  color?: string;
}

export interface Meta {
  types: TypeMeta[];
  modalities: string[];
  contexts: string[];
  kinds: string[];
}

export interface RunInfo {
  id: number;
  command: string;
  status: string;
  startedAt: string;
  finishedAt: string | null;
  documents: { new: number; unchanged: number; changed: number; failed: number };
  events: { added: number; removed: number };
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

export interface ActorBrief {
  id: string;
  name: string;
  key: string;
}

export interface EventLocation {
  name: string;
  country: string | null;
  lat: number | null;
  lon: number | null;
}

export interface EventRecord {
  id: string;
  event: string;
  mode: string | null;
  context: string[];
  date: string | null;
  location: EventLocation | null;
  modality: string;
  evidence: { sentence: number; sentence_start: number; sentence_end: number; trigger: { text: string } };
  pattern: string;
  date_precision?: string | null;
  quantities?: { text: string }[];
  reported_by?: { id: string; name: string } | null;
}

export interface EventSummary {
  id: number;
  event: string;
  mode: string | null;
  modality: string;
  date: string | null;
  day: string | null;
  actor: ActorBrief;
  recipient: ActorBrief | null;
  story: { id: number; events: number; documents: number };
  document: { id: number; docId: string; source: string; title: string | null; published: string | null };
  record: EventRecord;
  sentence?: string | null;
}

export interface Page<T> {
  total: number;
  limit: number;
  offset: number;
  items: T[];
}

export interface HistogramMonth {
  month: string;
  total: number;
  types: Record<string, number>;
}

export interface Histogram {
  months: HistogramMonth[];
  undated: number;
}

export interface Affiliation {
  id: string;
  name: string;
}

export interface ActorSummary {
  id: string;
  name: string;
  kind: string;
  country: string | null;
  sector: string | null;
  affiliation: Affiliation | null;
  mentions: number;
  asActor: number;
  asRecipient: number;
}

export interface DyadMonth {
  month: string;
  events: number;
  score: number;
}

export interface DyadSummary {
  actor: { key: string; name: string };
  recipient: { key: string; name: string };
  events: number;
  types: Record<string, number>;
  quads: Record<string, number>;
  score: number;
  months: DyadMonth[];
}

export interface ActorDossier {
  actor: {
    id: string;
    name: string;
    kind: string;
    country: string | null;
    sector: string | null;
    affiliation: Affiliation | null;
    firstSeen: string;
  };
  scope: "actor" | "state";
  names: { text: string; count: number }[];
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
  counterparts: { key: string; name: string; asRecipient: number; asActor: number; total: number }[];
  trends?: DyadSummary[];
}

export interface DocumentListItem {
  id: number;
  docId: string;
  source: string;
  title: string | null;
  published: string | null;
  events: number;
}

export interface DocumentInfo {
  id: number;
  docId: string;
  source: string;
  title: string | null;
  published: string | null;
  url: string | null;
  version: number;
  current: boolean;
}

export interface Span {
  start: number;
  end: number;
}

export interface DocumentEvent {
  id: number;
  event: string;
  modality: string;
  actor: string | { id: string; name: string } | null;
  recipient: string | { id: string; name: string } | null;
  sentence: number;
  trigger: Span | null;
  actorSpan: Span | null;
  recipientSpan: Span | null;
}

export interface DocumentView {
  document: DocumentInfo;
  text: string;
  sentences: { index: number; start: number; end: number; language?: string }[];
  mentions: { start: number; end: number; actor: string; name: string; kind: string }[];
  events: DocumentEvent[];
}

export interface SearchHit {
  sentence: { id: number; index: number; start: number; end: number; text: string };
  document: { id: number; docId: string; source: string; title: string | null; published: string | null };
  events: { id: number; event: string; modality: string; actor: string; recipient: string | null }[];
}

export interface GraphNode {
  id: string;
  name: string;
  kind: string | null;
  country: string | null;
  events: number;
}

export interface GraphEdge {
  source: string;
  target: string;
  events: number;
  score: number;
  types: Record<string, number>;
  first: string | null;
  last: string | null;
}

export interface GraphData {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface MapItem {
  id: number;
  event: string;
  modality: string;
  date: string | null;
  actor: string | ActorBrief | null;
  recipient: string | ActorBrief | null;
  place: { name: string; iso3: string | null; lat: number; lon: number };
  sentence?: string | null;
  document?: { id: number; title: string | null } | number;
}

/** An answer other than 2xx: the server's `{"error": {"status", "message"}}` when it sent one. */
export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** GET a JSON resource of the API; `signal` cancels it (the caller ignores the AbortError). */
export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { signal, headers: { accept: "application/json" } });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError(0, "The Dyad server does not answer. Is `dyad serve` still running?");
  }
  const body = await res.text();
  let data: unknown = null;
  try {
    data = body ? JSON.parse(body) : null;
  } catch {
    data = null;
  }
  if (!res.ok) {
    const message = errorMessage(data) ?? `${res.status} ${res.statusText || "error"} for ${path}`;
    throw new ApiError(res.status, message);
  }
  if (data === null && body)
    throw new ApiError(res.status, `The server sent something other than JSON for ${path}`);
  return data as T;
}

export function errorMessage(data: unknown): string | null {
  if (data && typeof data === "object" && "error" in data) {
    const e = (data as { error: unknown }).error;
    if (typeof e === "string") return e;
    if (e && typeof e === "object" && "message" in e && typeof e.message === "string") return e.message;
  }
  return null;
}

/** A name for an actor field that the API gives as a string or as an object. */
export function actorName(a: string | { name?: string; id?: string } | null | undefined): string {
  if (!a) return "—";
  if (typeof a === "string") return a;
  return a.name ?? a.id ?? "—";
}

export function actorId(a: string | { id?: string; key?: string } | null | undefined): string | null {
  if (!a || typeof a === "string") return null;
  return a.id ?? a.key ?? null;
}

export interface EventDetail {
  id: number;
  live: boolean;
  record: EventRecord;
  story: {
    id: number;
    events: number;
    documents: number;
    firstDate: string | null;
    lastDate: string | null;
    others: { id: number; docId: string; title: string | null; source: string; date: string | null }[];
  };
  sentence: { index: number; start: number; end: number; text: string } | null;
  document: DocumentInfo;
}
