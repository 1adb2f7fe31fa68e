/**
 * Rows written at the end of a transaction rather than document by document:
 * one multi-row insert per table for a whole batch of documents, and one pass
 * of story assignment over all their events in input order. With writer.ts
 * a batch costs about ten statements, whatever its number of documents.
 */
import type { Insertable, Transaction } from "kysely";
import type { Document } from "../model/document.js";
import { upsertActors } from "./actors.js";
import { beforeCommit, type Store } from "./connection.js";
import { actorRows, eventRow, mentionRows, sentenceRows, storyKey } from "./rows.js";
import type { ActorsTable, DB } from "./schema.js";
import { assignStories, refreshStories } from "./stories.js";

interface PendingEvents {
  doc: Document;
  records: Document["events"];
  documentId: number;
  runId: number;
  /** False once a later version of the same document replaced this one in the same batch. */
  live: boolean;
}

interface Pending {
  sentences: Insertable<DB["sentences"]>[];
  actors: Map<string, Insertable<ActorsTable>>;
  mentions: Insertable<DB["mentions"]>[];
  events: PendingEvents[];
  stories: number[];
}

const pendingOf = new WeakMap<Transaction<DB>, Pending>();

/** The buffer of `trx`; null when `trx` has no commit hook (then callers write at once). */
function pending(trx: Transaction<DB>, store: Store): Pending | null {
  let p = pendingOf.get(trx);
  if (p) return p;
  p = { sentences: [], actors: new Map(), mentions: [], events: [], stories: [] };
  const buffer = p;
  if (!beforeCommit(trx, () => flush(trx, store, buffer))) return null;
  pendingOf.set(trx, p);
  return p;
}

/** Sentences, actors and mentions of a stored document version. */
export async function queueDerived(trx: Transaction<DB>, store: Store, doc: Document, documentId: number) {
  const p = pending(trx, store) ?? emptyPending();
  // Loops, not push(...rows): a huge document would pass more arguments than a call takes.
  for (const row of sentenceRows(doc, documentId)) p.sentences.push(row);
  for (const a of actorRows(doc, new Date().toISOString())) p.actors.set(a.id, a);
  for (const row of mentionRows(doc, documentId)) p.mentions.push(row);
  if (!pendingOf.has(trx)) await flush(trx, store, p);
}

/** Events of a stored version, to be put into stories in the order they were queued. */
export async function queueEvents(
  trx: Transaction<DB>,
  store: Store,
  item: Omit<PendingEvents, "live"> & { live?: boolean },
) {
  const p = pending(trx, store) ?? emptyPending();
  p.events.push({ ...item, live: item.live ?? true });
  if (!pendingOf.has(trx)) await flush(trx, store, p);
}

/** Stories that lost or changed events: recounted at commit. */
export async function queueStoryRefresh(trx: Transaction<DB>, store: Store, storyIds: number[]) {
  const p = pending(trx, store) ?? emptyPending();
  for (const id of storyIds) p.stories.push(id);
  if (!pendingOf.has(trx)) await flush(trx, store, p);
}

/** A version stops being current: its events still waiting in this batch are stored as not live. */
export function supersedePending(trx: Transaction<DB>, documentId: number): number {
  let n = 0;
  for (const e of pendingOf.get(trx)?.events ?? []) {
    if (e.documentId === documentId && e.live) {
      e.live = false;
      n += e.records.length;
    }
  }
  return n;
}

function emptyPending(): Pending {
  return { sentences: [], actors: new Map(), mentions: [], events: [], stories: [] };
}

async function flush(trx: Transaction<DB>, store: Store, p: Pending): Promise<void> {
  const { sentences, actors, mentions, events, stories } = p;
  Object.assign(p, emptyPending());
  await insertChunked(trx, store, "sentences", sentences);
  // Actors first: mentions refer to them.
  await upsertActors(trx, store, [...actors.values()]);
  await insertChunked(trx, store, "mentions", mentions);
  const keys = events.flatMap((e) => e.records.map((r) => storyKey(r, e.doc.published)));
  const storyIds = await assignStories(trx, keys);
  let k = 0;
  const rows = events.flatMap((e) =>
    e.records.map((r) =>
      eventRow(r, e.doc, { documentId: e.documentId, storyId: storyIds[k++], runId: e.runId, live: e.live }),
    ),
  );
  await insertChunked(trx, store, "events", rows);
  await refreshStories(trx, [...stories, ...storyIds]);
}

type InsertTable = "sentences" | "mentions" | "events";

/** Multi-row inserts, cut to stay under the backend's bind-parameter limit. */
async function insertChunked<T extends InsertTable>(
  trx: Transaction<DB>,
  store: Store,
  table: T,
  rows: Insertable<DB[T]>[],
): Promise<void> {
  if (rows.length === 0) return;
  const per = Math.max(1, Math.floor(store.dialect.maxParams / Object.keys(rows[0]).length));
  for (let i = 0; i < rows.length; i += per) {
    // The union of three tables defeats Kysely's inference; the signature above keeps callers typed.
    const chunk = rows.slice(i, i + per) as Insertable<DB[InsertTable]>[] as never;
    await trx.insertInto(table).values(chunk).execute();
  }
}
