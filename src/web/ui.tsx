/** Shared hooks and components: data loading, states (loading, empty, error), badges, export links, paging. */
import type { ComponentChildren } from "preact";
import { createContext } from "preact";
import { useContext, useEffect, useState } from "preact/hooks";
import { ApiError, getJson, type Meta } from "./api";
import { FALLBACK_META, typeColor } from "./colors";
import { apiQuery, type Filters } from "./route";

export interface Loaded<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
}

/** GET `url` (null: nothing to load) and re-GET when it changes; stale answers are dropped. */
export function useApi<T>(url: string | null): Loaded<T> {
  const [state, setState] = useState<Loaded<T> & { url: string | null }>({
    data: null,
    error: null,
    loading: url !== null,
    url,
  });
  useEffect(() => {
    if (url === null) {
      setState({ data: null, error: null, loading: false, url });
      return;
    }
    const ctl = new AbortController();
    setState((s) => ({ ...s, loading: true, error: null, url }));
    getJson<T>(url, ctl.signal).then(
      (data) => {
        if (!ctl.signal.aborted) setState({ data, error: null, loading: false, url });
      },
      (err: unknown) => {
        if (ctl.signal.aborted) return;
        const error = err instanceof ApiError ? err : new ApiError(0, String((err as Error)?.message ?? err));
        setState({ data: null, error, loading: false, url });
      },
    );
    return () => ctl.abort();
  }, [url]);
  // While a new URL loads, keep showing the previous data (no flicker), flagged as loading.
  return { data: state.data, error: state.error, loading: state.loading || state.url !== url };
}

export const MetaContext = createContext<Meta>(FALLBACK_META);
export const useMeta = () => useContext(MetaContext);

export function navigate(hash: string): void {
  if (location.hash !== hash) location.hash = hash;
}

export function Loading({ what }: { what?: string }) {
  return (
    <div class="loading" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />
      Loading{what ? ` ${what}` : ""}…
    </div>
  );
}

export function ErrorBanner({ error, what }: { error: ApiError | Error | string; what?: string }) {
  const message = typeof error === "string" ? error : error.message;
  const status = error instanceof ApiError && error.status ? ` (${error.status})` : "";
  return (
    <div class="error-banner" role="alert">
      <strong>
        {what ? `Could not load ${what}` : "Something went wrong"}
        {status}:
      </strong>{" "}
      {message}
    </div>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <div class="empty">{children}</div>;
}

/** Loading, error and data in one place; `children` renders the data. */
export function Async<T>({
  state,
  what,
  children,
}: {
  state: Loaded<T>;
  what: string;
  children: (data: T) => ComponentChildren;
}) {
  if (state.error) return <ErrorBanner error={state.error} what={what} />;
  if (state.data === null) return <Loading what={what} />;
  return <div class={state.loading ? "stale" : undefined}>{children(state.data)}</div>;
}

export function TypeBadge({ type }: { type: string }) {
  const meta = useMeta();
  return (
    <span class="type-badge" style={{ borderColor: typeColor(meta, type) }}>
      <span class="swatch" style={{ background: typeColor(meta, type) }} />
      {type}
    </span>
  );
}

export function ModalityBadge({ modality }: { modality: string }) {
  return <span class={`modality modality-${modality.replace(/[^a-z]/g, "")}`}>{modality}</span>;
}

/** A colour swatch (style objects become element.style properties, which the CSP allows). */
export function Swatch({ color, shape = "square" }: { color: string; shape?: "square" | "circle" | "line" }) {
  return <span class={`swatch swatch-${shape}`} style={{ background: color }} />;
}

export function ExportLinks({
  filters,
  formats,
  label = "Export",
}: {
  filters: Filters;
  formats: ("csv" | "plover-jsonl" | "geojson" | "gexf" | "graphml")[];
  label?: string;
}) {
  const names: Record<string, string> = {
    csv: "CSV",
    "plover-jsonl": "JSONL",
    geojson: "GeoJSON",
    gexf: "GEXF",
    graphml: "GraphML",
  };
  return (
    <span class="exports">
      {label}:{" "}
      {formats.map((f) => (
        <a key={f} class="export" href={`/api/export${apiQuery(filters, { format: f })}`} download>
          {names[f]}
        </a>
      ))}
    </span>
  );
}

export function Pager({
  total,
  offset,
  limit,
  onPage,
}: {
  total: number;
  offset: number;
  limit: number;
  onPage: (offset: number) => void;
}) {
  if (total <= limit) return null;
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.ceil(total / limit);
  return (
    <nav class="pager" aria-label="pages">
      <button type="button" disabled={offset <= 0} onClick={() => onPage(Math.max(0, offset - limit))}>
        ← Previous
      </button>
      <span>
        page {page} of {pages}
      </span>
      <button type="button" disabled={offset + limit >= total} onClick={() => onPage(offset + limit)}>
        Next →
      </button>
    </nav>
  );
}

export const fmt = (n: number | null | undefined): string =>
  n === null || n === undefined ? "—" : n.toLocaleString("en-US");

export const signed = (n: number): string => (n > 0 ? `+${n}` : String(n));

/** Shortens long text at a word boundary. */
export function snippet(text: string | null | undefined, max = 220): string {
  if (!text) return "";
  const t = text.replace(/\s+/g, " ").trim();
  if (t.length <= max) return t;
  const cut = t.lastIndexOf(" ", max);
  return `${t.slice(0, cut > max * 0.6 ? cut : max)}…`;
}

/** Score as a small diverging bar (red left, green right) with its number. */
export function ScoreBar({ score, max }: { score: number; max: number }) {
  const w = Math.min(1, Math.abs(score) / (max || 1)) * 50;
  return (
    <span class="scorebar" title={`cooperation–conflict score ${signed(score)}`}>
      <span class="scorebar-track">
        <span
          class={score < 0 ? "scorebar-neg" : "scorebar-pos"}
          style={{ width: `${w}%`, left: score < 0 ? `${50 - w}%` : "50%" }}
        />
      </span>
      <span class={score < 0 ? "neg" : score > 0 ? "pos" : ""}>{signed(score)}</span>
    </span>
  );
}
