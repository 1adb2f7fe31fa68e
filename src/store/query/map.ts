/** Located events for the map: those whose record has a location with coordinates. */
import { sql } from "kysely";
import type { EventRecord } from "../../model/event.js";
import type { Store } from "../connection.js";
import type { EventFilter } from "./events.js";
import { EVENT_SIDE_COLUMNS, eventSides, filteredEvents, withSentenceText } from "./events.js";
import type { MapItem } from "./types.js";

export type { MapItem } from "./types.js";

/** In date order like findEvents; `filter.limit` caps the items (default all). */
export async function mapEvents(store: Store, filter: EventFilter = {}): Promise<MapItem[]> {
  const where = await filteredEvents(store, filter);
  if (!where) return [];
  const record = sql.ref("events.record");
  const rows = await where
    .innerJoin("documents", "documents.id", "events.document_id")
    .select([
      "documents.id as document_id",
      "documents.title",
      "events.id",
      "events.event_type",
      "events.modality",
      "events.date",
      "events.date_start",
      ...EVENT_SIDE_COLUMNS,
      "events.record",
    ])
    .$call(withSentenceText)
    .where(() => sql<boolean>`${store.dialect.jsonText(record, ["location", "lat"])} is not null`)
    .where(() => sql<boolean>`${store.dialect.jsonText(record, ["location", "lon"])} is not null`)
    .orderBy("events.date_start")
    .orderBy("events.id")
    .$if(Boolean(filter.limit && filter.limit > 0), (qb) => qb.limit(filter.limit as number))
    .execute();
  const items: MapItem[] = [];
  for (const r of rows) {
    const loc = store.dialect.readJson<EventRecord>(r.record).location;
    if (!loc || typeof loc.lat !== "number" || typeof loc.lon !== "number") continue;
    items.push({
      id: r.id,
      event: r.event_type,
      modality: r.modality,
      date: r.date ?? (r.date_start || null),
      ...eventSides(r),
      place: { name: loc.name, iso3: loc.country, lat: loc.lat, lon: loc.lon },
      sentence: r.sentence_text ?? null,
      document: { id: r.document_id, title: r.title },
    });
  }
  return items;
}
