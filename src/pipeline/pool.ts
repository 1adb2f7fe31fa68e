/**
 * Extraction in worker threads (piscina): each thread builds the pipeline
 * once, the caller sends raw documents and gets plain-data documents back.
 * With one thread or fewer, extraction runs in the calling thread instead,
 * exactly as `processDocument` does, with no pool at all.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Piscina } from "piscina";
import type { Document, RawDocument } from "../model/document.js";
import { DictionaryError, packageRoot } from "./data-file.js";
import { createPipeline, processDocument } from "./default.js";
import type { Pipeline } from "./stage.js";

export type PoolTask =
  | { kind: "versions"; fallbackDate: string | null }
  | { kind: "extract"; raw: RawDocument; fallbackDate: string | null };

export type PoolReply =
  | { ok: true; versions: Record<string, string> }
  | { ok: true; doc: Document }
  | { ok: false; dictionary: boolean; message: string };

export interface Extractor {
  /** Worker threads; 0 when extraction runs in the calling thread. */
  readonly threads: number;
  /** The pipeline's versions; building it also checks the dictionaries (DictionaryError). */
  versions(fallbackDate: string | null): Promise<Record<string, string>>;
  extract(raw: RawDocument, fallbackDate: string | null): Promise<Document>;
  close(): Promise<void>;
}

export interface ExtractorOptions {
  /** Worker threads; 1 or fewer extracts in this thread. */
  threads: number;
  dictionaries?: string;
}

export function createExtractor(opts: ExtractorOptions): Extractor {
  return opts.threads <= 1 ? inProcess(opts.dictionaries) : threaded(opts.threads, opts.dictionaries);
}

function inProcess(dictionaries: string | undefined): Extractor {
  const pipelines = new Map<string, Pipeline>();
  const pipelineFor = (fallbackDate: string | null) => {
    let p = pipelines.get(fallbackDate ?? "");
    if (!p) {
      p = createPipeline({ dictionaries, fallbackDate });
      pipelines.set(fallbackDate ?? "", p);
    }
    return p;
  };
  return {
    threads: 0,
    versions: async (fallbackDate) => pipelineFor(fallbackDate).versions,
    extract: async (raw, fallbackDate) => processDocument(pipelineFor(fallbackDate), raw),
    close: async () => {},
  };
}

/** The built worker script: next to this file in dist/, or dist/ when this runs from src/ (tests). */
function workerFile(): string {
  const here = join(dirname(fileURLToPath(import.meta.url)), "pool-worker.js");
  const file = existsSync(here) ? here : join(packageRoot(), "dist", "pipeline", "pool-worker.js");
  return pathToFileURL(file).href;
}

const TASKS_PER_THREAD = 16;

function threaded(threads: number, dictionaries: string | undefined): Extractor {
  const pool = new Piscina<PoolTask, PoolReply>({
    filename: workerFile(),
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: Number.POSITIVE_INFINITY,
    // Several tasks queued in each thread: it goes on working while the main thread is busy
    // committing a batch (SQLite writes block the event loop that would hand out the next task).
    concurrentTasksPerWorker: TASKS_PER_THREAD,
    // V8 lets a thread's heap grow towards gigabytes before it collects in earnest, so memory would
    // climb with the corpus: a bound keeps each thread flat (~150 MB here) and leaves room for a
    // 20 MB document. A smaller young generation saves ~40 MB per thread at no measurable cost.
    resourceLimits: { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 512 },
    workerData: { dictionaries },
  });
  let large: Extractor | undefined;
  const fail = (reply: Extract<PoolReply, { ok: false }>): never => {
    throw reply.dictionary ? new DictionaryError(reply.message) : new Error(reply.message);
  };
  return {
    threads,
    async versions(fallbackDate) {
      // One task per thread (the pool hands them out evenly): every thread has built its pipeline
      // when this returns, so the caller's clock starts with all of them ready.
      const replies = await Promise.all(
        Array.from({ length: threads }, () => pool.run({ kind: "versions", fallbackDate })),
      );
      for (const reply of replies) if (!reply.ok) return fail(reply);
      return (replies[0] as { versions: Record<string, string> }).versions;
    },
    async extract(raw, fallbackDate) {
      let reply: PoolReply;
      try {
        reply = await pool.run({ kind: "extract", raw, fallbackDate });
      } catch (err) {
        // A document too large for a thread's bounded heap (many MB of text) is done here instead,
        // where the heap is V8's default: slower and bigger, but rare.
        if ((err as { code?: string }).code !== "ERR_WORKER_OUT_OF_MEMORY") throw err;
        large ??= inProcess(dictionaries);
        return large.extract(raw, fallbackDate);
      }
      if (!reply.ok) return fail(reply);
      const { doc } = reply as { doc: Document };
      doc.rawText = raw.rawText;
      return doc;
    },
    close: () => pool.destroy(),
  };
}
