/**
 * Writing documents, a batch at a time inside one transaction: a crash leaves
 * either a whole document (text, sentences, mentions, events, stories) or none
 * of it. A batch costs a handful of statements besides its rows: one look-up
 * of the current versions, the new ones' rows, and the deferred rows of
 * pending.ts at commit. Documents come as their rows (doc-rows.ts), mostly
 * built in the extraction threads; on SQLite the rows go through statements
 * prepared once (sqlite-rows.ts), on PostgreSQL through Kysely.
 */
import type { Transaction } from "kysely";
import type { Document } from "../model/document.js";
import { type Store, writeTransaction } from "./connection.js";
import {
  type DocumentRows,
  documentRows,
  type ExtractedColumns,
  extractedColumns,
  isDocumentRows,
  type Value,
} from "./doc-rows.js";
import { queueDerived, queueEvents, queueStoryRefresh, supersedePending } from "./pending.js";
import type { ReaderInfo } from "./rows.js";
import type { DB } from "./schema.js";
import { insertRow, prepared } from "./sqlite-rows.js";

export interface DocumentInput {
  /**
   * The document after the pipeline ran, or its rows (doc-rows.ts, built in an
   * extraction thread; rawText set); null when the caller found its content stored already.
   */
  doc: Document | DocumentRows | null;
  sourceKey: string;
  contentHash: string;
  reader: ReaderInfo;
  runId: number;
  /** dyad's own version. */
  extractor: string;
}

export type WriteStatus = "new" | "changed" | "unchanged";

/** "stale": `doc` was null, but the content stored under its key is another: extract and write it again. */
export type WriteResult =
  | { status: WriteStatus; documentId: number; eventsAdded: number; eventsRemoved: number }
  | { status: "stale" };

export interface CurrentVersion {
  id: number;
  version: number;
  content_hash: string;
}

const FIND_CURRENT =
  'select "id", "version", "content_hash" from "documents" where "source_key" = ? and "is_current" = 1';

/** The current version stored under a source key, if any. */
export async function findCurrent(store: Store, sourceKey: string): Promise<CurrentVersion | undefined> {
  // SQLite between transactions: straight to the connection (one look-up per document read).
  // Inside one, Kysely waits for it to end, so a look-up never sees a batch that could still roll back.
  if (store.sqlite && !store.sqlite.inTransaction)
    return prepared(store.sqlite, FIND_CURRENT).get(sourceKey) as CurrentVersion | undefined;
  return store.db
    .selectFrom("documents")
    .select(["id", "version", "content_hash"])
    .where("source_key", "=", sourceKey)
    .where("is_current", "=", 1)
    .executeTakeFirst();
}

/** Stores one document (new, or a new version of a changed one) in a transaction of its own. */
export async function storeDocument(store: Store, input: DocumentInput & { doc: Document }) {
  const [result] = await writeTransaction(store, (trx) => storeDocuments(trx, store, [input]));
  return result as Exclude<WriteResult, { status: "stale" }>;
}

/** Where a source key stands while a batch is worked out. */
interface Head {
  version: number;
  hash: string;
  /** The stored current row, or the new row of this batch (index into `fresh`). */
  stored: number | null;
  fresh: number | null;
}

interface Fresh {
  input: DocumentInput;
  doc: DocumentRows;
  version: number;
  /** False when a later input of the same batch replaces it. */
  current: boolean;
  replacesStored: number | null;
  replacesFresh: number | null;
  id: number;
}

type Plan =
  | { kind: "stale" }
  | { kind: "unchanged"; head: Head }
  | { kind: "new" | "changed"; fresh: number };

/**
 * Writes a batch inside a write transaction the caller holds. Inputs count in
 * order: the same source twice in a batch is one document, or two versions.
 */
export async function storeDocuments(
  trx: Transaction<DB>,
  store: Store,
  inputs: readonly DocumentInput[],
): Promise<WriteResult[]> {
  const heads = await currentHeads(trx, inputs);
  const fresh: Fresh[] = [];
  const plans: Plan[] = inputs.map((input) => {
    const head = heads.get(input.sourceKey);
    if (head?.hash === input.contentHash) return { kind: "unchanged", head };
    if (!input.doc) return { kind: "stale" };
    const f: Fresh = {
      input,
      doc: isDocumentRows(input.doc) ? input.doc : documentRows(input.doc),
      version: (head?.version ?? 0) + 1,
      current: true,
      replacesStored: head?.stored ?? null,
      replacesFresh: head?.fresh ?? null,
      id: 0,
    };
    if (f.replacesFresh !== null) fresh[f.replacesFresh].current = false;
    heads.set(input.sourceKey, {
      version: f.version,
      hash: input.contentHash,
      stored: null,
      fresh: fresh.length,
    });
    fresh.push(f);
    return { kind: head ? "changed" : "new", fresh: fresh.length - 1 };
  });

  const now = new Date().toISOString();
  const removed = await retire(
    trx,
    store,
    fresh.flatMap((f) => (f.replacesStored === null ? [] : [f.replacesStored])),
  );
  await insertVersions(trx, store, fresh, now);
  for (const f of fresh) {
    await queueDerived(trx, store, f.doc, f.id);
    await queueEvents(trx, store, {
      values: f.doc.events,
      documentId: f.id,
      runId: f.input.runId,
      live: f.current,
    });
  }
  const seen = plans.flatMap((p, i) =>
    p.kind === "unchanged" && p.head.stored !== null ? [{ id: p.head.stored, run: inputs[i].runId }] : [],
  );
  for (const run of new Set(seen.map((s) => s.run))) {
    const ids = seen.filter((s) => s.run === run).map((s) => s.id);
    await trx
      .updateTable("documents")
      .set({ last_seen: now, last_run: run })
      .where("id", "in", ids)
      .execute();
  }

  return plans.map((p): WriteResult => {
    if (p.kind === "stale") return { status: "stale" };
    if (p.kind === "unchanged") {
      const id = p.head.stored ?? fresh[p.head.fresh as number].id;
      return { status: "unchanged", documentId: id, eventsAdded: 0, eventsRemoved: 0 };
    }
    const f = fresh[p.fresh];
    const before =
      (f.replacesStored !== null ? (removed.get(f.replacesStored) ?? 0) : 0) +
      (f.replacesFresh !== null ? fresh[f.replacesFresh].doc.fields.event_count : 0);
    return { status: p.kind, documentId: f.id, eventsAdded: f.doc.fields.event_count, eventsRemoved: before };
  });
}

async function currentHeads(
  trx: Transaction<DB>,
  inputs: readonly DocumentInput[],
): Promise<Map<string, Head>> {
  const heads = new Map<string, Head>();
  const keys = [...new Set(inputs.map((i) => i.sourceKey))];
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await trx
      .selectFrom("documents")
      .select(["id", "version", "content_hash", "source_key"])
      .where("source_key", "in", keys.slice(i, i + 500))
      .where("is_current", "=", 1)
      .execute();
    for (const r of rows)
      heads.set(r.source_key, { version: r.version, hash: r.content_hash, stored: r.id, fresh: null });
  }
  return heads;
}

/** Stored versions stop being current and their events stop being live; returns the events each had. */
async function retire(trx: Transaction<DB>, store: Store, ids: number[]): Promise<Map<number, number>> {
  const removed = new Map<number, number>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const live = await trx
      .selectFrom("events")
      .select(["document_id", "story_id"])
      .where("document_id", "in", chunk)
      .where("live", "=", 1)
      .execute();
    for (const e of live) removed.set(e.document_id, (removed.get(e.document_id) ?? 0) + 1);
    await queueStoryRefresh(
      trx,
      store,
      live.map((e) => e.story_id),
    );
    await trx.updateTable("documents").set({ is_current: 0 }).where("id", "in", chunk).execute();
    await trx.updateTable("events").set({ live: 0 }).where("document_id", "in", chunk).execute();
  }
  // Versions written earlier in this transaction still have their events waiting.
  for (const id of ids) removed.set(id, (removed.get(id) ?? 0) + supersedePending(trx, id));
  return removed;
}

const DOCUMENT_COLUMNS = [
  "source_key",
  "version",
  "is_current",
  "doc_id",
  "source",
  "format",
  "raw_text",
  "content_hash",
  "reader",
  "title",
  "published",
  "published_source",
  "url",
  "author",
  "language",
  "text",
  "chars",
  "extractor",
  "versions",
  "output",
  "sentence_count",
  "mention_count",
  "event_count",
  "extracted_run",
  "first_run",
  "last_run",
  "first_seen",
  "last_seen",
] as const;

function documentRow(f: Fresh, now: string): Record<(typeof DOCUMENT_COLUMNS)[number], Value> {
  return {
    source_key: f.input.sourceKey,
    version: f.version,
    is_current: f.current ? 1 : 0,
    doc_id: f.doc.id,
    source: f.doc.source,
    format: f.doc.format,
    raw_text: f.doc.rawText,
    content_hash: f.input.contentHash,
    reader: JSON.stringify(f.input.reader),
    ...columnsOf(f.doc.fields, f.input.extractor, f.input.runId),
    first_run: f.input.runId,
    last_run: f.input.runId,
    first_seen: now,
    last_seen: now,
  };
}

/** SQLite: one prepared insert per version; PostgreSQL: one multi-row insert. Ids in input order either way. */
async function insertVersions(
  trx: Transaction<DB>,
  store: Store,
  fresh: Fresh[],
  now: string,
): Promise<void> {
  const sqlite = store.sqlite;
  if (sqlite) {
    for (const f of fresh) {
      const row = documentRow(f, now);
      f.id = insertRow(
        sqlite,
        "documents",
        DOCUMENT_COLUMNS,
        DOCUMENT_COLUMNS.map((c) => row[c]),
      );
    }
    return;
  }
  for (let i = 0; i < fresh.length; i += 500) {
    const chunk = fresh.slice(i, i + 500);
    // Keys come back in the order of the VALUES rows.
    const rows = await trx
      .insertInto("documents")
      .values(chunk.map((f) => documentRow(f, now) as never))
      .returning("id")
      .execute();
    const ids = rows.map((r) => r.id).sort((a, b) => a - b);
    chunk.forEach((f, k) => {
      f.id = ids[k];
    });
  }
}

function columnsOf(fields: ExtractedColumns, extractor: string, runId: number) {
  return { ...fields, extractor, extracted_run: runId };
}

/** Document columns that extraction determines (and `reprocess` rewrites). */
export function extractedFields(doc: Document, extractor: string, runId: number) {
  return columnsOf(extractedColumns(doc), extractor, runId);
}
