/** `dyad search`: full text over the sentences of current documents, each hit with its document and events. */
import type { Store } from "../connection.js";
import { sentenceMatches } from "../fts.js";
import { documentBrief } from "./common.js";
import type { SearchHit } from "./types.js";

export type { SearchHit } from "./types.js";

export async function searchSentences(store: Store, query: string, limit = 20): Promise<SearchHit[]> {
  const matches = sentenceMatches(store.dialect, query);
  if (!matches) return [];
  const rows = await store.db
    .selectFrom(matches.as("m"))
    .innerJoin("sentences", "sentences.id", "m.id")
    .innerJoin("documents", "documents.id", "sentences.document_id")
    .where("documents.is_current", "=", 1)
    .select([
      "sentences.id",
      "sentences.idx",
      "sentences.start",
      "sentences.end",
      "sentences.text",
      "documents.id as document_id",
      "documents.doc_id",
      "documents.source",
      "documents.title",
      "documents.published",
    ])
    .orderBy("m.rank")
    .orderBy("sentences.id")
    .limit(limit)
    .execute();
  if (rows.length === 0) return [];
  const events = await store.db
    .selectFrom("events")
    .select(["id", "document_id", "sentence", "event_type", "modality", "actor_name", "recipient_name"])
    .where("live", "=", 1)
    .where("document_id", "in", [...new Set(rows.map((r) => r.document_id))])
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    sentence: { id: r.id, index: r.idx, start: r.start, end: r.end, text: r.text },
    document: documentBrief(r),
    events: events
      .filter((e) => e.document_id === r.document_id && e.sentence === r.idx)
      .map((e) => ({
        id: e.id,
        event: e.event_type,
        modality: e.modality,
        actor: e.actor_name,
        recipient: e.recipient_name,
      })),
  }));
}
