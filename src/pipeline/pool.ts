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
import type { Pipeline } from "./stage.js";

export type PoolTask =
  | { kind: "versions"; fallbackDate: string | null }
  | { kind: "extract"; raw: RawDocument; fallbackDate: string | null };

export type PoolReply =
  | { ok: true; versions: Record<string, string> }
  | { ok: true; doc: unknown }
  | { ok: false; dictionary: boolean; message: string };

export interface Extractor<T = Document> {
  /** Worker threads; 0 when extraction runs in the calling thread. */
  readonly threads: number;
  /** The pipeline's versions; building it also checks the dictionaries (DictionaryError). */
  versions(fallbackDate: string | null): Promise<Record<string, string>>;
  /** The Document, or what `finish` made of it in the thread. */
  extract(raw: RawDocument, fallbackDate: string | null): Promise<Document | T>;
  close(): Promise<void>;
}

/**
 * What a thread does with each Document before sending it back, so the caller
 * gets compact data it can use at once (the store: its rows) instead of the
 * Document's object graph. `module` is a path under dist/ whose default export
 * does it; extraction in the calling thread returns the Document as it is.
 */
export interface Finish {
  module: string;
}

export interface ExtractorOptions {
  /** Worker threads; 1 or fewer extracts in this thread. */
  threads: number;
  dictionaries?: string;
  finish?: Finish;
}

export function createExtractor<T = Document>(opts: ExtractorOptions): Extractor<T> {
  return opts.threads <= 1
    ? inProcess(opts.dictionaries)
    : threaded<T>(opts.threads, opts.dictionaries, opts.finish);
}

function inProcess<T = Document>(dictionaries: string | undefined): Extractor<T> {
  const pipelines = new Map<string, Pipeline>();
  // Loaded on first use: with threads, this thread never needs wink-nlp and its model (~40 MB).
  let loaded: Promise<typeof import("./default.js")> | undefined;
  const load = () => (loaded ??= import("./default.js"));
  const pipelineFor = async (fallbackDate: string | null) => {
    const { createPipeline } = await load();
    let p = pipelines.get(fallbackDate ?? "");
    if (!p) {
      p = createPipeline({ dictionaries, fallbackDate });
      pipelines.set(fallbackDate ?? "", p);
    }
    return p;
  };
  return {
    threads: 0,
    versions: async (fallbackDate) => (await pipelineFor(fallbackDate)).versions,
    extract: async (raw, fallbackDate) =>
      (await load()).processDocument(await pipelineFor(fallbackDate), raw),
    close: async () => {},
  };
}

/** A built module by its path under dist/: next to this file's folder in dist/, or dist/ when this runs from src/ (tests). */
function builtFile(path: string): string {
  const here = join(dirname(fileURLToPath(import.meta.url)), "..", path);
  const file = existsSync(here) ? here : join(packageRoot(), "dist", path);
  return pathToFileURL(file).href;
}

/**
 * Tasks queued in each thread: it goes on working while the main thread is busy committing a batch
 * (SQLite writes block the event loop that would hand out the next task). 16 left the threads idle
 * a fifth of the time on short news articles; 128 keeps them busy (95%) for ~0.3 MB of text each.
 */
const TASKS_PER_THREAD = 128;

function threaded<T>(threads: number, dictionaries: string | undefined, finish?: Finish): Extractor<T> {
  const pool = new Piscina<PoolTask, PoolReply>({
    filename: builtFile("pipeline/pool-worker.js"),
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: Number.POSITIVE_INFINITY,
    concurrentTasksPerWorker: TASKS_PER_THREAD,
    // V8 lets a thread's heap grow towards gigabytes before it collects in earnest, so memory would
    // climb with the corpus: a bound keeps each thread flat (~150 MB here) and leaves room for a
    // 20 MB document. A smaller young generation saves ~40 MB per thread at no measurable cost.
    resourceLimits: { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 512 },
    workerData: { dictionaries, finish: finish && builtFile(finish.module) },
  });
  let large: Extractor<T> | undefined;
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
        large ??= inProcess<T>(dictionaries);
        return large.extract(raw, fallbackDate);
      }
      if (!reply.ok) return fail(reply);
      const { doc } = reply as { doc: Document | T };
      // The thread sent no raw text back: the caller has it (and a finish's result gets it from the caller).
      if (!finish) (doc as Document).rawText = raw.rawText;
      return doc;
    },
    close: () => pool.destroy(),
  };
}
