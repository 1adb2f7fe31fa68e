/**
 * Re-running extraction over the stored raw text of current documents (after
 * dictionaries or patterns changed), without reading any file again, and
 * saying what changed.
 */
import type { Document, RawDocument } from "../model/document.js";
import { type Store, writeTransaction } from "./connection.js";
import { queueDerived, queueEvents, queueStoryRefresh } from "./pending.js";
import { eventRow, type ReaderInfo, recordSignature } from "./rows.js";
import { extractedFields } from "./writer.js";

export interface ReprocessOptions {
  runId: number;
  extractor: string;
  /** Only documents published on or after this YYYY-MM-DD (undated ones are then left alone). */
  since?: string | null;
  /** Runs the pipeline; `fallbackDate` is the `--date` the document was ingested with. */
  extract(raw: RawDocument, fallbackDate: string | null): Document;
  onDocument?(report: ReprocessReport): void;
  shouldStop?(): boolean;
}

export interface ReprocessReport {
  documentId: number;
  docId: string;
  source: string;
  added: number;
  removed: number;
  /** Set when extraction threw on this document; its stored rows are left as they were. */
  problem?: string;
}

export interface ReprocessTotals {
  documents: number;
  changed: number;
  failed: number;
  added: number;
  removed: number;
  bytes: number;
}

const PAGE = 50;

export async function reprocessDocuments(store: Store, opts: ReprocessOptions): Promise<ReprocessTotals> {
  const totals: ReprocessTotals = { documents: 0, changed: 0, failed: 0, added: 0, removed: 0, bytes: 0 };
  let after = 0;
  for (;;) {
    // Pages by id, so memory holds PAGE texts at most, however large the store.
    let query = store.db
      .selectFrom("documents")
      .select(["id", "doc_id", "source", "format", "raw_text", "reader"])
      .where("is_current", "=", 1)
      .where("id", ">", after)
      .orderBy("id")
      .limit(PAGE);
    if (opts.since) query = query.where("published", ">=", opts.since);
    const rows = await query.execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      after = row.id;
      const reader = store.dialect.readJson<ReaderInfo>(row.reader);
      const raw: RawDocument = {
        id: row.doc_id,
        source: row.source,
        rawText: row.raw_text,
        title: reader.title,
        published: reader.published,
        publishedSource: reader.publishedSource,
        url: reader.url,
        author: reader.author,
        format: row.format as RawDocument["format"],
        encoding: reader.encoding,
      };
      const report: ReprocessReport = {
        documentId: row.id,
        docId: row.doc_id,
        source: row.source,
        added: 0,
        removed: 0,
      };
      totals.documents++;
      totals.bytes += Buffer.byteLength(row.raw_text, "utf8");
      let doc: Document | null = null;
      try {
        doc = opts.extract(raw, reader.fallbackDate);
      } catch (err) {
        report.problem = `extraction failed (${(err as Error).message})`;
        totals.failed++;
      }
      if (doc) {
        const diff = await replaceExtraction(store, row.id, doc, opts.runId, opts.extractor);
        report.added = diff.added;
        report.removed = diff.removed;
        totals.added += diff.added;
        totals.removed += diff.removed;
        if (diff.added || diff.removed) totals.changed++;
      }
      opts.onDocument?.(report);
      if (opts.shouldStop?.()) return totals;
    }
  }
  return totals;
}

export interface ReprocessResult {
  added: number;
  removed: number;
}

/**
 * Replaces what extraction made of a stored version (same text, new
 * dictionaries or patterns), in one transaction. Events that come out the
 * same keep their id and story; the others are removed or added.
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
      const ids = { documentId, storyId: match.story_id, runId, live: true };
      const { story_id: _story, document_id: _doc, ...fields } = eventRow(e, doc, ids);
      await trx.updateTable("events").set(fields).where("id", "=", match.id).execute();
    }
    const removed = [...unmatched.values()].flat();
    if (removed.length) {
      const ids = removed.map((r) => r.id);
      await trx.deleteFrom("events").where("id", "in", ids).execute();
    }
    await trx.deleteFrom("sentences").where("document_id", "=", documentId).execute();
    await trx.deleteFrom("mentions").where("document_id", "=", documentId).execute();
    await trx
      .updateTable("documents")
      .set(extractedFields(doc, extractor, runId))
      .where("id", "=", documentId)
      .execute();
    await queueDerived(trx, store, doc, documentId);
    await queueEvents(trx, store, { doc, records: added, documentId, runId });
    await queueStoryRefresh(
      trx,
      store,
      removed.map((r) => r.story_id),
    );
    return { added: added.length, removed: removed.length };
  });
}
