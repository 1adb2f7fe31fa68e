/**
 * One extraction thread of the pool (pool.ts): builds the pipeline once (one
 * per `--date` fallback, in practice one) and turns raw documents into
 * records. What goes back is plain data (structured clone): what the pool's
 * `finish` module makes of the document (the store: its rows), else the
 * document without its token arrays, which nothing downstream reads, and
 * without the raw text, which the caller has.
 */
import { workerData } from "node:worker_threads";
import { type Document, emptyTokens, type RawDocument } from "../model/document.js";
import { DataFileError, DictionaryError } from "./data-file.js";
import { createPipeline, processDocument } from "./default.js";
import type { PoolReply, PoolTask } from "./pool.js";
import type { Pipeline } from "./stage.js";

const data = workerData as { dictionaries?: string; finish?: string } | undefined;
const dictionaries = data?.dictionaries;
const finish: ((doc: Document) => unknown) | null = data?.finish ? (await import(data.finish)).default : null;
const pipelines = new Map<string, Pipeline>();

function pipelineFor(fallbackDate: string | null): Pipeline {
  const key = fallbackDate ?? "";
  let pipeline = pipelines.get(key);
  if (!pipeline) {
    pipeline = createPipeline({ dictionaries, fallbackDate });
    pipelines.set(key, pipeline);
  }
  return pipeline;
}

// Built when the thread starts, so the first document does not wait for it.
let startup: PoolReply | null = null;
try {
  pipelineFor(null);
} catch (err) {
  startup = failure(err);
}

function failure(err: unknown): PoolReply {
  const dictionary = err instanceof DictionaryError || err instanceof DataFileError;
  return { ok: false, dictionary, message: (err as Error)?.message ?? String(err) };
}

export default function run(task: PoolTask): PoolReply {
  if (startup) return startup;
  try {
    const pipeline = pipelineFor(task.fallbackDate);
    if (task.kind === "versions") return { ok: true, versions: pipeline.versions };
    const doc = processDocument(pipeline, task.raw as RawDocument);
    if (finish) return { ok: true, doc: finish(doc) };
    // The caller has the raw text already; tokens are never stored. Less to copy back.
    doc.tokens = emptyTokens();
    doc.rawText = "";
    return { ok: true, doc };
  } catch (err) {
    return failure(err);
  }
}
