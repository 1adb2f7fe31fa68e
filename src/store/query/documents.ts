/**
 * Documents for the UI: the list (newest published first) and one document
 * as its cleaned text with sentences, actor mentions and events, every span
 * an offset pair into that text.
 */
import type { EventRecord } from "../../model/event.js";
import type { Store } from "../connection.js";
import { num, QueryError } from "./common.js";
import { eventSides } from "./events.js";
import { documentInfo } from "./records.js";
import type { DocumentList, DocumentView } from "./types.js";

export type { DocumentEvent, DocumentList, DocumentListItem, DocumentView, Span } from "./types.js";

/** Current documents, newest published first (undated last). */
export async function listDocuments(
  store: Store,
  opts: { limit?: number; offset?: number } = {},
): Promise<DocumentList> {
  const current = store.db.selectFrom("documents").where("is_current", "=", 1);
  const total = num((await current.select((eb) => eb.fn.countAll().as("n")).executeTakeFirst())?.n);
  const rows = await current
    .select(["id", "doc_id", "source", "title", "published", "event_count"])
    .orderBy((eb) => eb.case().when("published", "is", null).then(1).else(0).end())
    .orderBy("published", "desc")
    .orderBy("id", "desc")
    .limit(opts.limit ?? 20)
    .offset(opts.offset ?? 0)
    .execute();
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      docId: r.doc_id,
      source: r.source,
      title: r.title,
      published: r.published,
      events: r.event_count,
    })),
  };
}

export async function documentView(store: Store, id: number): Promise<DocumentView> {
  const d = await store.db.selectFrom("documents").select("text").where("id", "=", id).executeTakeFirst();
  if (!d) throw new QueryError(`no document ${id}`);
  const document = await documentInfo(store, id);
  const sentences = await store.db
    .selectFrom("sentences")
    .select(["idx", "start", "end", "language"])
    .where("document_id", "=", id)
    .orderBy("idx")
    .execute();
  const mentions = await store.db
    .selectFrom("mentions")
    .innerJoin("actors", "actors.id", "mentions.actor_id")
    .select([
      "mentions.start",
      "mentions.end",
      "mentions.actor_id",
      "mentions.text",
      "mentions.kind",
      "actors.name",
    ])
    .where("mentions.document_id", "=", id)
    .orderBy("mentions.start")
    .orderBy("mentions.id")
    .execute();
  // Every event of the version (all live when it is current): what extraction made of this text.
  const events = await store.db
    .selectFrom("events")
    .select([
      "id",
      "event_type",
      "modality",
      "actor_id",
      "actor_name",
      "actor_key",
      "recipient_id",
      "recipient_name",
      "recipient_key",
      "sentence",
      "record",
    ])
    .where("document_id", "=", id)
    .orderBy("trigger_start")
    .orderBy("id")
    .execute();
  return {
    document,
    text: d.text,
    sentences: sentences.map((s) => ({ index: s.idx, start: s.start, end: s.end, language: s.language })),
    mentions: mentions.map((m) => ({
      start: m.start,
      end: m.end,
      actor: m.actor_id,
      name: m.name,
      kind: m.kind,
      text: m.text,
    })),
    events: events.map((e) => {
      const r = store.dialect.readJson<EventRecord>(e.record);
      return {
        id: e.id,
        event: e.event_type,
        modality: e.modality,
        ...eventSides(e),
        sentence: e.sentence,
        trigger: { start: r.evidence.trigger.start, end: r.evidence.trigger.end },
        actorSpan: { start: r.actor.start, end: r.actor.end },
        recipientSpan: r.recipient ? { start: r.recipient.start, end: r.recipient.end } : null,
      };
    }),
  };
}
