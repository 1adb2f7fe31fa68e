/** `dyad reprocess`: extract again from the stored text (after dictionaries or patterns changed) and say what changed. */

import { createPipeline, processDocument } from "../pipeline/default.js";
import type { Pipeline } from "../pipeline/stage.js";
import { type ReprocessReport, reprocessDocuments, saveRun, startRun } from "../store/index.js";
import { checkDate, type DbOptions, dyadVersion, withStore } from "./db.js";
import { catchInterrupt, warn, writeOut } from "./io.js";
import { Progress } from "./progress.js";

export interface ReprocessCommandOptions extends DbOptions {
  since?: string;
  dictionaries?: string;
  json?: boolean;
}

export async function reprocessCommand(opts: ReprocessCommandOptions): Promise<number> {
  const since = checkDate("--since", opts.since);
  return withStore(
    opts,
    async (store) => {
      // One pipeline per --date the documents were ingested with; the dictionaries load once.
      const pipelines = new Map<string | null, Pipeline>();
      const pipelineFor = (date: string | null) => {
        let p = pipelines.get(date);
        if (!p) {
          p = createPipeline({ dictionaries: opts.dictionaries, fallbackDate: date });
          pipelines.set(date, p);
        }
        return p;
      };
      const versions = pipelineFor(null).versions;
      const runId = await startRun(store, {
        command: "reprocess",
        dyadVersion: dyadVersion(),
        versions,
        options: { since: since ?? null, dictionaries: opts.dictionaries ?? null },
      });
      const interrupt = catchInterrupt();
      const progress = new Progress(process.stderr);
      const changes: ReprocessReport[] = [];
      const started = performance.now();
      let seen = 0;
      try {
        const totals = await reprocessDocuments(store, {
          runId,
          extractor: dyadVersion(),
          since: since ?? null,
          extract: (raw, date) => processDocument(pipelineFor(date), raw),
          onDocument(report) {
            seen++;
            if (report.problem) progress.interrupt(() => warn(`${report.source}: ${report.problem}`));
            else if (report.added || report.removed) changes.push(report);
            progress.update(() => `reprocess: ${seen} documents, ${changes.length} changed`);
          },
          shouldStop: () => interrupt.stopped,
        });
        progress.done();
        const seconds = (performance.now() - started) / 1000;
        await saveRun(
          store,
          runId,
          {
            documentsNew: 0,
            documentsUnchanged: totals.documents - totals.changed - totals.failed,
            documentsChanged: totals.changed,
            documentsFailed: totals.failed,
            eventsAdded: totals.added,
            eventsRemoved: totals.removed,
            bytes: totals.bytes,
            seconds,
          },
          interrupt.stopped ? "interrupted" : "done",
        );
        if (opts.json) {
          const summary = {
            run: runId,
            documents: totals.documents,
            changed: totals.changed,
            failed: totals.failed,
            events: { added: totals.added, removed: totals.removed },
            seconds: Math.round(seconds * 1000) / 1000,
            changes: changes.map((c) => ({
              document: c.documentId,
              doc_id: c.docId,
              source: c.source,
              added: c.added,
              removed: c.removed,
            })),
          };
          await writeOut(`${JSON.stringify(summary)}\n`);
        } else {
          for (const c of changes) await writeOut(`${c.source}: +${c.added} -${c.removed} events\n`);
          await writeOut(
            `reprocessed ${totals.documents} documents in ${store.label} (run ${runId}): ${totals.changed} changed, ` +
              `${totals.failed} failed; ${totals.added} events added, ${totals.removed} removed; ${seconds.toFixed(1)} s\n`,
          );
        }
        if (interrupt.stopped) return 130;
        return totals.failed > 0 ? 1 : 0;
      } finally {
        interrupt.release();
      }
    },
    { mustExist: true },
  );
}
