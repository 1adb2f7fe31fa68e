/** `dyad worker`: take documents off the PostgreSQL queue, extract them and store them, until stopped. */
import { availableParallelism } from "node:os";
import { createExtractor } from "../pipeline/pool.js";
import { runWorker, type WorkerMode } from "../queue/worker.js";
import { type RunFigures, type Store, saveRun, startRun } from "../store/index.js";
import { type DbOptions, dyadVersion, parseCount, withStore } from "./db.js";
import { UsageError, warn, writeOut } from "./io.js";
import { Progress } from "./progress.js";
import { queueUrl, withQueue } from "./queue-common.js";
import { figuresJson, progressLine, summaryText } from "./summary.js";

export interface WorkerCommandOptions extends DbOptions {
  concurrency?: string;
  once?: boolean;
  drain?: boolean;
  batch?: string;
  dictionaries?: string;
  json?: boolean;
}

/** The run's figures are saved this often, so `dyad stats` follows a long-lived worker. */
const SAVE_EVERY_MS = 10_000;

/** Returns the exit code: 0 (also after SIGTERM), 1 when a --once/--drain run failed documents, 2 without PostgreSQL, 130 on Ctrl-C. */
export async function workerCommand(opts: WorkerCommandOptions): Promise<number> {
  if (opts.once && opts.drain) throw new UsageError("--once and --drain exclude each other");
  const concurrency = parseCount("--concurrency", opts.concurrency, availableParallelism());
  if (concurrency < 1) throw new UsageError("--concurrency takes 1 or more");
  const batch = parseCount("--batch", opts.batch, 50);
  if (batch < 1) throw new UsageError("--batch takes 1 or more documents per transaction");
  const mode: WorkerMode = opts.once ? "once" : opts.drain ? "drain" : "forever";
  const { url, label } = queueUrl("worker", opts.db);
  const extractor = createExtractor({ threads: concurrency, dictionaries: opts.dictionaries });
  try {
    // Broken dictionaries are refused before the queue is touched.
    const versions = await extractor.versions(null);
    return await withStore(opts, (store) =>
      withQueue(
        url,
        label,
        { supervise: true, onError: (err) => warn(`queue: ${err.message}`) },
        async (queue) => {
          const runId = await startRun(store, {
            command: "worker",
            dyadVersion: dyadVersion(),
            versions,
            options: { concurrency, mode, dictionaries: opts.dictionaries ?? null },
          });
          const signals = catchSignals();
          const progress = new Progress(process.stderr);
          const saver = periodicSave(store, runId);
          const startedAt = new Date();
          try {
            const figures = await runWorker(store, queue, {
              runId,
              extractorVersion: dyadVersion(),
              extractor,
              mode,
              batch,
              shouldStop: () => signals.stopped !== null,
              onDocument(report, now) {
                if (report.status === "failed")
                  progress.interrupt(() => warn(`${report.source}: ${report.problem}`));
                progress.update(() => progressLine("worker", now));
                saver.maybe(now);
              },
              onInvalid: (id, problem) => progress.interrupt(() => warn(`job ${id}: ${problem}`)),
              onAckError: (err) => progress.interrupt(() => warn(`queue: ${err.message}`)),
            });
            progress.done();
            await saver.flush();
            await saveRun(store, runId, figures, signals.stopped ? "interrupted" : "done");
            const finishedAt = new Date();
            await writeOut(
              opts.json
                ? `${JSON.stringify(summaryJson(label, runId, figures, startedAt, finishedAt, concurrency))}\n`
                : summaryText("worker stored", label, runId, figures),
            );
            if (signals.stopped === "SIGINT") return 130;
            return mode !== "forever" && figures.documentsFailed > 0 ? 1 : 0;
          } finally {
            signals.release();
          }
        },
      ),
    );
  } finally {
    await extractor.close();
  }
}

/** SIGINT or SIGTERM: finish the documents in hand, acknowledge them, stop. A second one stops at once. */
function catchSignals(): { readonly stopped: NodeJS.Signals | null; release(): void } {
  let stopped: NodeJS.Signals | null = null;
  const on = (signal: NodeJS.Signals) => {
    if (stopped) process.exit(signal === "SIGINT" ? 130 : 143);
    stopped = signal;
  };
  process.on("SIGINT", on);
  process.on("SIGTERM", on);
  return {
    get stopped() {
      return stopped;
    },
    release() {
      process.off("SIGINT", on);
      process.off("SIGTERM", on);
    },
  };
}

function periodicSave(store: Store, runId: number) {
  let last = Date.now();
  let saving: Promise<void> = Promise.resolve();
  return {
    maybe(figures: RunFigures) {
      if (Date.now() - last < SAVE_EVERY_MS) return;
      last = Date.now();
      const copy = { ...figures };
      saving = saving.then(() => saveRun(store, runId, copy, "running")).catch(() => {});
    },
    flush: () => saving,
  };
}

function summaryJson(
  label: string,
  runId: number,
  f: RunFigures,
  startedAt: Date,
  finishedAt: Date,
  concurrency: number,
) {
  return {
    run: runId,
    database: label,
    concurrency,
    ...figuresJson(f),
    started_at: startedAt.toISOString(),
    finished_at: finishedAt.toISOString(),
  };
}
