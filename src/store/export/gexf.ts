/**
 * GEXF for Gephi. graphology-gexf writes static graphs only, so the output is
 * post-processed minimally: mode="dynamic" on <graph> and start/end on each
 * dated <edge>, which is what Gephi's timeline reads.
 */
import { write } from "graphology-gexf";
import { type EventGraph, xmlEscape } from "./graph.js";

const clean = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));

export function toGexf(graph: EventGraph): string {
  const xml = write(graph, {
    version: "1.3",
    formatNode: (_key, a) => ({ label: a.label, attributes: clean({ kind: a.kind, country: a.country }) }),
    formatEdge: (_key, a) => ({
      label: a.type,
      attributes: clean({
        event_id: a.event_id,
        type: a.type,
        date: a.date,
        modality: a.modality,
        mode: a.mode,
      }),
    }),
  });
  return xml
    .replace(/<graph /, '<graph mode="dynamic" timeformat="date" ')
    .replace(/<edge id="([^"]+)"/g, (whole, key: string) => {
      if (!graph.hasEdge(key)) return whole;
      const { start, end } = graph.getEdgeAttributes(key);
      if (!start || !end) return whole;
      return `${whole} start="${xmlEscape(start)}" end="${xmlEscape(end)}"`;
    });
}
