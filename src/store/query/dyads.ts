/**
 * `dyad dyads`: directed actor pairs at state/organisation level, their event
 * counts per type, and a cooperation–conflict score per month: the sum of the
 * type weights (dictionaries/plover-types.json) over the pair's asserted
 * events. Negated, future and hypothetical events are counted but not scored:
 * they did not happen (yet).
 */
import { sql } from "kysely";
import type { EventType } from "../../model/event.js";
import type { Store } from "../connection.js";
import type { PloverTypes, Quad } from "../plover-types.js";
import { keyNames, num } from "./common.js";
import { filteredEvents } from "./events.js";
import type { DyadMonth, DyadSummary, Quad as ResponseQuad } from "./types.js";

export type { DyadMonth, DyadSummary } from "./types.js";

/** QUADS of plover-types.ts and the Quad of the response types must be one set: compiling fails otherwise. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
type _QuadsAgree = Assert<Same<Quad, ResponseQuad>>;

export interface DyadOptions {
  /** Pairs with at least this many live events (default 1). */
  min?: number;
  limit?: number;
  /** Pairs' events with this actor on either side (id, name, alias or ISO code). */
  actor?: string;
  /** Events whose period reaches into [since, until] (YYYY, YYYY-MM or YYYY-MM-DD). */
  since?: string;
  until?: string;
}

export async function dyads(
  store: Store,
  types: PloverTypes,
  opts: DyadOptions = {},
): Promise<DyadSummary[]> {
  const month = sql<string>`substr(date_start, 1, 7)`;
  const where = await filteredEvents(store, { involving: opts.actor, since: opts.since, until: opts.until });
  if (!where) return [];
  const rows = await where
    .select((eb) => [
      "actor_key",
      "recipient_key",
      "event_type",
      "modality",
      month.as("month"),
      eb.fn.countAll<number>().as("n"),
    ])
    .where("recipient_key", "is not", null)
    .whereRef("recipient_key", "!=", "actor_key")
    .groupBy(["actor_key", "recipient_key", "event_type", "modality", month])
    .execute();
  const pairs = new Map<string, DyadSummary & { byMonth: Map<string, DyadMonth> }>();
  for (const r of rows) {
    const recipient = r.recipient_key as string;
    const id = `${r.actor_key}\u0000${recipient}`;
    let pair = pairs.get(id);
    if (!pair) {
      pair = {
        actor: { key: r.actor_key, name: r.actor_key },
        recipient: { key: recipient, name: recipient },
        events: 0,
        types: {},
        quads: {},
        score: 0,
        months: [],
        byMonth: new Map(),
      };
      pairs.set(id, pair);
    }
    const n = num(r.n);
    const type = r.event_type as EventType;
    const quad = types.quad[type];
    pair.events += n;
    pair.types[type] = (pair.types[type] ?? 0) + n;
    if (quad) pair.quads[quad] = (pair.quads[quad] ?? 0) + n;
    const m = pair.byMonth.get(r.month) ?? { month: r.month, events: 0, score: 0 };
    m.events += n;
    if (r.modality === "asserted") m.score += n * (types.weight[type] ?? 0);
    pair.byMonth.set(r.month, m);
  }
  const min = opts.min ?? 1;
  const kept = [...pairs.values()]
    .filter((p) => p.events >= min)
    .sort(
      (a, b) =>
        b.events - a.events ||
        a.actor.key.localeCompare(b.actor.key) ||
        a.recipient.key.localeCompare(b.recipient.key),
    )
    .slice(0, opts.limit ?? Number.POSITIVE_INFINITY);
  const names = await keyNames(
    store,
    kept.flatMap((p) => [p.actor.key, p.recipient.key]),
  );
  return kept.map(({ byMonth, ...p }) => {
    const months = [...byMonth.values()]
      .map((m) => ({ ...m, score: round(m.score) }))
      .sort((a, b) => a.month.localeCompare(b.month));
    return {
      ...p,
      actor: { key: p.actor.key, name: names.get(p.actor.key) ?? p.actor.key },
      recipient: { key: p.recipient.key, name: names.get(p.recipient.key) ?? p.recipient.key },
      score: round(months.reduce((s, m) => s + m.score, 0)),
      months,
    };
  });
}

const round = (x: number) => Math.round(x * 100) / 100;
