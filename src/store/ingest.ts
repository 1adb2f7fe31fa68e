/**
 * The ingest loop: documents one at a time from a reader, unchanged content
 * recognised by its hash before any extraction, each document written in its
 * own transaction. Extraction is passed in: the store does not know how
 * records are made.
 */
import type { Document, RawDocument } from "../model/document.js";
import type { Store } from "./connection.js";
import { contentHash, sourceKey } from "./identity.js";
import { emptyFigures, type RunFigures } from "./runs.js";
import { findCurrent, storeDocument, touchDocument, type WriteStatus } from "./writer.js";

export interface ReadProblem {
  source: string;
  problem: string;
}

export interface IngestOptions {
  runId: number;
  extractor: string;
  /** Runs the pipeline on one document. */
  extract(raw: RawDocument): Document;
  /** `--date`, recorded so `reprocess` rebuilds the same pipeline. */
  fallbackDate: string | null;
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
  for await (const item of inputs) {
    const report = "problem" in item ? item : await ingestOne(store, item, opts, figures);
    if ("problem" in report) {
      figures.documentsFailed++;
      opts.onDocument?.({ source: report.source, status: "failed", problem: report.problem }, figures);
    } else {
      opts.onDocument?.(report, figures);
    }
    figures.seconds = (performance.now() - started) / 1000;
    if (opts.shouldStop?.()) break;
  }
  figures.seconds = (performance.now() - started) / 1000;
  return figures;
}

async function ingestOne(
  store: Store,
  raw: RawDocument,
  opts: IngestOptions,
  figures: RunFigures,
): Promise<DocumentReport | ReadProblem> {
  figures.bytes += Buffer.byteLength(raw.rawText, "utf8");
  const key = sourceKey(raw);
  const hash = contentHash(raw.rawText);
  const current = await findCurrent(store, key);
  if (current?.content_hash === hash) {
    await touchDocument(store, current.id, opts.runId);
    figures.documentsUnchanged++;
    return { source: raw.source, status: "unchanged", events: 0 };
  }
  let doc: Document;
  try {
    doc = opts.extract(raw);
  } catch (err) {
    // A bug on one document must not sink the batch; say which one.
    return { source: raw.source, problem: `extraction failed (${(err as Error).message})` };
  }
  const result = await storeDocument(store, {
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
  });
  if (result.status === "new") figures.documentsNew++;
  else if (result.status === "changed") figures.documentsChanged++;
  else figures.documentsUnchanged++;
  figures.eventsAdded += result.eventsAdded;
  figures.eventsRemoved += result.eventsRemoved;
  return { source: raw.source, status: result.status, events: result.eventsAdded };
}
