/** The flat, one-row-per-event view shared by the CSV and GeoJSON exports. */
import type { EventSummary } from "../query/events.js";

export type FlatValue = string | number | null;

export const FLAT_COLUMNS = [
  "id",
  "date",
  "date_precision",
  "event",
  "mode",
  "context",
  "modality",
  "actor_id",
  "actor_name",
  "actor_country",
  "actor_sector",
  "recipient_id",
  "recipient_name",
  "recipient_country",
  "recipient_sector",
  "location_name",
  "lat",
  "lon",
  "document",
  "sentence",
  "pattern",
] as const;

export type FlatRow = Record<(typeof FLAT_COLUMNS)[number], FlatValue>;

export function flatRow(e: EventSummary): FlatRow {
  const r = e.record;
  return {
    id: e.id,
    date: e.date,
    date_precision: r.date_precision,
    event: e.event,
    mode: e.mode,
    context: r.context.join(";"),
    modality: e.modality,
    actor_id: e.actor.id,
    actor_name: e.actor.name,
    actor_country: r.actor.country,
    actor_sector: r.actor.sector,
    recipient_id: e.recipient?.id ?? null,
    recipient_name: e.recipient?.name ?? null,
    recipient_country: r.recipient?.country ?? null,
    recipient_sector: r.recipient?.sector ?? null,
    location_name: r.location?.name ?? null,
    lat: r.location?.lat ?? null,
    lon: r.location?.lon ?? null,
    document: e.document.docId,
    sentence: e.sentence ?? null,
    pattern: r.pattern,
  };
}
