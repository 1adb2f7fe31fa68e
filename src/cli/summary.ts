/** The figures of an `ingest` or `worker` run, as a progress line, a closing sentence and JSON. */
import type { RunFigures } from "../store/index.js";

const MB = 1024 * 1024;

function documentCount(f: RunFigures): number {
  return f.documentsNew + f.documentsUnchanged + f.documentsChanged + f.documentsFailed;
}

function rate(f: RunFigures): number {
  return f.seconds > 0 ? f.bytes / MB / f.seconds : 0;
}

/** `ingest: 12 documents (…), 30 events, 1.2 MB, 0.40 MB/s`, headed by the command. */
export function progressLine(command: string, f: RunFigures): string {
  return (
    `${command}: ${documentCount(f)} documents (${f.documentsNew} new, ${f.documentsUnchanged} unchanged, ` +
    `${f.documentsChanged} changed, ${f.documentsFailed} failed), ${f.eventsAdded} events, ` +
    `${(f.bytes / MB).toFixed(1)} MB, ${rate(f).toFixed(2)} MB/s`
  );
}

/** `ingested 12 documents into db (run 3): …\n`, headed by `verb` ("ingested", "worker stored"). */
export function summaryText(verb: string, label: string, runId: number, f: RunFigures): string {
  return (
    `${verb} ${documentCount(f)} documents into ${label} (run ${runId}): ${f.documentsNew} new, ` +
    `${f.documentsUnchanged} unchanged, ${f.documentsChanged} changed, ${f.documentsFailed} failed; ` +
    `${f.eventsAdded} events added, ${f.eventsRemoved} removed; ` +
    `${f.seconds.toFixed(1)} s, ${(f.bytes / MB).toFixed(2)} MB, ${rate(f).toFixed(2)} MB/s\n`
  );
}

/** The figures' part of the `--json` summary: documents, events, bytes, seconds, mb_per_s. */
export function figuresJson(f: RunFigures) {
  return {
    documents: {
      new: f.documentsNew,
      unchanged: f.documentsUnchanged,
      changed: f.documentsChanged,
      failed: f.documentsFailed,
    },
    events: { added: f.eventsAdded, removed: f.eventsRemoved },
    bytes: f.bytes,
    seconds: Math.round(f.seconds * 1000) / 1000,
    mb_per_s: Math.round(rate(f) * 1000) / 1000,
  };
}
