/**
 * Query parameters, checked with zod. A bad value is a 400 whose message
 * names the parameter: "limit: must be an integer between 1 and 1000".
 */
import type { Context } from "hono";
import { z } from "zod";
import { ACTOR_KINDS } from "../model/actor.js";
import { EVENT_TYPES, MODALITIES } from "../model/event.js";
import { EXPORT_FORMATS } from "../store/export/index.js";
import type { EventFilter } from "../store/index.js";
import { HttpError } from "./errors.js";

type Raw = string | string[] | undefined;

const single = (v: Raw, ctx: z.RefinementCtx): string | undefined => {
  if (Array.isArray(v)) {
    if (v.length > 1) {
      ctx.addIssue({ code: "custom", message: "give it once" });
      return undefined;
    }
    return v[0];
  }
  return v;
};

const raw = z.union([z.string(), z.array(z.string())]).optional();

/** An optional integer in [min, max]; `fallback` when absent or empty. */
export function int<F extends number | undefined = undefined>(min: number, max: number, fallback?: F) {
  return raw.transform((v, ctx): number | F => {
    const s = single(v, ctx)?.trim();
    if (s === undefined || s === "") return fallback as F;
    if (!/^\d+$/.test(s) || Number(s) < min || Number(s) > max) {
      ctx.addIssue({ code: "custom", message: `must be an integer between ${min} and ${max}` });
      return z.NEVER;
    }
    return Number(s);
  });
}

/** An optional string of at most `max` characters, trimmed; empty means absent. */
export function text(max = 200) {
  return raw.transform((v, ctx) => {
    const s = single(v, ctx)?.trim();
    if (!s) return undefined;
    if (s.length > max) {
      ctx.addIssue({ code: "custom", message: `must be at most ${max} characters` });
      return z.NEVER;
    }
    return s;
  });
}

/** Repeatable and comma-separated: `type=ASSAULT&type=aid` or `type=ASSAULT,AID`, each one of `allowed`. */
function list(allowed: readonly string[], normalize: (s: string) => string) {
  return raw.transform((v, ctx) => {
    const values = (Array.isArray(v) ? v : v === undefined ? [] : [v])
      .flatMap((s) => s.split(","))
      .map((s) => normalize(s.trim()))
      .filter(Boolean);
    const bad = values.find((s) => !allowed.includes(s));
    if (bad !== undefined) {
      ctx.addIssue({ code: "custom", message: `must be one of ${allowed.join(", ")} (not "${bad}")` });
      return z.NEVER;
    }
    return values.length ? [...new Set(values)] : undefined;
  });
}

/** One of `allowed` (case-insensitive); `fallback` when absent. */
function oneOf<T extends string>(allowed: readonly T[], fallback?: T) {
  return raw.transform((v, ctx) => {
    const s = single(v, ctx)?.trim().toLowerCase();
    if (!s) return fallback;
    if (!(allowed as readonly string[]).includes(s)) {
      ctx.addIssue({ code: "custom", message: `must be one of ${allowed.join(", ")} (not "${s}")` });
      return z.NEVER;
    }
    return s as T;
  });
}

function isIsoDate(value: string): boolean {
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) return false;
  const [y, m = 1, d = 1] = value.split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const date = text(10).transform((v, ctx) => {
  if (v !== undefined && !isIsoDate(v)) {
    ctx.addIssue({ code: "custom", message: `must be a date YYYY, YYYY-MM or YYYY-MM-DD (not "${v}")` });
    return z.NEVER;
  }
  return v;
});

const contexts = raw.transform((v, ctx) => {
  const values = (Array.isArray(v) ? v : v === undefined ? [] : [v])
    .flatMap((s) => s.split(","))
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const bad = values.find((s) => !/^[a-z_]{1,40}$/.test(s));
  if (bad !== undefined) {
    ctx.addIssue({ code: "custom", message: `must be a PLOVER context such as military (not "${bad}")` });
    return z.NEVER;
  }
  return values.length ? [...new Set(values)] : undefined;
});

const dyad = text(400).transform((v, ctx) => {
  if (v === undefined) return undefined;
  const parts = v.split(",").map((p) => p.trim());
  if (parts.length !== 2 || !parts[0] || !parts[1]) {
    ctx.addIssue({ code: "custom", message: `must be two actors separated by a comma (e.g. RUS,UKR)` });
    return z.NEVER;
  }
  return [parts[0], parts[1]] as [string, string];
});

/** The event filters of docs/API.md, shared by events, histogram, graph, map and export. */
export const filterShape = {
  actor: text(),
  recipient: text(),
  dyad,
  type: list(EVENT_TYPES, (s) => s.toUpperCase()),
  modality: list(MODALITIES, (s) => s.toLowerCase()),
  context: contexts,
  since: date,
  until: date,
  text: text(500),
  document: int(1, 2_147_483_647),
};

export const filterSchema = z.object(filterShape);

export function toFilter(p: z.infer<typeof filterSchema>): EventFilter {
  return {
    actor: p.actor,
    recipient: p.recipient,
    dyad: p.dyad,
    types: p.type,
    modalities: p.modality,
    contexts: p.context,
    since: p.since,
    until: p.until,
    text: p.text,
    document: p.document,
  };
}

export const schemas = {
  events: z.object({ ...filterShape, limit: int(1, 1000, 50), offset: int(0, 10_000_000, 0) }),
  graph: z.object({ ...filterShape, limit: int(1, 100_000) }),
  map: z.object({ ...filterShape, limit: int(1, 1_000_000) }),
  export: z.object({
    ...filterShape,
    format: oneOf(EXPORT_FORMATS).refine((f) => f !== undefined, {
      message: `is required: ${EXPORT_FORMATS.join(", ")}`,
    }),
    limit: int(1, 100_000_000),
  }),
  actors: z.object({ kind: oneOf(ACTOR_KINDS), q: text(), limit: int(1, 1000, 100) }),
  dyads: z.object({
    min: int(1, 1_000_000, 1),
    limit: int(1, 1000, 50),
    actor: text(),
    since: date,
    until: date,
  }),
  documents: z.object({ limit: int(1, 1000, 20), offset: int(0, 10_000_000, 0) }),
  search: z.object({
    q: text(500).refine((q) => q !== undefined, { message: "is required (words to find)" }),
    limit: int(1, 1000, 20),
  }),
};

/** The request's query string through `schema`; the first problem becomes a 400 naming its parameter. */
export function query<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const input: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(c.req.queries())) input[k] = v.length === 1 ? v[0] : v;
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const name = issue.path.length ? issue.path.join(".") : "query";
  throw new HttpError(400, `${name}: ${issue.message}`);
}

/** A numeric path id (`/api/events/:id`). */
export function idParam(c: Context, name = "id"): number {
  const v = c.req.param(name) ?? "";
  if (!/^\d{1,15}$/.test(v) || Number(v) < 1) throw new HttpError(400, `${name}: must be a positive integer`);
  return Number(v);
}
