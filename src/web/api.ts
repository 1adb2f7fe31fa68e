/**
 * The HTTP API of docs/API.md as the browser sees it: the response shapes of
 * src/store/query/types.ts (the server's own, imported as types only, so
 * nothing of the store reaches the bundle), the wrappers some routes put
 * around them, and one fetch helper that turns `{"error": {...}}` answers
 * into an ApiError with the server's message.
 */
import type { ActorDossier, DyadSummary, MapItem } from "../store/query/types";

export type {
  ActorBrief,
  ActorDossier,
  ActorGraph,
  ActorSummary,
  Counterpart,
  DocumentEvent,
  DocumentInfo,
  DocumentList,
  DocumentListItem,
  DocumentView,
  DyadMonth,
  DyadSummary,
  EventDetail,
  EventSummary,
  GraphEdge,
  GraphNode,
  Histogram,
  HistogramMonth,
  MapItem,
  RunInfo,
  SearchHit,
  Span,
  Stats,
} from "../store/query/types";

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

/** `/api/events`: one page of the matching events (EventSummary items). */
export interface Page<T> {
  total: number;
  limit: number;
  offset: number;
  items: T[];
}

/** `/api/actors/:id`: the dossier with the dyads the actor is in (src/server/routes/actors.ts). */
export type DossierWithTrends = ActorDossier & { trends: DyadSummary[] };

/** `/api/map`: the located events, wrapped. */
export interface MapResponse {
  items: MapItem[];
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
