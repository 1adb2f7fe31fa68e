/**
 * Writing documents: each in one transaction, so a crash leaves either the
 * whole document (text, sentences, mentions, events, stories) or none of it.
 */
import type { Insertable, Transaction } from "kysely";
import type { Document } from "../model/document.js";
import { documentLanguage } from "../pipeline/output.js";
import { upsertActors } from "./actors.js";
import { type Store, writeTransaction } from "./connection.js";
import {
  actorRows,
  eventRow,
  mentionRows,
  type ReaderInfo,
  recordSignature,
  sentenceRows,
  storedOutput,
  storyKey,
} from "./rows.js";
import type { DB } from "./schema.js";
import { assignStories, refreshStories } from "./stories.js";

export interface DocumentInput {
  /** The document after the pipeline ran. */
  doc: Document;
  sourceKey: string;
  contentHash: string;
  reader: ReaderInfo;
  runId: number;
  /** dyad's own version. */
  extractor: string;
}

export type WriteStatus = "new" | "changed" | "unchanged";

export interface WriteResult {
  status: WriteStatus;
  documentId: number;
  eventsAdded: number;
  eventsRemoved: number;
}

/** Seen again with the same content: only the provenance moves. */
export async function touch(trx: Transaction<DB>, documentId: number, runId: number): Promise<void> {
  await trx
    .updateTable("documents")
    .set({ last_seen: new Date().toISOString(), last_run: runId })
    .where("id", "=", documentId)
    .execute();
}

/** Stores a new document, or a new version of one whose content changed, in a transaction of its own. */
export function storeDocument(store: Store, input: DocumentInput): Promise<WriteResult> {
  return writeTransaction(store, (trx) => storeDocumentIn(trx, store, input));
}

export interface CurrentVersion {
  id: number;
  version: number;
  content_hash: string;
}

/** The current version stored under a source key, if any. */
export function findCurrent(trx: Transaction<DB>, sourceKey: string): Promise<CurrentVersion | undefined> {
  return trx
    .selectFrom("documents")
    .select(["id", "version", "content_hash"])
    .where("source_key", "=", sourceKey)
    .where("is_current", "=", 1)
    .executeTakeFirst();
}

/**
 * The same inside a write transaction the caller holds (several documents may
 * share one). `current` is what findCurrent said in this same transaction.
 */
export async function storeDocumentIn(
  trx: Transaction<DB>,
  store: Store,
  input: DocumentInput,
  known?: { current: CurrentVersion | undefined },
): Promise<WriteResult> {
  const { doc, runId } = input;
  const now = new Date().toISOString();
  const current = known ? known.current : await findCurrent(trx, input.sourceKey);
  if (current?.content_hash === input.contentHash) {
    await touch(trx, current.id, runId);
    return { status: "unchanged", documentId: current.id, eventsAdded: 0, eventsRemoved: 0 };
  }
  let touched: number[] = [];
  if (current) {
    const old = await trx
      .selectFrom("events")
      .select("story_id")
      .where("document_id", "=", current.id)
      .where("live", "=", 1)
      .execute();
    touched = old.map((r) => r.story_id);
    await trx.updateTable("documents").set({ is_current: 0 }).where("id", "=", current.id).execute();
    await trx.updateTable("events").set({ live: 0 }).where("document_id", "=", current.id).execute();
  }
  const { id: documentId } = await trx
    .insertInto("documents")
    .values({
      source_key: input.sourceKey,
      version: (current?.version ?? 0) + 1,
      is_current: 1,
      doc_id: doc.id,
      source: doc.source,
      format: doc.format,
      raw_text: doc.rawText,
      content_hash: input.contentHash,
      reader: JSON.stringify(input.reader),
      ...extractedFields(doc, input.extractor, runId),
      first_run: runId,
      last_run: runId,
      first_seen: now,
      last_seen: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await insertDerived(trx, store, doc, documentId, now);
  const storyIds = await insertEvents(trx, store, doc, doc.events, documentId, runId);
  await refreshStories(trx, [...touched, ...storyIds]);
  return {
    status: current ? "changed" : "new",
    documentId,
    eventsAdded: doc.events.length,
    eventsRemoved: touched.length,
  };
}

/** Document columns that extraction determines (and `reprocess` rewrites). */
function extractedFields(doc: Document, extractor: string, runId: number) {
  return {
    title: doc.title,
    published: doc.published,
    published_source: doc.publishedSource,
    url: doc.url,
    author: doc.author,
    language: documentLanguage(doc),
    text: doc.text,
    chars: doc.text.length,
    extractor,
    versions: JSON.stringify(doc.versions),
    output: JSON.stringify(storedOutput(doc)),
    sentence_count: doc.sentences.length,
    mention_count: doc.mentions.length,
    event_count: doc.events.length,
    extracted_run: runId,
  };
}

/** Sentences, actors and mentions: everything but events. */
async function insertDerived(
  trx: Transaction<DB>,
  store: Store,
  doc: Document,
  documentId: number,
  now: string,
) {
  await insertChunked(trx, store, "sentences", sentenceRows(doc, documentId));
  await upsertActors(trx, store, actorRows(doc, now));
  await insertChunked(trx, store, "mentions", mentionRows(doc, documentId));
}

/** Inserts events into their stories; returns the stories touched. */
async function insertEvents(
  trx: Transaction<DB>,
  store: Store,
  doc: Document,
  records: Document["events"],
  documentId: number,
  runId: number,
): Promise<number[]> {
  const storyIds = await assignStories(
    trx,
    records.map((e) => storyKey(e, doc.published)),
  );
  const rows = records.map((e, k) =>
    eventRow(e, doc, { documentId, storyId: storyIds[k], runId, live: true }),
  );
  await insertChunked(trx, store, "events", rows);
  return storyIds;
}

type InsertTable = "sentences" | "mentions" | "events";

/** Multi-row inserts, cut to stay under the backend's bind-parameter limit. */
async function insertChunked<T extends InsertTable>(
  trx: Transaction<DB>,
  store: Store,
  table: T,
  rows: Insertable<DB[T]>[],
): Promise<void> {
  if (rows.length === 0) return;
  const per = Math.max(1, Math.floor(store.dialect.maxParams / Object.keys(rows[0]).length));
  for (let i = 0; i < rows.length; i += per) {
    // The union of three tables defeats Kysely's inference; the signature above keeps callers typed.
    const chunk = rows.slice(i, i + per) as Insertable<DB[InsertTable]>[] as never;
    await trx.insertInto(table).values(chunk).execute();
  }
}

export interface ReprocessResult {
  added: number;
  removed: number;
}

/**
 * Replaces what extraction made of a stored version (same text, new
 * dictionaries or patterns). Events that come out the same keep their id and
 * story; the others are removed or added.
 */
export function replaceExtraction(
  store: Store,
  documentId: number,
  doc: Document,
  runId: number,
  extractor: string,
): Promise<ReprocessResult> {
  return writeTransaction(store, async (trx) => {
    const old = await trx
      .selectFrom("events")
      .select(["id", "story_id", "record"])
      .where("document_id", "=", documentId)
      .where("live", "=", 1)
      .orderBy("id")
      .execute();
    const unmatched = new Map<string, { id: number; story_id: number }[]>();
    for (const row of old) {
      const sig = recordSignature(store.dialect.readJson(row.record));
      unmatched.set(sig, [...(unmatched.get(sig) ?? []), row]);
    }
    const added: Document["events"] = [];
    for (const e of doc.events) {
      const match = unmatched.get(recordSignature(e))?.shift();
      if (!match) {
        added.push(e);
        continue;
      }
      const {
        story_id: _story,
        document_id: _doc,
        ...fields
      } = eventRow(e, doc, {
        documentId,
        storyId: match.story_id,
        runId,
        live: true,
      });
      await trx.updateTable("events").set(fields).where("id", "=", match.id).execute();
    }
    const removed = [...unmatched.values()].flat();
    if (removed.length) {
      await trx
        .deleteFrom("events")
        .where(
          "id",
          "in",
          removed.map((r) => r.id),
        )
        .execute();
    }
    await trx.deleteFrom("sentences").where("document_id", "=", documentId).execute();
    await trx.deleteFrom("mentions").where("document_id", "=", documentId).execute();
    await trx
      .updateTable("documents")
      .set(extractedFields(doc, extractor, runId))
      .where("id", "=", documentId)
      .execute();
    await insertDerived(trx, store, doc, documentId, new Date().toISOString());
    const storyIds = await insertEvents(trx, store, doc, added, documentId, runId);
    await refreshStories(trx, [...removed.map((r) => r.story_id), ...storyIds]);
    return { added: added.length, removed: removed.length };
  });
}
