/** Located events for the map: those whose record has a location with coordinates. */
import { sql } from "kysely";
import type { EventRecord } from "../../model/event.js";
import type { Store } from "../connection.js";
import type { EventFilter } from "./events.js";
import { filteredEvents } from "./events.js";
import type { MapItem } from "./types.js";

export type { MapItem } from "./types.js";

/** In date order like findEvents; `filter.limit` caps the items (default all). */
export async function mapEvents(store: Store, filter: EventFilter = {}): Promise<MapItem[]> {
  const where = await filteredEvents(store, filter);
  if (!where) return [];
  const record = sql.ref("events.record");
  const rows = await where
    .innerJoin("documents", "documents.id", "events.document_id")
    .leftJoin("sentences", (j) =>
      j
        .onRef("sentences.document_id", "=", "events.document_id")
        .onRef("sentences.idx", "=", "events.sentence"),
    )
    .select([
      "documents.id as document_id",
      "documents.title",
      sql<string | null>`sentences.text`.as("sentence_text"),
      "events.id",
      "events.event_type",
      "events.modality",
      "events.date",
      "events.date_start",
      "events.actor_id",
      "events.actor_name",
      "events.actor_key",
      "events.recipient_id",
      "events.recipient_name",
      "events.recipient_key",
      "events.record",
    ])
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
      actor: { id: r.actor_id, name: r.actor_name, key: r.actor_key },
      recipient: r.recipient_id
        ? {
            id: r.recipient_id,
            name: r.recipient_name ?? r.recipient_id,
            key: r.recipient_key ?? r.recipient_id,
          }
        : null,
      place: { name: loc.name, iso3: loc.country, lat: loc.lat, lon: loc.lon },
      sentence: r.sentence_text ?? null,
      document: { id: r.document_id, title: r.title },
    });
  }
  return items;
}
