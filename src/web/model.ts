/** Pure reshaping of API answers for the pages (unit-tested in Node). */
import type { ActorGraph, DyadSummary } from "./api";

export interface CounterpartTrend {
  key: string;
  name: string;
  /** This actor towards the counterpart, and back. */
  out: DyadSummary | null;
  back: DyadSummary | null;
  events: number;
}

/** The dossier's dyads grouped by counterpart (the side that is not the dossier's own key). */
export function groupTrends(
  trends: DyadSummary[],
  own: (string | null | undefined)[] = [],
): { self: string | null; groups: CounterpartTrend[] } {
  const freq = new Map<string, number>();
  for (const t of trends) for (const k of [t.actor.key, t.recipient.key]) freq.set(k, (freq.get(k) ?? 0) + 1);
  // The dossier's own key (its id, else its state's code for organs and officials), else the commonest side.
  const self =
    own.find((k): k is string => !!k && freq.has(k)) ??
    [...freq.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ??
    null;
  const groups = new Map<string, CounterpartTrend>();
  for (const t of trends) {
    const outward = t.actor.key === self;
    const other = outward ? t.recipient : t.actor;
    const g = groups.get(other.key) ?? { key: other.key, name: other.name, out: null, back: null, events: 0 };
    if (outward) g.out = t;
    else g.back = t;
    g.events += t.events;
    groups.set(other.key, g);
  }
  return {
    self,
    groups: [...groups.values()].sort((a, b) => b.events - a.events || a.name.localeCompare(b.name)),
  };
}

/** The actors with at least `min` events, and the pairs between them. */
export function prune(data: ActorGraph, min: number): ActorGraph {
  if (min <= 1) return data;
  const nodes = data.nodes.filter((n) => n.events >= min);
  const keep = new Set(nodes.map((n) => n.id));
  return { nodes, edges: data.edges.filter((e) => keep.has(e.source) && keep.has(e.target)) };
}

export const MIN_CHOICES = [1, 2, 3, 5, 10, 20, 50];

/** The smallest threshold that leaves at most `max` actors: a readable graph to start with. */
export function autoMin(data: ActorGraph, max = 150): number {
  return MIN_CHOICES.find((m) => data.nodes.filter((n) => n.events >= m).length <= max) ?? 50;
}
