/**
 * The ingest loop: documents one at a time from a reader, unchanged content
 * recognised by its hash before any extraction, every document written whole
 * inside a transaction. Extraction is passed in: the store does not know how
 * records are made.
 *
 * Consecutive documents share a transaction (up to `batch` documents or
 * `batchMs` milliseconds): a commit costs more than writing a small document
 * (WAL frames on SQLite, a round trip and a flush on PostgreSQL), and no
 * transaction ever holds part of a document, so a crash still leaves whole
 * documents only, and running the command again stores the rest.
 */
import type { Transaction } from "kysely";
import type { Document, RawDocument } from "../model/document.js";
import { type Store, writeTransaction } from "./connection.js";
import { contentHash, sourceKey } from "./identity.js";
import { emptyFigures, type RunFigures } from "./runs.js";
import type { DB } from "./schema.js";
import { findCurrent, storeDocumentIn, touch, type WriteStatus } from "./writer.js";

export interface ReadProblem {
  source: string;
  problem: string;
}

export interface IngestOptions {
  runId: number;
  extractor: string;
  /** Runs the pipeline on one document (perhaps elsewhere: a worker thread). */
  extract(raw: RawDocument): Document | Promise<Document>;
  /** `--date`, recorded so `reprocess` rebuilds the same pipeline. */
  fallbackDate: string | null;
  /** Most documents per transaction (default 200; 1 commits each document on its own). */
  batch?: number;
  /** Commit at least this often, in milliseconds (default 500). */
  batchMs?: number;
  /** Called after each input, stored or failed. */
  onDocument?(report: DocumentReport, figures: RunFigures): void;
  /** Checked between documents: true stops the loop cleanly (Ctrl-C). */
  shouldStop?(): boolean;
}

export type DocumentReport =
  | { source: string; status: WriteStatus; events: number }
  | { source: string; status: "failed"; problem: string };

export async function ingestDocuments(
  store: Store,
  inputs: AsyncIterable<RawDocument | ReadProblem>,
  opts: IngestOptions,
): Promise<RunFigures> {
  const figures = emptyFigures();
  const started = performance.now();
  const batch = Math.max(1, opts.batch ?? 200);
  const batchMs = opts.batchMs ?? 500;
  const iterator = inputs[Symbol.asyncIterator]();
  let next = await iterator.next();
  while (!next.done && !opts.shouldStop?.()) {
    await writeTransaction(store, async (trx) => {
      const opened = performance.now();
      for (let n = 0; !next.done; n++) {
        if (n >= batch || performance.now() - opened >= batchMs || opts.shouldStop?.()) return;
        const item = next.value;
        const report = "problem" in item ? item : await ingestOne(trx, store, item, opts, figures);
        figures.seconds = (performance.now() - started) / 1000;
        if ("problem" in report) {
          figures.documentsFailed++;
          opts.onDocument?.({ source: report.source, status: "failed", problem: report.problem }, figures);
        } else {
          opts.onDocument?.(report, figures);
        }
        next = await iterator.next();
      }
    });
  }
  // Stopped early: let the reader close its files.
  if (!next.done) await iterator.return?.();
  figures.seconds = (performance.now() - started) / 1000;
  return figures;
}

async function ingestOne(
  trx: Transaction<DB>,
  store: Store,
  raw: RawDocument,
  opts: IngestOptions,
  figures: RunFigures,
): Promise<DocumentReport | ReadProblem> {
  figures.bytes += Buffer.byteLength(raw.rawText, "utf8");
  const key = sourceKey(raw);
  const hash = contentHash(raw.rawText);
  // Under the write lock, so no other writer can store this key between check and write.
  const current = await findCurrent(trx, key);
  if (current?.content_hash === hash) {
    // Same content: no extraction, only the provenance moves.
    await touch(trx, current.id, opts.runId);
    figures.documentsUnchanged++;
    return { source: raw.source, status: "unchanged", events: 0 };
  }
  let doc: Document;
  try {
    doc = await opts.extract(raw);
  } catch (err) {
    // A bug on one document must not sink the batch; say which one.
    return { source: raw.source, problem: `extraction failed (${(err as Error).message})` };
  }
  const result = await storeDocumentIn(
    trx,
    store,
    {
      doc,
      sourceKey: key,
      contentHash: hash,
      reader: {
        title: raw.title,
        url: raw.url ?? null,
        author: raw.author ?? null,
        published: raw.published,
        publishedSource: raw.publishedSource,
        encoding: raw.encoding,
        fallbackDate: opts.fallbackDate,
      },
      runId: opts.runId,
      extractor: opts.extractor,
    },
    { current },
  );
  if (result.status === "new") figures.documentsNew++;
  else if (result.status === "changed") figures.documentsChanged++;
  else figures.documentsUnchanged++;
  figures.eventsAdded += result.eventsAdded;
  figures.eventsRemoved += result.eventsRemoved;
  return { source: raw.source, status: result.status, events: result.eventsAdded };
}
