/**
 * GraphML. graphology-graphml only parses, so the graph is written here: one
 * <key> per attribute, nodes with label/kind/country, directed edges with the
 * event's type, date, modality and period.
 */
import { type EventGraph, xmlEscape } from "./graph.js";
import type { Sink } from "./sink.js";

const NODE_KEYS = ["label", "kind", "country"] as const;
const EDGE_KEYS = ["event_id", "type", "date", "modality", "mode", "start", "end"] as const;

const data = (key: string, value: unknown) =>
  value === null || value === undefined ? "" : `<data key="${key}">${xmlEscape(String(value))}</data>`;

export async function writeGraphml(graph: EventGraph, sink: Sink): Promise<void> {
  const keys = [
    ...NODE_KEYS.map((k) => `  <key id="${k}" for="node" attr.name="${k}" attr.type="string"/>`),
    ...EDGE_KEYS.map(
      (k) =>
        `  <key id="e_${k}" for="edge" attr.name="${k}" attr.type="${k === "event_id" ? "long" : "string"}"/>`,
    ),
  ];
  await sink.write(
    `<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n${keys.join("\n")}\n  <graph id="dyad" edgedefault="directed">\n`,
  );
  for (const { node, attributes: a } of graph.nodeEntries()) {
    await sink.write(
      `    <node id="${xmlEscape(node)}">${NODE_KEYS.map((k) => data(k, a[k])).join("")}</node>\n`,
    );
  }
  for (const { edge, source, target, attributes: a } of graph.edgeEntries()) {
    await sink.write(
      `    <edge id="${xmlEscape(edge)}" source="${xmlEscape(source)}" target="${xmlEscape(target)}">${EDGE_KEYS.map((k) => data(`e_${k}`, a[k])).join("")}</edge>\n`,
    );
  }
  await sink.write("  </graph>\n</graphml>\n");
}
