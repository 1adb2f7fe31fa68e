/**
 * Rows written at the end of a transaction rather than document by document:
 * the rows of a whole batch of documents inserted together, and one pass of
 * story assignment over all their events in input order. On SQLite the rows
 * go through statements prepared once (sqlite-rows.ts); on PostgreSQL through
 * Kysely, one multi-row insert per table and chunk. With writer.ts a batch
 * costs a few statements besides the inserts, whatever its number of documents.
 */
import type { Insertable, Transaction } from "kysely";
import type { Document } from "../model/document.js";
import type { EventRecord } from "../model/event.js";
import { upsertActors } from "./actors.js";
import { afterCommit, beforeCommit, type Store } from "./connection.js";
import {
  ACTOR_VALUES,
  type DocumentRows,
  documentRows,
  EVENT_VALUES,
  eventValues,
  isDocumentRows,
  MENTION_VALUES,
  rowObject,
  SENTENCE_VALUES,
  storyKeyAt,
  type Value,
} from "./doc-rows.js";
import type { ActorsTable, DB } from "./schema.js";
import { insertRows } from "./sqlite-rows.js";
import { assignStories, refreshStories } from "./stories.js";

const SENTENCE_COLUMNS = ["document_id", "idx", "start", "end", "language", "text"] as const;
const MENTION_COLUMNS = ["document_id", ...MENTION_VALUES] as const;
const ACTOR_COLUMNS = [...ACTOR_VALUES, "first_seen"] as const;
const EVENT_COLUMNS = ["document_id", ...EVENT_VALUES, "story_id", "live", "run_id"] as const;

interface PendingDerived {
  documentId: number;
  text: string;
  sentences: Value[];
  mentions: Value[];
}

interface PendingEvents {
  /** EVENT_VALUES, flat. */
  values: Value[];
  count: number;
  documentId: number;
  runId: number;
  /** False once a later version of the same document replaced this one in the same batch. */
  live: boolean;
}

interface Pending {
  derived: PendingDerived[];
  /** Actor id -> ACTOR_VALUES; the last identity in the batch wins. */
  actors: Map<string, Value[]>;
  events: PendingEvents[];
  stories: number[];
}

const pendingOf = new WeakMap<Transaction<DB>, Pending>();

/** The buffer of `trx`; null when `trx` has no commit hook (then callers write at once). */
function pending(trx: Transaction<DB>, store: Store): Pending | null {
  let p = pendingOf.get(trx);
  if (p) return p;
  p = emptyPending();
  const buffer = p;
  if (!beforeCommit(trx, () => flush(trx, store, buffer))) return null;
  pendingOf.set(trx, p);
  return p;
}

/** Sentences, actors and mentions of a stored document version. */
export async function queueDerived(
  trx: Transaction<DB>,
  store: Store,
  doc: Document | DocumentRows,
  documentId: number,
) {
  const p = pending(trx, store) ?? emptyPending();
  const rows = isDocumentRows(doc) ? doc : documentRows(doc);
  p.derived.push({ documentId, text: rows.fields.text, sentences: rows.sentences, mentions: rows.mentions });
  const width = ACTOR_VALUES.length;
  for (let i = 0; i < rows.actors.length; i += width)
    p.actors.set(rows.actors[i] as string, rows.actors.slice(i, i + width));
  if (!pendingOf.has(trx)) await flush(trx, store, p);
}

type QueuedEvents = ({ doc: Document; records: readonly EventRecord[] } | { values: Value[] }) & {
  documentId: number;
  runId: number;
  live?: boolean;
};

/** Events of a stored version (records, or their EVENT_VALUES), put into stories in the order they were queued. */
export async function queueEvents(trx: Transaction<DB>, store: Store, item: QueuedEvents) {
  const p = pending(trx, store) ?? emptyPending();
  const values = "values" in item ? item.values : eventValues(item.records, item.doc.published);
  p.events.push({
    values,
    count: values.length / EVENT_VALUES.length,
    documentId: item.documentId,
    runId: item.runId,
    live: item.live ?? true,
  });
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
      n += e.count;
    }
  }
  return n;
}

function emptyPending(): Pending {
  return { derived: [], actors: new Map(), events: [], stories: [] };
}

async function flush(trx: Transaction<DB>, store: Store, p: Pending): Promise<void> {
  const { derived, actors, events, stories } = p;
  Object.assign(p, emptyPending());
  const now = new Date().toISOString();
  // Loops, not push(...rows): a huge document would pass more arguments than a call takes.
  const sentences: Value[] = [];
  const mentions: Value[] = [];
  for (const d of derived) {
    const s = d.sentences;
    for (let i = 0, idx = 0; i < s.length; i += SENTENCE_VALUES.length, idx++) {
      const start = s[i] as number;
      const end = s[i + 1] as number;
      sentences.push(d.documentId, idx, start, end, s[i + 2], d.text.slice(start, end));
    }
    const m = d.mentions;
    for (let i = 0; i < m.length; i += MENTION_VALUES.length) {
      mentions.push(d.documentId);
      for (let k = 0; k < MENTION_VALUES.length; k++) mentions.push(m[i + k]);
    }
  }
  await insert(trx, store, "sentences", SENTENCE_COLUMNS, sentences);
  // Actors first: mentions refer to them.
  await writeActors(trx, store, [...actors.values()], now);
  await insert(trx, store, "mentions", MENTION_COLUMNS, mentions);
  const keys = events.flatMap((e) => Array.from({ length: e.count }, (_, k) => storyKeyAt(e.values, k)));
  const storyIds = await assignStories(trx, keys);
  const rows: Value[] = [];
  let n = 0;
  for (const e of events) {
    for (let k = 0; k < e.count; k++) {
      rows.push(e.documentId);
      const at = k * EVENT_VALUES.length;
      for (let c = 0; c < EVENT_VALUES.length; c++) rows.push(e.values[at + c]);
      rows.push(storyIds[n++], e.live ? 1 : 0, e.runId);
    }
  }
  await insert(trx, store, "events", EVENT_COLUMNS, rows);
  await refreshStories(trx, [...stories, ...storyIds]);
}

type InsertTable = "sentences" | "mentions" | "events";

/** Flat rows into `table`: prepared statements on SQLite; on PostgreSQL multi-row inserts under the bind-parameter limit. */
async function insert<T extends InsertTable>(
  trx: Transaction<DB>,
  store: Store,
  table: T,
  columns: readonly string[],
  values: Value[],
): Promise<void> {
  if (values.length === 0) return;
  if (store.sqlite) return insertRows(store.sqlite, table, columns, values);
  const width = columns.length;
  const per = Math.max(1, Math.floor(store.dialect.maxParams / width));
  for (let i = 0; i < values.length / width; i += per) {
    const chunk: Record<string, Value>[] = [];
    for (let k = i; k < Math.min(i + per, values.length / width); k++)
      chunk.push(rowObject(columns, values, k));
    // The union of three tables defeats Kysely's inference; the columns above keep the rows right.
    await trx
      .insertInto(table)
      .values(chunk as never)
      .execute();
  }
}

/** Actor id -> identity, as stored by a committed transaction of this process (SQLite path). */
const written = new WeakMap<Store, Map<string, string>>();
/** Past this many actors the memory is cleared: it only saves rewriting unchanged rows. */
const WRITTEN_LIMIT = 100_000;

const IDENTITY_CHANGED = ACTOR_VALUES.slice(1)
  .map((c) => `"actors"."${c}" is distinct from "excluded"."${c}"`)
  .join(" or ");
const ACTOR_UPSERT = ` on conflict ("id") do update set ${ACTOR_VALUES.slice(1)
  .map((c) => `"${c}" = "excluded"."${c}"`)
  .join(", ")} where ${IDENTITY_CHANGED}`;

/** Inserts new actors; updates the identity of known ones where it changed (first_seen stays). */
async function writeActors(trx: Transaction<DB>, store: Store, actors: Value[][], now: string) {
  if (!store.sqlite) {
    const rows = actors.map((a) => rowObject(ACTOR_COLUMNS, [...a, now], 0) as Insertable<ActorsTable>);
    return upsertActors(trx, store, rows);
  }
  let known = written.get(store);
  if (!known) {
    known = new Map();
    written.set(store, known);
  }
  const cache = known;
  const identity = (a: Value[]) => JSON.stringify(a.slice(1));
  const values: Value[] = [];
  const todo: Value[][] = [];
  for (const a of actors) {
    if (cache.get(a[0] as string) === identity(a)) continue;
    todo.push(a);
    for (const x of a) values.push(x);
    values.push(now);
  }
  insertRows(store.sqlite, "actors", ACTOR_COLUMNS, values, ACTOR_UPSERT);
  afterCommit(trx, () => {
    if (cache.size + todo.length > WRITTEN_LIMIT) cache.clear();
    for (const a of todo) cache.set(a[0] as string, identity(a));
  });
}
