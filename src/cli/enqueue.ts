/** `dyad enqueue`: read documents like ingest and put each on the PostgreSQL queue for `dyad worker`s. */
import { readInputs } from "../ingest/index.js";
import type { RawDocument } from "../model/document.js";
import { enqueueDocuments, QUEUE_NAME } from "../queue/queue.js";
import { checkDate, type DbOptions, withStore } from "./db.js";
import { catchInterrupt, parseMaxBytes, warn, writeOut } from "./io.js";
import { queueUrl, withQueue } from "./queue-common.js";

export interface EnqueueCommandOptions extends DbOptions {
  date?: string;
  maxBytes?: string;
  json?: boolean;
}

const MB = 1024 * 1024;
/** Jobs per insert, and raw text per insert: one statement stays modest. */
const CHUNK_JOBS = 200;
const CHUNK_BYTES = 8 * MB;

/** Returns the exit code: 0, 1 when any input failed to read, 2 without PostgreSQL or on a database problem. */
export async function enqueueCommand(paths: string[], opts: EnqueueCommandOptions): Promise<number> {
  checkDate("--date", opts.date);
  const maxBytes = parseMaxBytes(opts.maxBytes);
  const { url, label } = queueUrl("enqueue", opts.db);
  const inputs = paths.length ? paths : ["-"];
  const fallbackDate = opts.date ?? null;
  // The store first: its schema is then in place before any worker starts.
  return withStore(opts, async () =>
    withQueue(url, label, {}, async (queue) => {
      const interrupt = catchInterrupt();
      const started = performance.now();
      let queued = 0;
      let failed = 0;
      let bytes = 0;
      let chunk: { raw: RawDocument; fallbackDate: string | null }[] = [];
      let chunkBytes = 0;
      const send = async () => {
        await enqueueDocuments(queue, chunk);
        queued += chunk.length;
        chunk = [];
        chunkBytes = 0;
      };
      try {
        for await (const item of readInputs(inputs, { maxBytes, stdin: process.stdin })) {
          if ("problem" in item) {
            failed++;
            warn(`${item.source}: ${item.problem}`);
          } else {
            const size = Buffer.byteLength(item.rawText, "utf8");
            bytes += size;
            chunk.push({ raw: item, fallbackDate });
            chunkBytes += size;
            if (chunk.length >= CHUNK_JOBS || chunkBytes >= CHUNK_BYTES) await send();
          }
          if (interrupt.stopped) break;
        }
        if (chunk.length) await send();
      } finally {
        interrupt.release();
      }
      const seconds = (performance.now() - started) / 1000;
      if (opts.json) {
        await writeOut(
          `${JSON.stringify({ queue: QUEUE_NAME, database: label, queued, failed, bytes, seconds: Math.round(seconds * 1000) / 1000 })}\n`,
        );
      } else {
        await writeOut(
          `enqueued ${queued} documents (${(bytes / MB).toFixed(2)} MB) on ${QUEUE_NAME} in ${label}; ${failed} failed to read; ${seconds.toFixed(1)} s\n`,
        );
      }
      if (interrupt.stopped) return 130;
      return failed > 0 ? 1 : 0;
    }),
  );
}
