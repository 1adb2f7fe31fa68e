/** CSV export: one flat row per event (RFC 4180 via csv-stringify). */
import { stringify } from "csv-stringify/sync";
import type { EventSummary } from "../query/events.js";
import { FLAT_COLUMNS, flatRow } from "./flat.js";
import type { Sink } from "./sink.js";

export async function writeCsv(events: AsyncIterable<EventSummary>, sink: Sink): Promise<number> {
  await sink.write(stringify([[...FLAT_COLUMNS]]));
  let n = 0;
  for await (const e of events) {
    const row = flatRow(e);
    await sink.write(stringify([FLAT_COLUMNS.map((c) => row[c] ?? "")]));
    n++;
  }
  return n;
}
