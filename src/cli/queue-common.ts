/** What the queue commands (enqueue, worker, status) share: PostgreSQL only, one-line failures. */

import { type OpenQueueOptions, openQueue, type Queue, QueueError } from "../queue/queue.js";
import { isDatabaseError, resolveTarget, toStoreError } from "../store/index.js";
import { UsageError, warn } from "./io.js";

/** The PostgreSQL URL the queue lives in; anything else is a usage error (exit 2). */
export function queueUrl(command: string, db?: string): { url: string; label: string } {
  const target = resolveTarget({ db });
  if (target.kind !== "postgres")
    throw new UsageError(
      `dyad ${command} needs PostgreSQL: set DYAD_DATABASE_URL=postgres://USER:PASSWORD@HOST:PORT/DATABASE (the queue lives in the database that every worker reaches)`,
    );
  return { url: target.url, label: target.label };
}

/** Opens the queue, runs `fn`, stops pg-boss; queue and database failures become one line and exit 2. */
export async function withQueue(
  url: string,
  label: string,
  opts: OpenQueueOptions,
  fn: (queue: Queue) => Promise<number>,
): Promise<number> {
  let queue: Queue | undefined;
  try {
    queue = await openQueue(url, opts);
    return await fn(queue);
  } catch (err) {
    if (err instanceof QueueError) {
      warn(err.message);
      return 2;
    }
    if (isDatabaseError(err)) {
      warn(`queue: ${toStoreError(err, label).message}`);
      return 2;
    }
    throw err;
  } finally {
    await queue?.close().catch(() => {});
  }
}
