/**
 * The actor network for the UI: nodes at the state/organisation key level
 * `dyad dyads` uses, directed edges actor -> recipient with their event
 * counts per type and a score (the type weights summed over asserted events).
 */
import { sql } from "kysely";
import type { Store } from "../connection.js";
import type { PloverTypes } from "../plover-types.js";
import { actorInfo, num } from "./common.js";
import { type EventFilter, filteredEvents } from "./events.js";
import type { ActorGraph, GraphEdge, GraphNode } from "./types.js";

export type { ActorGraph, GraphEdge, GraphNode } from "./types.js";

/** `limit`: keep the edges with most events (default all). */
export async function actorGraph(
  store: Store,
  types: PloverTypes,
  filter: EventFilter = {},
  limit?: number,
): Promise<ActorGraph> {
  const where = await filteredEvents(store, filter);
  if (!where) return { nodes: [], edges: [] };
  const rows = await where
    .select((eb) => [
      "events.actor_key",
      "events.recipient_key",
      "events.event_type",
      "events.modality",
      eb.fn.countAll().as("n"),
      sql<string | null>`min(nullif(events.date_start, ''))`.as("first"),
      sql<string | null>`max(nullif(events.date_end, ''))`.as("last"),
    ])
    .where("events.recipient_key", "is not", null)
    .whereRef("events.recipient_key", "!=", "events.actor_key")
    .groupBy(["events.actor_key", "events.recipient_key", "events.event_type", "events.modality"])
    .execute();
  const edges = new Map<string, GraphEdge>();
  for (const r of rows) {
    const target = r.recipient_key as string;
    const id = `${r.actor_key}\u0000${target}`;
    const e = edges.get(id) ?? {
      source: r.actor_key,
      target,
      events: 0,
      score: 0,
      types: {},
      first: null,
      last: null,
    };
    const n = num(r.n);
    e.events += n;
    e.types[r.event_type] = (e.types[r.event_type] ?? 0) + n;
    if (r.modality === "asserted")
      e.score += n * (types.weight[r.event_type as keyof PloverTypes["weight"]] ?? 0);
    if (r.first && (!e.first || r.first < e.first)) e.first = r.first;
    if (r.last && (!e.last || r.last > e.last)) e.last = r.last;
    edges.set(id, e);
  }
  const kept = [...edges.values()]
    .map((e) => ({ ...e, score: Math.round(e.score * 100) / 100 }))
    .sort(
      (a, b) => b.events - a.events || a.source.localeCompare(b.source) || a.target.localeCompare(b.target),
    )
    .slice(0, limit && limit > 0 ? limit : undefined);
  const counts = new Map<string, number>();
  for (const e of kept) {
    counts.set(e.source, (counts.get(e.source) ?? 0) + e.events);
    counts.set(e.target, (counts.get(e.target) ?? 0) + e.events);
  }
  const nodes = await describeKeys(store, counts);
  return { nodes, edges: kept };
}

async function describeKeys(store: Store, counts: Map<string, number>): Promise<GraphNode[]> {
  const keys = [...counts.keys()];
  const known = await actorInfo(store, keys);
  return keys
    .map((id) => {
      const a = known.get(id);
      return {
        id,
        name: a?.name ?? id,
        kind: a?.kind ?? null,
        country: a?.country ?? null,
        events: counts.get(id) ?? 0,
      };
    })
    .sort((a, b) => b.events - a.events || a.id.localeCompare(b.id));
}
