/**
 * Writing documents: each inside one transaction (with others of its batch),
 * so a crash leaves either the whole document (text, sentences, mentions,
 * events, stories) or none of it.
 */
import type { Transaction } from "kysely";
import type { Document } from "../model/document.js";
import { documentLanguage } from "../pipeline/output.js";
import { type Store, writeTransaction } from "./connection.js";
import { queueDerived, queueEvents, supersedePending } from "./pending.js";
import { type ReaderInfo, storedOutput } from "./rows.js";
import type { DB } from "./schema.js";

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
  let removed = 0;
  if (current) {
    const old = await trx
      .selectFrom("events")
      .select("story_id")
      .where("document_id", "=", current.id)
      .where("live", "=", 1)
      .execute();
    touched = old.map((r) => r.story_id);
    // The replaced version may still be waiting in this batch (the same input twice, changed).
    removed = old.length + supersedePending(trx, current.id);
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
  await queueDerived(trx, store, doc, documentId);
  await queueEvents(trx, store, { doc, records: doc.events, documentId, runId }, touched);
  return {
    status: current ? "changed" : "new",
    documentId,
    eventsAdded: doc.events.length,
    eventsRemoved: removed,
  };
}

/** Document columns that extraction determines (and `reprocess` rewrites). */
export function extractedFields(doc: Document, extractor: string, runId: number) {
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
