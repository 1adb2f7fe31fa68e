/** GeoJSON export: a FeatureCollection of the located events, properties = the flat CSV fields. */
import type { EventSummary } from "../query/events.js";
import { flatRow } from "./flat.js";
import type { Sink } from "./sink.js";

const located = (v: number | null | undefined): v is number => typeof v === "number" && Number.isFinite(v);

export async function writeGeoJson(events: AsyncIterable<EventSummary>, sink: Sink): Promise<number> {
  await sink.write('{"type":"FeatureCollection","features":[\n');
  let n = 0;
  for await (const e of events) {
    const loc = e.record.location;
    if (!loc || !located(loc.lat) || !located(loc.lon)) continue;
    const feature = {
      type: "Feature",
      id: e.id,
      geometry: { type: "Point", coordinates: [loc.lon, loc.lat] },
      properties: flatRow(e),
    };
    await sink.write(`${n ? ",\n" : ""}${JSON.stringify(feature)}`);
    n++;
  }
  await sink.write("\n]}\n");
  return n;
}
