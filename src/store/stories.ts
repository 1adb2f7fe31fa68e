/**
 * Stories: the reports of one happening. Events with the same (actor, type,
 * recipient) at state/organisation level whose days lie within a window of a
 * story's first day join that story, whatever document they come from, so
 * duplicates across outlets are counted, never dropped. Assignment is
 * incremental (an event joins the nearest existing story, else starts one)
 * and deterministic for a given order of input.
 */
import type { ExpressionBuilder, Transaction } from "kysely";
import type { ActorIdentity } from "../model/actor.js";
import type { DB } from "./schema.js";

export const STORY_WINDOW_DAYS = 7;

/** Sectors whose people and bodies speak for their state. */
const STATE_SECTORS = new Set(["GOV", "MIL", "SPY", "COP", "JUD", "LEG"]);

/**
 * State/organisation level key, as EVENTS.md evaluates triples: a group's
 * member counts as the group, a state organ or official as the state's ISO
 * code, anyone else as themselves.
 */
export function actorKey(a: ActorIdentity): string {
  if (a.affiliation?.id) return a.affiliation.id;
  if (a.kind === "state") return a.country ?? a.id;
  const speaksForState = a.sector === null || STATE_SECTORS.has(a.sector);
  if (a.country && speaksForState && (a.kind === "person" || a.kind === "organization")) return a.country;
  return a.id;
}

export interface StoryKey {
  actorKey: string;
  eventType: string;
  /** "" for no recipient. */
  recipientKey: string;
  /** Days since 1970-01-01, or null when the event has no date at all (then it stands alone). */
  day: number | null;
}

interface Candidate {
  id: number;
  key: string;
  anchor: number;
}

const keyOf = (k: StoryKey) => `${k.actorKey}\u0000${k.eventType}\u0000${k.recipientKey}`;

/** The story of each event, in order, creating stories where none is near enough. */
export async function assignStories(
  trx: Transaction<DB>,
  events: readonly StoryKey[],
  window = STORY_WINDOW_DAYS,
): Promise<number[]> {
  const dated = events.filter((e) => e.day !== null);
  const candidates: Candidate[] = [];
  const unique = [...new Map(dated.map((e) => [keyOf(e), e])).values()];
  // A batch holds many keys: look them up a hundred at a time, within those events' days.
  for (let i = 0; i < unique.length; i += 100) {
    const chunk = unique.slice(i, i + 100);
    const inChunk = new Set(chunk.map(keyOf));
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    for (const e of dated) {
      if (!inChunk.has(keyOf(e))) continue;
      first = Math.min(first, e.day as number);
      last = Math.max(last, e.day as number);
    }
    const rows = await trx
      .selectFrom("stories")
      .select(["id", "actor_key", "event_type", "recipient_key", "anchor_day"])
      .where("anchor_day", ">=", first - window)
      .where("anchor_day", "<=", last + window)
      .where((eb) =>
        eb.or(
          chunk.map((k) =>
            eb.and([
              eb("actor_key", "=", k.actorKey),
              eb("event_type", "=", k.eventType),
              eb("recipient_key", "=", k.recipientKey),
            ]),
          ),
        ),
      )
      .execute();
    for (const r of rows) {
      candidates.push({
        id: r.id,
        key: keyOf({
          actorKey: r.actor_key,
          eventType: r.event_type,
          recipientKey: r.recipient_key,
          day: null,
        }),
        anchor: r.anchor_day as number,
      });
    }
  }
  // New stories get provisional ids (-1, -2, ...) so later events can join them,
  // then one insert makes them real.
  const fresh: StoryKey[] = [];
  const out: number[] = [];
  for (const e of events) {
    const best = e.day === null ? undefined : nearest(candidates, keyOf(e), e.day, window);
    if (best) {
      out.push(best.id);
      continue;
    }
    fresh.push(e);
    const id = -fresh.length;
    if (e.day !== null) candidates.push({ id, key: keyOf(e), anchor: e.day });
    out.push(id);
  }
  if (fresh.length === 0) return out;
  const rows = await trx
    .insertInto("stories")
    .values(
      fresh.map((e) => ({
        actor_key: e.actorKey,
        event_type: e.eventType,
        recipient_key: e.recipientKey,
        anchor_day: e.day,
        event_count: 0,
        document_count: 0,
      })),
    )
    .returning("id")
    .execute();
  // Keys are handed out in the order of the VALUES rows, on both backends.
  const ids = rows.map((r) => r.id).sort((x, y) => x - y);
  return out.map((id) => (id < 0 ? ids[-id - 1] : id));
}

/** Nearest anchor within the window; the older story on a tie. */
function nearest(candidates: Candidate[], key: string, day: number, window: number): Candidate | undefined {
  let best: Candidate | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    if (c.key !== key) continue;
    const distance = Math.abs(c.anchor - day);
    if (distance > window) continue;
    // Provisional ids are negative and newer than every stored story.
    const older =
      best !== undefined && (c.id < 0 ? best.id < 0 && c.id > best.id : best.id < 0 || c.id < best.id);
    if (distance < bestDistance || (distance === bestDistance && older)) {
      best = c;
      bestDistance = distance;
    }
  }
  return best;
}

/** "" marks an unknown date in date_start/date_end; min/max must not see it. */
function nullIfEmpty(eb: ExpressionBuilder<DB, "events">, column: "events.date_start" | "events.date_end") {
  return eb.fn<string | null>("nullif", [column, eb.val("")]);
}

/** Recount live events, documents and the date span of the given stories. */
export async function refreshStories(trx: Transaction<DB>, ids: Iterable<number>): Promise<void> {
  const all = [...new Set(ids)];
  for (let i = 0; i < all.length; i += 500) {
    const chunk = all.slice(i, i + 500);
    await trx
      .updateTable("stories")
      .set((eb) => {
        const live = () =>
          eb.selectFrom("events").whereRef("events.story_id", "=", "stories.id").where("events.live", "=", 1);
        return {
          event_count: live().select((e) => e.fn.countAll<number>().as("n")),
          document_count: live().select((e) => e.fn.count<number>("events.document_id").distinct().as("n")),
          first_date: live().select((e) =>
            e.fn.min<string | null>(nullIfEmpty(e, "events.date_start")).as("d"),
          ),
          last_date: live().select((e) => e.fn.max<string | null>(nullIfEmpty(e, "events.date_end")).as("d")),
        };
      })
      .where("id", "in", chunk)
      .execute();
  }
}
