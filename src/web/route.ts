/**
 * Client-side routes live in the hash (`#/timeline?actor=RUS&type=ASSAULT`), so
 * every view is a link an analyst can bookmark or paste, and the server only
 * ever serves index.html at `/`. Pure functions: unit-tested in Node.
 */

export interface Route {
  /** Path segments: [] for the overview, ["documents", "12"] for a document. */
  parts: string[];
  params: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, "");
  const q = raw.indexOf("?");
  const path = q >= 0 ? raw.slice(0, q) : raw;
  const query = q >= 0 ? raw.slice(q + 1) : "";
  const parts = path
    .split("/")
    .filter(Boolean)
    .map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return p;
      }
    });
  return { parts, params: new URLSearchParams(query) };
}

/** `#/a/b?x=1`: path segments encoded, empty parameters left out. */
export function href(
  parts: (string | number)[],
  params?: URLSearchParams | Record<string, string | number | null | undefined>,
): string {
  const path = parts.map((p) => encodeURIComponent(String(p))).join("/");
  const sp = new URLSearchParams();
  if (params instanceof URLSearchParams) {
    params.forEach((v, k) => {
      if (v !== "") sp.append(k, v);
    });
  } else if (params) {
    for (const [k, v] of Object.entries(params))
      if (v !== null && v !== undefined && v !== "") sp.set(k, String(v));
  }
  const qs = sp.toString();
  return `#/${path}${qs ? `?${qs}` : ""}`;
}

/** The event filters shared by the timeline, network, map and exports (docs/API.md "Event filters"). */
export const FILTER_KEYS = [
  "actor",
  "recipient",
  "dyad",
  "type",
  "modality",
  "context",
  "since",
  "until",
  "text",
  "document",
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;

export function filtersFrom(params: URLSearchParams): Filters {
  const f: Filters = {};
  for (const k of FILTER_KEYS) {
    const v = params.getAll(k).join(",").trim();
    if (v) f[k] = v;
  }
  return f;
}

/** The filters as API query parameters, with extras (limit, offset, format...). */
export function apiQuery(filters: Filters, extra: Record<string, string | number | undefined> = {}): string {
  const sp = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    const v = filters[k];
    if (v) sp.set(k, v);
  }
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== "") sp.set(k, String(v));
  const s = sp.toString();
  return s ? `?${s}` : "";
}

/** YYYY, YYYY-MM or YYYY-MM-DD (what the API accepts as a date bound). */
export function isPartialDate(s: string): boolean {
  return /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/.test(s);
}

/** "2021-07" → Date of its first day (UTC). */
export function monthStart(month: string): Date {
  const [y, m] = month.split("-").map(Number);
  return new Date(Date.UTC(y, (m || 1) - 1, 1));
}

export function addMonths(month: string, n: number): string {
  const d = monthStart(month);
  d.setUTCMonth(d.getUTCMonth() + n);
  return monthKey(d);
}

export function monthKey(d: Date): string {
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** Every month from `first` to `last`, inclusive. */
export function monthRange(first: string, last: string): string[] {
  const out: string[] = [];
  for (let m = first; m <= last && out.length < 5000; m = addMonths(m, 1)) out.push(m);
  return out;
}
