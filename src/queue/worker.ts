/**
 * A queue worker: fetches document jobs, extracts them (in worker threads
 * when there are several), writes them through the same batch writer as
 * `dyad ingest` and acknowledges each job only once its document has
 * committed. A job whose document fails is failed with the reason (pg-boss
 * retries it with back-off); a worker that dies leaves its jobs active until
 * they expire, and another worker redoes them: the writer recognises a
 * document it already stored, so nothing is lost and nothing doubles.
 */
import type { RawDocument } from "../model/document.js";
import type { Extractor } from "../pipeline/pool.js";
import type { Store } from "../store/connection.js";
import { type DocumentReport, type Flush, ingestDocuments } from "../store/ingest.js";
import type { RunFigures } from "../store/runs.js";
import { parseJob, QUEUE_NAME, type Queue, queueIdle } from "./queue.js";

export type WorkerMode = "forever" | "once" | "drain";

export interface WorkerOptions {
  runId: number;
  extractorVersion: string;
  extractor: Extractor;
  /** forever: wait for work; once: stop when no job is available; drain: stop when no job is left anywhere. */
  mode: WorkerMode;
  /** Documents per transaction (default 50). */
  batch?: number;
  shouldStop(): boolean;
  onDocument?(report: DocumentReport, figures: RunFigures): void;
  /** A job that could not even be read (invalid data). */
  onInvalid?(jobId: string, problem: string): void;
  /** Acknowledging to pg-boss failed (the job will be redone after it expires: harmless). */
  onAckError?(err: Error): void;
}

const FLUSH: Flush = { flush: true };

export async function runWorker(store: Store, queue: Queue, opts: WorkerOptions): Promise<RunFigures> {
  const { boss } = queue;
  const threads = Math.max(1, opts.extractor.threads);
  const jobOf = new WeakMap<RawDocument, string>();
  const dateOf = new WeakMap<RawDocument, string | null>();
  let invalid = 0;

  // Acknowledgements: collected while a batch reports, sent in one statement.
  const completed: string[] = [];
  let acks: Promise<void> = Promise.resolve();
  const ackError = (err: unknown) => opts.onAckError?.(err as Error);
  const complete = (id: string) => {
    completed.push(id);
    if (completed.length > 1) return;
    acks = acks
      .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
      .then(() => boss.complete(QUEUE_NAME, completed.splice(0)))
      .then(() => {}, ackError);
  };
  const fail = (id: string, message: string) => {
    acks = acks.then(() => boss.fail(QUEUE_NAME, id, { message })).then(() => {}, ackError);
  };

  const sleep = async (seconds: number) => {
    const until = Date.now() + seconds * 1000;
    while (Date.now() < until && !opts.shouldStop()) await new Promise((r) => setTimeout(r, 100));
  };

  async function* jobs(): AsyncGenerator<RawDocument | Flush> {
    let held: { id: string }[] = [];
    try {
      while (!opts.shouldStop()) {
        // One round trip for several jobs; they are all in hand within a batch or two.
        const fetched = await boss.fetch<unknown>(QUEUE_NAME, { batchSize: Math.max(16, threads * 8) });
        if (fetched.length === 0) {
          yield FLUSH; // commit and acknowledge what is in hand before waiting
          await acks;
          if (opts.mode === "once") return;
          if (opts.mode === "drain" && (await queueIdle(queue))) return;
          await sleep(queue.settings.pollSeconds);
          continue;
        }
        held = [...fetched];
        for (const job of fetched) {
          held.shift();
          const data = parseJob(job.data);
          if ("problem" in data) {
            invalid++;
            opts.onInvalid?.(job.id, data.problem);
            fail(job.id, data.problem);
            continue;
          }
          jobOf.set(data.raw, job.id);
          dateOf.set(data.raw, data.fallbackDate);
          yield data.raw;
        }
      }
    } finally {
      // Stopped with jobs fetched but not started: hand them back at once rather than let them expire.
      if (held.length) {
        const ids = held.map((j) => j.id);
        await boss
          .cancel(QUEUE_NAME, ids)
          .then(() => boss.resume(QUEUE_NAME, ids))
          .catch(ackError);
      }
    }
  }

  const figures = await ingestDocuments(store, jobs(), {
    runId: opts.runId,
    extractor: opts.extractorVersion,
    extract: (raw) => opts.extractor.extract(raw, dateOf.get(raw) ?? null),
    fallbackDate: null,
    fallbackDateOf: (raw) => dateOf.get(raw) ?? null,
    // Jobs in hand stay few (each is acknowledged within a batch or two), yet enough to keep threads busy.
    concurrency: opts.extractor.threads ? threads * 8 : 1,
    batch: opts.batch ?? 50,
    isolateFailures: true,
    onDocument(report, now) {
      const id = report.raw ? jobOf.get(report.raw) : undefined;
      if (id !== undefined) {
        if (report.status === "failed") fail(id, report.problem);
        else complete(id);
      }
      opts.onDocument?.(report, now);
    },
    shouldStop: opts.shouldStop,
  });
  await acks;
  figures.documentsFailed += invalid;
  return figures;
}
