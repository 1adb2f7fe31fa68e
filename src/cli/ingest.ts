/** `dyad ingest`: read articles, extract, and store documents, sentences, actors, events and stories. */
import { availableParallelism } from "node:os";
import { readInputs } from "../ingest/index.js";
import { createExtractor, type Extractor } from "../pipeline/pool.js";
import type { DocumentRows } from "../store/doc-rows.js";
import { ingestDocuments, type RunFigures, type Store, saveRun, startRun } from "../store/index.js";
import { checkDate, type DbOptions, dyadVersion, parseCount, withStore } from "./db.js";
import { catchInterrupt, parseMaxBytes, UsageError, warn, writeOut } from "./io.js";
import { Progress } from "./progress.js";
import { figuresJson, progressLine, summaryText } from "./summary.js";

export interface IngestCommandOptions extends DbOptions {
  date?: string;
  maxBytes?: string;
  dictionaries?: string;
  json?: boolean;
  batch?: string;
  workers?: string;
}

/** Returns the exit code: 0, 1 when any input failed, 2 on a database problem, 130 on Ctrl-C. */
export async function ingestCommand(paths: string[], opts: IngestCommandOptions): Promise<number> {
  checkDate("--date", opts.date);
  const maxBytes = parseMaxBytes(opts.maxBytes);
  const batch = parseCount("--batch", opts.batch, 200);
  if (batch < 1) throw new UsageError("--batch takes 1 or more documents per transaction");
  const workers = parseCount("--workers", opts.workers, availableParallelism());
  if (workers < 1) throw new UsageError("--workers takes 1 or more (1: extract in this process)");
  const inputs = paths.length ? paths : ["-"];
  const fallbackDate = opts.date ?? null;
  // Threads send back the rows to write (store/doc-rows.ts), built there: this thread only writes.
  const extractor = createExtractor<DocumentRows>({
    threads: workers,
    dictionaries: opts.dictionaries,
    finish: { module: "store/doc-rows.js" },
  });
  try {
    // Broken dictionaries are refused before the database is touched.
    const versions = await extractor.versions(fallbackDate);
    return await ingestWith(inputs, opts, { maxBytes, batch, fallbackDate, versions, workers, extractor });
  } finally {
    await extractor.close();
  }
}

async function ingestWith(
  inputs: string[],
  opts: IngestCommandOptions,
  run: {
    maxBytes: number;
    batch: number;
    fallbackDate: string | null;
    versions: Record<string, string>;
    workers: number;
    extractor: Extractor<DocumentRows>;
  },
): Promise<number> {
  const { maxBytes, batch, fallbackDate, extractor } = run;
  return withStore(opts, async (store) => {
    const runId = await startRun(store, {
      command: "ingest",
      dyadVersion: dyadVersion(),
      versions: run.versions,
      options: { paths: inputs, date: opts.date ?? null, dictionaries: opts.dictionaries ?? null },
    });
    const interrupt = catchInterrupt();
    const progress = new Progress(process.stderr);
    try {
      const figures = await ingestDocuments(store, readInputs(inputs, { maxBytes, stdin: process.stdin }), {
        runId,
        extractor: dyadVersion(),
        extract: (raw) => extractor.extract(raw, fallbackDate),
        fallbackDate,
        // Enough documents in flight to fill each thread's queue (pool.ts) and some finished ones besides.
        concurrency: extractor.threads ? extractor.threads * 160 : 1,
        batch,
        onDocument(report, now) {
          if (report.status === "failed")
            progress.interrupt(() => warn(`${report.source}: ${report.problem}`));
          progress.update(() => progressLine("ingest", now));
        },
        shouldStop: () => interrupt.stopped,
      });
      progress.done();
      await saveRun(store, runId, figures, interrupt.stopped ? "interrupted" : "done");
      await writeOut(
        opts.json
          ? `${JSON.stringify(summaryJson(store, runId, figures))}\n`
          : summaryText("ingested", store.label, runId, figures),
      );
      if (interrupt.stopped) return 130;
      return figures.documentsFailed > 0 ? 1 : 0;
    } finally {
      interrupt.release();
    }
  });
}

function summaryJson(store: Store, runId: number, f: RunFigures) {
  return { run: runId, database: store.label, ...figuresJson(f) };
}
