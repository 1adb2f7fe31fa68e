/**
 * The ingest loop: documents one at a time from a reader, unchanged content
 * recognised by its hash before any extraction, every document written whole
 * inside a transaction. Extraction is passed in: the store does not know how
 * records are made.
 *
 * Documents are committed in batches (up to `batch` documents or `batchMs`
 * milliseconds): a commit costs more than writing a small document, and no
 * transaction ever holds part of a document, so a crash still leaves whole
 * documents only, and running the command again stores the rest. While one
 * batch commits, the next is read and extracted, so a PostgreSQL server works
 * in parallel with extraction.
 *
 * With `concurrency` above 1 (extraction in worker threads), that many
 * documents are extracted at once; results are still written in input order,
 * so the database ends the same as with one, and at most `concurrency`
 * documents wait in memory besides the batch: a huge input streams through.
 */
import type { Transaction } from "kysely";
import type { Document, RawDocument } from "../model/document.js";
import { type Store, writeTransaction } from "./connection.js";
import { type DocumentRows, documentRows, isDocumentRows } from "./doc-rows.js";
import { contentHash, sourceKey } from "./identity.js";
import { emptyFigures, type RunFigures } from "./runs.js";
import type { DB } from "./schema.js";
import { type DocumentInput, findCurrent, storeDocuments, type WriteStatus } from "./writer.js";

export interface ReadProblem {
  source: string;
  problem: string;
}

/** An input that says "nothing more for now": write what is pending (a queue that ran dry). */
export interface Flush {
  flush: true;
}

export interface IngestOptions {
  runId: number;
  extractor: string;
  /**
   * Runs the pipeline on one document (perhaps elsewhere: a worker thread, which
   * can send back the document's rows, doc-rows.ts, instead of the Document).
   */
  extract(raw: RawDocument): Document | DocumentRows | Promise<Document | DocumentRows>;
  /** `--date`, recorded so `reprocess` rebuilds the same pipeline. */
  fallbackDate: string | null;
  /** Per document instead of `fallbackDate` (queue jobs carry their own). */
  fallbackDateOf?(raw: RawDocument): string | null;
  /**
   * Documents read ahead and handed to `extract` before the oldest is written
   * (default 1): enough to keep extraction threads busy while a batch commits.
   * Results are written in input order all the same.
   */
  concurrency?: number;
  /** Raw text read ahead, at most (default 32 MB): memory stays flat whatever the documents' size. */
  aheadBytes?: number;
  /**
   * A batch whose commit fails is written again one document at a time, and
   * the documents that still fail are reported failed instead of ending the
   * run (queue workers: one bad document must not hold back the others).
   */
  isolateFailures?: boolean;
  /** Most documents per transaction (default 200; 1 commits each document on its own). */
  batch?: number;
  /** Commit at least this often, in milliseconds (default 500). */
  batchMs?: number;
  /** Commit once the batch holds this much raw text, so memory stays flat on large documents (default 16 MB). */
  batchBytes?: number;
  /** Called for each input once its fate is known (stored, unchanged or failed). */
  onDocument?(report: DocumentReport, figures: RunFigures): void;
  /** Checked between documents: true stops the loop cleanly (Ctrl-C). */
  shouldStop?(): boolean;
}

/** `raw` is the input object itself (absent for inputs that could not be read). */
export type DocumentReport =
  | { source: string; status: WriteStatus; events: number; raw?: RawDocument }
  | { source: string; status: "failed"; problem: string; raw?: RawDocument };

/** A document read, hashed, and extracted unless its content looked stored already. */
interface Prepared {
  raw: RawDocument;
  key: string;
  hash: string;
  doc: DocumentRows | null;
}

export async function ingestDocuments(
  store: Store,
  inputs: AsyncIterable<RawDocument | ReadProblem | Flush>,
  opts: IngestOptions,
): Promise<RunFigures> {
  const figures = emptyFigures();
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  const limit = Math.max(1, opts.batch ?? 200);
  const batchMs = opts.batchMs ?? 500;
  const batchBytes = opts.batchBytes ?? 16 * 1024 * 1024;
  const window = Math.max(1, opts.concurrency ?? 1);
  const maxAheadBytes = opts.aheadBytes ?? 32 * 1024 * 1024;
  let aheadBytes = 0;
  const report = (r: DocumentReport) => {
    figures.seconds = elapsed();
    opts.onDocument?.(r, figures);
  };
  /** Figures count what committed. */
  const count = (written: Written[]): DocumentReport[] =>
    written.map(({ report: r, removed }) => {
      if (r.status === "new") figures.documentsNew++;
      else if (r.status === "changed") figures.documentsChanged++;
      else if (r.status === "unchanged") figures.documentsUnchanged++;
      if (r.status !== "failed") figures.eventsAdded += r.events;
      figures.eventsRemoved += removed;
      return r;
    });
  // Reports go out once the batch has committed: a queue acknowledges nothing that could still roll back.
  const commit = async (items: Prepared[]) => {
    let reports: DocumentReport[];
    try {
      reports = count(await writeTransaction(store, (trx) => storeBatch(trx, store, items, opts)));
    } catch (err) {
      if (!opts.isolateFailures) throw err;
      reports = [];
      for (const item of items) {
        try {
          reports.push(
            ...count(await writeTransaction(store, (trx) => storeBatch(trx, store, [item], opts))),
          );
        } catch (one) {
          figures.documentsFailed++;
          reports.push({
            source: item.raw.source,
            status: "failed",
            problem: `write failed (${(one as Error).message})`,
            raw: item.raw,
          });
        }
      }
    }
    for (const r of reports) report(r);
  };

  let inflight: Promise<void> = Promise.resolve();
  let batch: Prepared[] = [];
  let bytes = 0;
  let opened = performance.now();
  /** Documents being read and extracted, oldest first: they join the batch in this order. */
  const ahead: Promise<Prepared | DocumentReport>[] = [];
  const startCommit = async () => {
    // One batch commits while the next is extracted; a failed commit surfaces here.
    await inflight;
    inflight = commit(batch);
    inflight.catch(() => {}); // awaited below; this only keeps Node from calling it unhandled meanwhile
    batch = [];
    bytes = 0;
    opened = performance.now();
  };
  /** The oldest document in flight joins the batch (or is reported failed); the batch commits when due. */
  const settle = async (force: boolean) => {
    const prepared = await (ahead.shift() as Promise<Prepared | DocumentReport>);
    if (prepared.raw) aheadBytes -= prepared.raw.rawText.length;
    if ("status" in prepared) {
      figures.documentsFailed++;
      report(prepared);
    } else {
      batch.push(prepared);
      bytes += prepared.raw.rawText.length;
    }
    const due =
      batch.length >= limit || bytes >= batchBytes || performance.now() - opened >= batchMs || force;
    if (batch.length && due) await startCommit();
  };
  const iterator = inputs[Symbol.asyncIterator]();
  let stopped = false;
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
    const item = next.value;
    if ("flush" in item) {
      while (ahead.length) await settle(false);
      if (batch.length) await startCommit();
      await inflight;
    } else if ("problem" in item) {
      ahead.push(Promise.resolve({ source: item.source, status: "failed", problem: item.problem }));
    } else {
      const prepared = prepare(store, item, opts, figures);
      prepared.catch(() => {}); // settled in order below
      ahead.push(prepared);
      aheadBytes += item.rawText.length;
    }
    while (ahead.length >= window || (aheadBytes > maxAheadBytes && ahead.length)) await settle(false);
    stopped = opts.shouldStop?.() ?? false;
    if (stopped) break; // the documents in hand are finished below
  }
  while (ahead.length) await settle(false);
  await inflight;
  if (batch.length) await commit(batch);
  // Stopped early: let the reader close its files.
  if (stopped) await iterator.return?.();
  figures.seconds = elapsed();
  return figures;
}

/** Hash and key; extraction unless the stored current version has the same content. */
async function prepare(
  store: Store,
  raw: RawDocument,
  opts: IngestOptions,
  figures: RunFigures,
): Promise<Prepared | DocumentReport> {
  figures.bytes += Buffer.byteLength(raw.rawText, "utf8");
  const key = sourceKey(raw);
  const hash = contentHash(raw.rawText);
  const current = await findCurrent(store, key);
  if (current?.content_hash === hash) return { raw, key, hash, doc: null };
  try {
    // Only the rows wait for the batch: most of a Document's memory (tokens, views) goes at once.
    return { raw, key, hash, doc: await extractRows(raw, opts) };
  } catch (err) {
    // A bug on one document must not sink the batch; say which one.
    return {
      source: raw.source,
      status: "failed",
      problem: `extraction failed (${(err as Error).message})`,
      raw,
    };
  }
}

async function extractRows(raw: RawDocument, opts: IngestOptions): Promise<DocumentRows> {
  const out = await opts.extract(raw);
  if (!isDocumentRows(out)) return documentRows(out);
  out.rawText = raw.rawText; // threads do not send it back
  return out;
}

interface Written {
  report: DocumentReport;
  removed: number;
}

/** Writes a batch; documents that turn out changed after all (another writer) are extracted and written too. */
async function storeBatch(
  trx: Transaction<DB>,
  store: Store,
  items: Prepared[],
  opts: IngestOptions,
): Promise<Written[]> {
  const input = (item: Prepared): DocumentInput => ({
    doc: item.doc,
    sourceKey: item.key,
    contentHash: item.hash,
    reader: {
      title: item.raw.title,
      url: item.raw.url ?? null,
      author: item.raw.author ?? null,
      published: item.raw.published,
      publishedSource: item.raw.publishedSource,
      encoding: item.raw.encoding,
      fallbackDate: opts.fallbackDateOf ? opts.fallbackDateOf(item.raw) : opts.fallbackDate,
    },
    runId: opts.runId,
    extractor: opts.extractor,
  });
  const results = await storeDocuments(trx, store, items.map(input));
  const stale = items.filter((_, k) => results[k].status === "stale");
  if (stale.length) {
    for (const item of stale) item.doc = await extractRows(item.raw, opts);
    const again = await storeDocuments(trx, store, stale.map(input));
    let k = 0;
    for (const [i, r] of results.entries()) if (r.status === "stale") results[i] = again[k++];
  }
  return results.map((r, k) => {
    const source = items[k].raw.source;
    if (r.status === "stale") throw new Error(`${source}: stored content changed twice while writing`);
    return {
      report: { source, status: r.status, events: r.eventsAdded, raw: items[k].raw },
      removed: r.eventsRemoved,
    };
  });
}
