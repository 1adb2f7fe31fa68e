/**
 * The actor network: one node per state/organisation-level actor key and one
 * directed edge per event with a different recipient key — the same pairs
 * and counts `dyad dyads` reports.
 */
import { MultiDirectedGraph } from "graphology";
import type { Store } from "../connection.js";
import { periodOf } from "../dates.js";
import { actorInfo } from "../query/common.js";
import type { EventSummary } from "../query/events.js";

export interface ActorNode {
  label: string;
  kind: string | null;
  country: string | null;
}

export interface EventEdge {
  event_id: number;
  type: string;
  modality: string;
  mode: string | null;
  /** The record's own date (partial ISO), or null. */
  date: string | null;
  /** First and last day of the event's period, or null when undated. */
  start: string | null;
  end: string | null;
}

export type EventGraph = MultiDirectedGraph<ActorNode, EventEdge>;

/** `e<event id>`: edge keys, which the GEXF writer's post-processing looks up. */
export const edgeKey = (id: number) => `e${id}`;

export async function buildGraph(store: Store, events: AsyncIterable<EventSummary>): Promise<EventGraph> {
  const graph: EventGraph = new MultiDirectedGraph<ActorNode, EventEdge>();
  for await (const e of events) {
    if (!e.recipient || e.recipient.key === e.actor.key) continue;
    const period = periodOf(e.record.date) ?? (e.day ? { start: e.day, end: e.day } : null);
    graph.mergeNode(e.actor.key, { label: e.actor.key, kind: null, country: null });
    graph.mergeNode(e.recipient.key, { label: e.recipient.key, kind: null, country: null });
    graph.addDirectedEdgeWithKey(edgeKey(e.id), e.actor.key, e.recipient.key, {
      event_id: e.id,
      type: e.event,
      modality: e.modality,
      mode: e.mode,
      date: e.date,
      start: period?.start ?? null,
      end: period?.end ?? null,
    });
  }
  for (const [id, a] of await actorInfo(store, graph.nodes()))
    graph.mergeNodeAttributes(id, { label: a.name, kind: a.kind, country: a.country });
  return graph;
}

export const xmlEscape = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "apos" }[c]};`);
