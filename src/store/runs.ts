/** Runs: one row per ingest or reprocess, with its figures; the provenance every record points to. */
import type { Store } from "./connection.js";
import { writeTransaction } from "./connection.js";
import type { RunInfo, RunStatus } from "./query/types.js";

export type { RunInfo, RunStatus } from "./query/types.js";

export interface RunFigures {
  documentsNew: number;
  documentsUnchanged: number;
  documentsChanged: number;
  documentsFailed: number;
  eventsAdded: number;
  eventsRemoved: number;
  bytes: number;
  seconds: number;
}

export function emptyFigures(): RunFigures {
  return {
    documentsNew: 0,
    documentsUnchanged: 0,
    documentsChanged: 0,
    documentsFailed: 0,
    eventsAdded: 0,
    eventsRemoved: 0,
    bytes: 0,
    seconds: 0,
  };
}

export async function startRun(
  store: Store,
  run: { command: string; dyadVersion: string; versions: Record<string, string>; options: object },
): Promise<number> {
  const row = await writeTransaction(store, (trx) =>
    trx
      .insertInto("runs")
      .values({
        command: run.command,
        started_at: new Date().toISOString(),
        status: "running",
        dyad_version: run.dyadVersion,
        versions: JSON.stringify(run.versions),
        options: JSON.stringify(run.options),
      })
      .returning("id")
      .executeTakeFirstOrThrow(),
  );
  return row.id;
}

/** Records the figures so far; `status` "running" leaves the run open. */
export async function saveRun(
  store: Store,
  id: number,
  figures: RunFigures,
  status: RunStatus,
): Promise<void> {
  await writeTransaction(store, (trx) =>
    trx
      .updateTable("runs")
      .set({
        status,
        finished_at: status === "running" ? null : new Date().toISOString(),
        documents_new: figures.documentsNew,
        documents_unchanged: figures.documentsUnchanged,
        documents_changed: figures.documentsChanged,
        documents_failed: figures.documentsFailed,
        events_added: figures.eventsAdded,
        events_removed: figures.eventsRemoved,
        bytes: figures.bytes,
        seconds: Math.round(figures.seconds * 1000) / 1000,
      })
      .where("id", "=", id)
      .execute(),
  );
}

/** Runs, newest first. A run still "running" with no process behind it died (kill -9, crash). */
export async function listRuns(store: Store, limit = 20): Promise<RunInfo[]> {
  const rows = await store.db.selectFrom("runs").selectAll().orderBy("id", "desc").limit(limit).execute();
  return rows.map((r) => ({
    id: r.id,
    command: r.command,
    status: r.status === "running" ? "unfinished" : (r.status as RunStatus),
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    dyadVersion: r.dyad_version,
    documents: {
      new: r.documents_new,
      unchanged: r.documents_unchanged,
      changed: r.documents_changed,
      failed: r.documents_failed,
    },
    events: { added: r.events_added, removed: r.events_removed },
    bytes: Number(r.bytes),
    seconds: Number(r.seconds),
  }));
}
