/**
 * Whole records back out: `dyad stats`, `dyad show EVENT_ID`, and a stored
 * document as exactly the JSON `dyad extract` printed for it.
 */
import type { EventRecord } from "../../model/event.js";
import type { ExtractOutput } from "../../pipeline/output.js";
import type { Store } from "../connection.js";
import type { StoredOutput } from "../rows.js";
import { listRuns } from "../runs.js";
import { num, QueryError } from "./common.js";
import type { DocumentInfo, EventDetail, Stats } from "./types.js";

export type { DocumentInfo, EventDetail, Stats } from "./types.js";

/** Current documents and what hangs off them; stories with at least one live event. */
export async function stats(store: Store): Promise<Stats> {
  const db = store.db;
  const count = async (q: { executeTakeFirst(): Promise<{ n: unknown } | undefined> }) =>
    num((await q.executeTakeFirst())?.n);
  const current = () => db.selectFrom("documents").where("is_current", "=", 1);
  return {
    documents: await count(current().select((eb) => eb.fn.countAll().as("n"))),
    sentences: await count(current().select((eb) => eb.fn.sum("sentence_count").as("n"))),
    actors: await count(db.selectFrom("actors").select((eb) => eb.fn.countAll().as("n"))),
    events: await count(
      db
        .selectFrom("events")
        .where("live", "=", 1)
        .select((eb) => eb.fn.countAll().as("n")),
    ),
    stories: await count(
      db
        .selectFrom("stories")
        .where("event_count", ">", 0)
        .select((eb) => eb.fn.countAll().as("n")),
    ),
    runs: await listRuns(store),
  };
}

export async function eventDetail(store: Store, id: number): Promise<EventDetail> {
  const e = await store.db.selectFrom("events").selectAll().where("id", "=", id).executeTakeFirst();
  if (!e) throw new QueryError(`no event ${id} (dyad events lists them)`);
  const story = await store.db
    .selectFrom("stories")
    .selectAll()
    .where("id", "=", e.story_id)
    .executeTakeFirstOrThrow();
  const others = await store.db
    .selectFrom("events")
    .innerJoin("documents", "documents.id", "events.document_id")
    .select(["events.id", "documents.doc_id", "documents.title", "documents.source", "events.date_start"])
    .where("events.story_id", "=", e.story_id)
    .where("events.live", "=", 1)
    .where("events.id", "!=", id)
    .orderBy("events.date_start")
    .orderBy("events.id")
    .limit(50)
    .execute();
  const sentence = await store.db
    .selectFrom("sentences")
    .select(["idx", "start", "end", "text"])
    .where("document_id", "=", e.document_id)
    .where("idx", "=", e.sentence)
    .executeTakeFirst();
  return {
    id: e.id,
    live: e.live === 1,
    record: store.dialect.readJson(e.record),
    story: {
      id: story.id,
      events: story.event_count,
      documents: story.document_count,
      firstDate: story.first_date,
      lastDate: story.last_date,
      others: others.map((o) => ({
        id: o.id,
        docId: o.doc_id,
        title: o.title,
        source: o.source,
        date: o.date_start || null,
      })),
    },
    sentence: sentence
      ? { index: sentence.idx, start: sentence.start, end: sentence.end, text: sentence.text }
      : null,
    document: await documentInfo(store, e.document_id),
  };
}

export async function documentInfo(store: Store, id: number): Promise<DocumentInfo> {
  const d = await store.db
    .selectFrom("documents")
    .select([
      "id",
      "doc_id",
      "source",
      "title",
      "published",
      "url",
      "version",
      "is_current",
      "content_hash",
      "first_seen",
      "last_seen",
      "versions",
    ])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!d) throw new QueryError(`no document ${id}`);
  return {
    id: d.id,
    docId: d.doc_id,
    source: d.source,
    title: d.title,
    published: d.published,
    url: d.url,
    version: d.version,
    current: d.is_current === 1,
    contentHash: d.content_hash,
    firstSeen: d.first_seen,
    lastSeen: d.last_seen,
    versions: store.dialect.readJson(d.versions),
  };
}

/** A stored document version as the object `dyad extract` printed for it (without text). */
export async function documentOutput(store: Store, id: number): Promise<ExtractOutput> {
  const d = await store.db.selectFrom("documents").select("output").where("id", "=", id).executeTakeFirst();
  if (!d) throw new QueryError(`no document ${id}`);
  const stored = store.dialect.readJson<StoredOutput>(d.output);
  const sentences = await store.db
    .selectFrom("sentences")
    .select(["start", "end", "language"])
    .where("document_id", "=", id)
    .orderBy("idx")
    .execute();
  // Every event of the version, live or not: this is what extraction made of that text.
  const events = await store.db
    .selectFrom("events")
    .select("record")
    .where("document_id", "=", id)
    .orderBy("id")
    .execute();
  const out: ExtractOutput = {
    doc: stored.doc,
    sentences,
    actors: stored.actors,
    // After a reprocess, kept events keep their row ids: the records' own ids give extract's order.
    events: events
      .map((e) => store.dialect.readJson<EventRecord>(e.record))
      .sort((a, b) => Number(a.id) - Number(b.id) || a.id.localeCompare(b.id)),
  };
  if (stored.warnings) out.warnings = stored.warnings;
  return out;
}
