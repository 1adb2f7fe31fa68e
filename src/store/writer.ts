/**
 * Writing documents, a batch at a time inside one transaction: a crash leaves
 * either a whole document (text, sentences, mentions, events, stories) or none
 * of it. A batch costs a handful of statements whatever its size: one look-up
 * of the current versions, one insert of the new ones, and the deferred rows
 * of pending.ts at commit.
 */
import type { Kysely, Transaction } from "kysely";
import type { Document } from "../model/document.js";
import { documentLanguage } from "../pipeline/output.js";
import { type Store, writeTransaction } from "./connection.js";
import { queueDerived, queueEvents, queueStoryRefresh, supersedePending } from "./pending.js";
import { type ReaderInfo, storedOutput } from "./rows.js";
import type { DB } from "./schema.js";

export interface DocumentInput {
  /** The document after the pipeline ran; null when the caller found its content stored already. */
  doc: Document | null;
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

/** The current version stored under a source key, if any. */
export function findCurrent(db: Kysely<DB>, sourceKey: string): Promise<CurrentVersion | undefined> {
  return db
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
  doc: Document;
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
      doc: input.doc,
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
  await insertVersions(trx, fresh, now);
  for (const f of fresh) {
    await queueDerived(trx, store, f.doc, f.id);
    await queueEvents(trx, store, {
      doc: f.doc,
      records: f.doc.events,
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
      (f.replacesFresh !== null ? fresh[f.replacesFresh].doc.events.length : 0);
    return { status: p.kind, documentId: f.id, eventsAdded: f.doc.events.length, eventsRemoved: before };
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

/** One multi-row insert; keys come back in the order of the VALUES rows, on both backends. */
async function insertVersions(trx: Transaction<DB>, fresh: Fresh[], now: string): Promise<void> {
  for (let i = 0; i < fresh.length; i += 500) {
    const chunk = fresh.slice(i, i + 500);
    const rows = await trx
      .insertInto("documents")
      .values(
        chunk.map((f) => ({
          source_key: f.input.sourceKey,
          version: f.version,
          is_current: f.current ? 1 : 0,
          doc_id: f.doc.id,
          source: f.doc.source,
          format: f.doc.format,
          raw_text: f.doc.rawText,
          content_hash: f.input.contentHash,
          reader: JSON.stringify(f.input.reader),
          ...extractedFields(f.doc, f.input.extractor, f.input.runId),
          first_run: f.input.runId,
          last_run: f.input.runId,
          first_seen: now,
          last_seen: now,
        })),
      )
      .returning("id")
      .execute();
    const ids = rows.map((r) => r.id).sort((a, b) => a - b);
    chunk.forEach((f, k) => {
      f.id = ids[k];
    });
  }
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
