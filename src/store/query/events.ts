/** `dyad events`: live events by actor, recipient, dyad, type, modality, dates and evidence text. */
import { type SelectQueryBuilder, sql } from "kysely";
import type { EventRecord } from "../../model/event.js";
import type { Store } from "../connection.js";
import { sinceBound, untilBound } from "../dates.js";
import { sentenceMatches } from "../fts.js";
import type { DB } from "../schema.js";
import { type ActorMatch, documentBrief, num, resolveActor, sideMatches } from "./common.js";
import type { ActorBrief, EventSummary } from "./types.js";

export type { ActorBrief, EventSummary } from "./types.js";

export interface EventFilter {
  /** Id, name, alias or ISO code; case-insensitive. */
  actor?: string;
  recipient?: string;
  /** Two actors, in either direction. */
  dyad?: [string, string];
  types?: string[];
  modalities?: string[];
  /** YYYY, YYYY-MM or YYYY-MM-DD: events whose period reaches into [since, until]. */
  since?: string;
  until?: string;
  /** Full-text query over the evidence sentence. */
  text?: string;
  /** PLOVER contexts: events with any of them. */
  contexts?: string[];
  /** Store document id (documents.id): that version's events. */
  document?: number;
  /** Events with this actor on either side (as `actor` or `recipient` would match it). */
  involving?: string;
  /** At most this many (default all). */
  limit?: number;
  /** Skip this many first (paging). */
  offset?: number;
}

export interface FindEventsOptions {
  /** Also read each event's evidence sentence text (exports want it; listings do not). */
  sentences?: boolean;
}

const PAGE = 500;

/** The columns of an event's two sides, as `eventSides` reads them. */
export const EVENT_SIDE_COLUMNS = [
  "events.actor_id",
  "events.actor_name",
  "events.actor_key",
  "events.recipient_id",
  "events.recipient_name",
  "events.recipient_key",
] as const;

/** An event row's actor and recipient (null when it has none). */
export function eventSides(r: {
  actor_id: string;
  actor_name: string;
  actor_key: string;
  recipient_id: string | null;
  recipient_name: string | null;
  recipient_key: string | null;
}): { actor: ActorBrief; recipient: ActorBrief | null } {
  return {
    actor: { id: r.actor_id, name: r.actor_name, key: r.actor_key },
    recipient: r.recipient_id
      ? {
          id: r.recipient_id,
          name: r.recipient_name ?? r.recipient_id,
          key: r.recipient_key ?? r.recipient_id,
        }
      : null,
  };
}

/** Adds the text of each event's evidence sentence as `sentence_text` (null when the sentence is gone). */
export function withSentenceText<O>(qb: SelectQueryBuilder<DB, "events", O>) {
  return qb
    .leftJoin("sentences", (j) =>
      j
        .onRef("sentences.document_id", "=", "events.document_id")
        .onRef("sentences.idx", "=", "events.sentence"),
    )
    .select(sql<string | null>`sentences.text`.as("sentence_text"));
}

/**
 * Live events matching `filter` (all but limit and offset), as a query on
 * `events` to join and select from; null when the text query can match nothing.
 * Unknown actors throw QueryError.
 */
export async function filteredEvents(store: Store, filter: EventFilter) {
  const actor = filter.actor ? await resolveActor(store, filter.actor) : null;
  const recipient = filter.recipient ? await resolveActor(store, filter.recipient) : null;
  const involving = filter.involving ? await resolveActor(store, filter.involving) : null;
  const dyad: [ActorMatch, ActorMatch] | null = filter.dyad
    ? [await resolveActor(store, filter.dyad[0]), await resolveActor(store, filter.dyad[1])]
    : null;
  const matches = filter.text ? sentenceMatches(store.dialect, filter.text) : undefined;
  if (matches === null) return null;
  let q = store.db.selectFrom("events").where("events.live", "=", 1);
  if (actor) q = q.where((eb) => sideMatches(eb, "actor", actor));
  if (recipient) q = q.where((eb) => sideMatches(eb, "recipient", recipient));
  if (involving)
    q = q.where((eb) =>
      eb.or([sideMatches(eb, "actor", involving), sideMatches(eb, "recipient", involving)]),
    );
  if (dyad) {
    const [x, y] = dyad;
    q = q.where((eb) =>
      eb.or([
        eb.and([sideMatches(eb, "actor", x), sideMatches(eb, "recipient", y)]),
        eb.and([sideMatches(eb, "actor", y), sideMatches(eb, "recipient", x)]),
      ]),
    );
  }
  if (filter.types?.length) q = q.where("events.event_type", "in", filter.types);
  if (filter.modalities?.length) q = q.where("events.modality", "in", filter.modalities);
  if (filter.contexts?.length) {
    const contexts = filter.contexts;
    q = q.where(() => store.dialect.jsonArrayHasAny(sql.ref("events.record"), ["context"], contexts));
  }
  if (filter.document !== undefined) q = q.where("events.document_id", "=", filter.document);
  // "" marks an undated event: a date bound excludes it.
  if (filter.since)
    q = q.where("events.date_end", ">=", sinceBound(filter.since)).where("events.date_end", "!=", "");
  if (filter.until)
    q = q.where("events.date_start", "<=", untilBound(filter.until)).where("events.date_start", "!=", "");
  if (matches) {
    // Driven by the (few) matching sentences, not by a scan of every event.
    q = q.where((eb) =>
      eb(
        eb.refTuple("events.document_id", "events.sentence"),
        "in",
        eb
          .selectFrom("sentences")
          .select(["sentences.document_id", "sentences.idx"])
          .where("sentences.id", "in", (sub) => sub.selectFrom(matches.as("m")).select("m.id"))
          .$asTuple("document_id", "idx"),
      ),
    );
  }
  return q;
}

/** How many live events match `filter` (limit and offset ignored). */
export async function countEvents(store: Store, filter: EventFilter): Promise<number> {
  const where = await filteredEvents(store, filter);
  if (!where) return 0;
  const row = await where.select((eb) => eb.fn.countAll().as("n")).executeTakeFirst();
  return num(row?.n);
}

/** Matching events in date order (undated first), streamed page by page. */
export async function* findEvents(
  store: Store,
  filter: EventFilter = {},
  opts: FindEventsOptions = {},
): AsyncGenerator<EventSummary> {
  const where = await filteredEvents(store, filter);
  if (!where) return;
  let left = filter.limit && filter.limit > 0 ? filter.limit : Number.POSITIVE_INFINITY;
  let after: { day: string; id: number } | null = null;
  const offset = filter.offset && filter.offset > 0 ? filter.offset : 0;
  while (left > 0) {
    let q = where
      .innerJoin("documents", "documents.id", "events.document_id")
      .innerJoin("stories", "stories.id", "events.story_id")
      .select([
        "events.id",
        "events.event_type",
        "events.mode",
        "events.modality",
        "events.date",
        "events.date_start",
        ...EVENT_SIDE_COLUMNS,
        "events.record",
        "stories.id as story_id",
        "stories.event_count",
        "stories.document_count",
        "documents.id as document_id",
        "documents.doc_id",
        "documents.source",
        "documents.title",
        "documents.published",
      ])
      .$if(Boolean(opts.sentences), withSentenceText);
    if (after) {
      const { day, id } = after;
      q = q.where((eb) =>
        eb.or([
          eb("events.date_start", ">", day),
          eb.and([eb("events.date_start", "=", day), eb("events.id", ">", id)]),
        ]),
      );
    }
    const rows = await q
      .orderBy("events.date_start")
      .orderBy("events.id")
      .limit(Math.min(PAGE, left))
      .$if(after === null && offset > 0, (qb) => qb.offset(offset))
      .execute();
    for (const r of rows) {
      yield {
        id: r.id,
        event: r.event_type,
        mode: r.mode,
        modality: r.modality,
        date: r.date,
        day: r.date_start || null,
        ...eventSides(r),
        story: { id: r.story_id, events: r.event_count, documents: r.document_count },
        document: documentBrief(r),
        record: store.dialect.readJson<EventRecord>(r.record),
        ...(opts.sentences ? { sentence: r.sentence_text ?? null } : {}),
      };
    }
    left -= rows.length;
    if (rows.length < PAGE) return;
    const last: { date_start: string; id: number } = rows[rows.length - 1];
    after = { day: last.date_start, id: last.id };
  }
}
