/**
 * Exports of stored events: PLOVER-style JSON Lines, CSV and GeoJSON stream
 * event by event; GEXF and GraphML build the actor network first.
 */
import type { Store } from "../connection.js";
import { type EventFilter, findEvents } from "../query/events.js";
import { writeCsv } from "./csv.js";
import { writeGeoJson } from "./geojson.js";
import { toGexf } from "./gexf.js";
import { buildGraph } from "./graph.js";
import { writeGraphml } from "./graphml.js";
import { writePloverJsonl } from "./plover.js";
import type { Sink } from "./sink.js";

export { buildGraph, type EventGraph } from "./graph.js";
export { ploverEvent } from "./plover.js";
export type { Sink } from "./sink.js";

export const EXPORT_FORMATS = ["plover-jsonl", "csv", "gexf", "graphml", "geojson"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Writes the events matching `filter` in `format` to `sink`. */
export async function exportEvents(
  store: Store,
  format: ExportFormat,
  filter: EventFilter,
  sink: Sink,
): Promise<void> {
  const graphOnly = format === "gexf" || format === "graphml";
  const events = findEvents(store, filter, { sentences: !graphOnly });
  switch (format) {
    case "plover-jsonl":
      await writePloverJsonl(events, sink);
      return;
    case "csv":
      await writeCsv(events, sink);
      return;
    case "geojson":
      await writeGeoJson(events, sink);
      return;
    case "gexf":
      await sink.write(toGexf(await buildGraph(store, events)));
      return;
    case "graphml":
      await writeGraphml(await buildGraph(store, events), sink);
      return;
  }
}
