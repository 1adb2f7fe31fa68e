/**
 * The document queue: pg-boss in its own schema (`dyad_queue`) of the
 * PostgreSQL database that holds the store, so every machine that reaches the
 * database can enqueue or work, with no shared disk. One job is one document:
 * its raw text and what the reader knew, never a path.
 *
 * Delivery is at least once (a job whose worker dies expires and is retried);
 * the writer is idempotent and writes each document whole, so results are
 * exactly once.
 */
import PgBoss from "pg-boss";
import { z } from "zod";
import type { RawDocument } from "../model/document.js";

export const QUEUE_NAME = "dyad-documents";

export interface QueueSettings {
  schema: string;
  /** Retries after the first failure (pg-boss retryLimit). */
  retryLimit: number;
  /** Seconds before the first retry; doubles with each one (retryBackoff). */
  retryDelay: number;
  /** An active job older than this is taken for dead (its worker crashed) and retried. */
  expireInSeconds: number;
  /** How often a worker looks for expired jobs and archives old ones. */
  maintenanceSeconds: number;
  /** How long an idle worker waits before asking for jobs again. */
  pollSeconds: number;
}

function envNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const v = env[name]?.trim();
  if (!v) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n < min)
    throw new QueueError(`${name} takes a number of at least ${min}, not "${v}"`);
  return n;
}

/** Defaults, overridden by DYAD_QUEUE_* variables (tests use short expiries). */
export function queueSettings(env: NodeJS.ProcessEnv = process.env): QueueSettings {
  const schema = env.DYAD_QUEUE_SCHEMA?.trim() || "dyad_queue";
  if (!/^[a-z_][a-z0-9_]{0,49}$/i.test(schema))
    throw new QueueError(`DYAD_QUEUE_SCHEMA must be a plain identifier, not "${schema}"`);
  return {
    schema,
    retryLimit: Math.floor(envNumber(env, "DYAD_QUEUE_RETRY_LIMIT", 3, 0)),
    retryDelay: Math.floor(envNumber(env, "DYAD_QUEUE_RETRY_DELAY", 10, 0)),
    expireInSeconds: Math.floor(envNumber(env, "DYAD_QUEUE_EXPIRE_SECONDS", 900, 1)),
    maintenanceSeconds: Math.floor(envNumber(env, "DYAD_QUEUE_MAINTENANCE_SECONDS", 30, 1)),
    pollSeconds: envNumber(env, "DYAD_QUEUE_POLL_SECONDS", 1, 0.5),
  };
}

export class QueueError extends Error {}

/** What a job carries: one document as the reader made it, and the `--date` given to enqueue. */
export interface JobData {
  v: 1;
  raw: RawDocument;
  fallbackDate: string | null;
}

const rawSchema = z.object({
  id: z.string().min(1),
  source: z.string(),
  rawText: z.string(),
  title: z.string().nullable(),
  published: z.string().nullable(),
  publishedSource: z.enum(["metadata", "jsonl", "dateline", "cli"]).nullable(),
  url: z.string().nullable().optional(),
  author: z.string().nullable().optional(),
  format: z.enum(["text", "html", "jsonl"]),
  encoding: z.string().optional(),
});

const jobSchema = z.object({ v: z.literal(1), raw: rawSchema, fallbackDate: z.string().nullable() });

/** A job's data checked: the document, or why the job cannot be processed. */
export function parseJob(data: unknown): JobData | { problem: string } {
  const r = jobSchema.safeParse(data);
  if (r.success) return r.data as JobData;
  const issue = r.error.issues[0];
  return { problem: `invalid job: ${issue.path.join(".") || "data"}: ${issue.message}` };
}

export interface Queue {
  readonly boss: PgBoss;
  readonly settings: QueueSettings;
  /** The pg-boss connection pool, for the queries pg-boss has no call for. */
  sql<T>(text: string, values?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export interface OpenQueueOptions {
  /** Workers look after expired jobs and archiving; enqueue and status need not. */
  supervise?: boolean;
  env?: NodeJS.ProcessEnv;
  /** Connections in pg-boss's own pool (default 2). */
  connections?: number;
  /** Problems pg-boss meets in the background (maintenance); the default ignores them. */
  onError?(err: Error): void;
}

/** Starts pg-boss on `url` (creating its schema and the queue on first use). */
export async function openQueue(url: string, opts: OpenQueueOptions = {}): Promise<Queue> {
  const settings = queueSettings(opts.env);
  const boss = new PgBoss({
    connectionString: url,
    schema: settings.schema,
    max: opts.connections ?? 2,
    application_name: "dyad-queue",
    supervise: opts.supervise ?? false,
    schedule: false,
    migrate: true,
    maintenanceIntervalSeconds: settings.maintenanceSeconds,
    pollingIntervalSeconds: settings.pollSeconds,
  });
  // pg-boss reports background problems as events; without a listener they would crash the process.
  boss.on("error", (err) => opts.onError?.(err));
  await boss.start();
  try {
    await boss.createQueue(QUEUE_NAME, {
      name: QUEUE_NAME,
      retryLimit: settings.retryLimit,
      retryDelay: settings.retryDelay,
      retryBackoff: true,
      expireInSeconds: settings.expireInSeconds,
    });
  } catch (err) {
    // Two processes creating it at once: one wins, and the queue is there.
    if (!(await boss.getQueue(QUEUE_NAME))) throw err;
  }
  return {
    boss,
    settings,
    async sql<T>(text: string, values: unknown[] = []) {
      const r = await boss.getDb().executeSql(text, values);
      return r.rows as T[];
    },
    close: () => boss.stop({ graceful: false, close: true, wait: true, timeout: 1000 }),
  };
}

/** Per-job options: retries with back-off, and the expiry after which a silent worker counts as dead. */
export function jobOptions(settings: QueueSettings) {
  return {
    retryLimit: settings.retryLimit,
    retryDelay: settings.retryDelay,
    retryBackoff: true,
    expireInSeconds: settings.expireInSeconds,
  };
}

/** Puts documents on the queue, one job each, in one statement. */
export async function enqueueDocuments(
  queue: Queue,
  docs: { raw: RawDocument; fallbackDate: string | null }[],
): Promise<void> {
  if (docs.length === 0) return;
  const options = jobOptions(queue.settings);
  await queue.boss.insert(
    docs.map((d) => ({
      name: QUEUE_NAME,
      data: { v: 1, raw: d.raw, fallbackDate: d.fallbackDate } satisfies JobData,
      ...options,
    })),
  );
}

export const JOB_STATES = ["created", "retry", "active", "completed", "cancelled", "failed"] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface FailedJob {
  id: string;
  source: string | null;
  document: string | null;
  retries: number;
  failedAt: string | null;
  error: string;
}

export interface QueueStatus {
  queue: string;
  schema: string;
  counts: Record<JobState, number> & { archived: number };
  failed: FailedJob[];
}

/** Counts by state (and completed jobs already archived), and the latest failed jobs with their errors. */
export async function queueStatus(queue: Queue, limit = 10): Promise<QueueStatus> {
  const s = queue.settings.schema;
  const counts = Object.fromEntries(JOB_STATES.map((k) => [k, 0])) as QueueStatus["counts"];
  const rows = await queue.sql<{ state: JobState; n: string }>(
    `select state, count(*) as n from ${s}.job where name = $1 group by state`,
    [QUEUE_NAME],
  );
  for (const r of rows) counts[r.state] = Number(r.n);
  const archived = await queue.sql<{ n: string }>(
    `select count(*) as n from ${s}.archive where name = $1 and state = 'completed'`,
    [QUEUE_NAME],
  );
  counts.archived = Number(archived[0]?.n ?? 0);
  const failed = await queue.sql<{
    id: string;
    source: string | null;
    document: string | null;
    retry_count: number;
    completed_on: Date | null;
    output: unknown;
  }>(
    `select id, data->'raw'->>'source' as source, data->'raw'->>'id' as document, retry_count, completed_on, output
       from ${s}.job where name = $1 and state = 'failed' order by completed_on desc nulls last, id limit $2`,
    [QUEUE_NAME, limit],
  );
  return {
    queue: QUEUE_NAME,
    schema: s,
    counts,
    failed: failed.map((r) => ({
      id: r.id,
      source: r.source,
      document: r.document,
      retries: r.retry_count,
      failedAt: r.completed_on ? new Date(r.completed_on).toISOString() : null,
      error: errorMessage(r.output),
    })),
  };
}

/** pg-boss stores a thrown error, or what `fail` was given, as JSON. */
function errorMessage(output: unknown): string {
  if (output && typeof output === "object") {
    const o = output as { message?: unknown; value?: { message?: unknown } };
    if (typeof o.message === "string") return o.message;
    if (o.value && typeof o.value.message === "string") return o.value.message;
  }
  return output === null || output === undefined ? "(no message)" : JSON.stringify(output);
}

/** Failed jobs go back on the queue (each gets one more try); returns how many. */
export async function retryFailed(queue: Queue): Promise<number> {
  const rows = await queue.sql<{ id: string }>(
    `select id from ${queue.settings.schema}.job where name = $1 and state = 'failed'`,
    [QUEUE_NAME],
  );
  const ids = rows.map((r) => r.id);
  for (let i = 0; i < ids.length; i += 1000) await queue.boss.retry(QUEUE_NAME, ids.slice(i, i + 1000));
  return ids.length;
}

/** True when no job is waiting, waiting to retry, or being worked on anywhere. */
export async function queueIdle(queue: Queue): Promise<boolean> {
  const rows = await queue.sql<{ n: string }>(
    `select count(*) as n from ${queue.settings.schema}.job where name = $1 and state in ('created', 'retry', 'active')`,
    [QUEUE_NAME],
  );
  return Number(rows[0]?.n ?? 0) === 0;
}
