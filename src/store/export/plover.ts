/** PLOVER-style JSON Lines: PLOVER field names where they exist, Dyad's full record under "dyad". */
import type { ActorRef } from "../../model/actor.js";
import type { EventSummary } from "../query/events.js";
import type { Sink } from "./sink.js";

const actorName = (a: ActorRef | null) => a?.name ?? null;

export function ploverEvent(e: EventSummary): Record<string, unknown> {
  const r = e.record;
  const loc = r.location;
  return {
    id: e.id,
    date: e.date,
    event_type: e.event,
    mode: e.mode,
    context: r.context,
    source_actor: actorName(r.actor),
    source_agent: r.actor.sector,
    target_actor: actorName(r.recipient),
    target_agent: r.recipient?.sector ?? null,
    country: loc?.country ?? r.actor.country ?? null,
    location: loc ? { name: loc.name, lat: loc.lat, lon: loc.lon } : null,
    event_text: e.sentence ?? null,
    dyad: { id: e.id, story: e.story, document: e.document, record: r },
  };
}

export async function writePloverJsonl(events: AsyncIterable<EventSummary>, sink: Sink): Promise<number> {
  let n = 0;
  for await (const e of events) {
    await sink.write(`${JSON.stringify(ploverEvent(e))}\n`);
    n++;
  }
  return n;
}
