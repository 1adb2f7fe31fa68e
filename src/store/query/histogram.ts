/** Events per month and type, for the time line (undated events counted apart). */
import { sql } from "kysely";
import type { Store } from "../connection.js";
import { num } from "./common.js";
import { type EventFilter, filteredEvents } from "./events.js";
import type { Histogram, HistogramMonth } from "./types.js";

export type { Histogram, HistogramMonth } from "./types.js";

export async function histogram(store: Store, filter: EventFilter = {}): Promise<Histogram> {
  const where = await filteredEvents(store, filter);
  if (!where) return { months: [], undated: 0 };
  const month = sql<string>`substr(events.date_start, 1, 7)`;
  const rows = await where
    .select((eb) => [month.as("month"), "events.event_type", eb.fn.countAll().as("n")])
    .groupBy([month, "events.event_type"])
    .execute();
  const months = new Map<string, HistogramMonth>();
  let undated = 0;
  for (const r of rows) {
    const n = num(r.n);
    if (!r.month) {
      undated += n;
      continue;
    }
    const m = months.get(r.month) ?? { month: r.month, total: 0, types: {} };
    m.total += n;
    m.types[r.event_type] = (m.types[r.event_type] ?? 0) + n;
    months.set(r.month, m);
  }
  return { months: [...months.values()].sort((a, b) => a.month.localeCompare(b.month)), undated };
}
