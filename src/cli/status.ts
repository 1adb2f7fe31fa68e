/** `dyad status`: the queue's jobs by state and the latest failures; `--retry-failed` puts failed jobs back. */
import { type QueueStatus, queueStatus, retryFailed } from "../queue/queue.js";
import { type DbOptions, parseCount, parseFormat } from "./db.js";
import { writeOut } from "./io.js";
import { queueUrl, withQueue } from "./queue-common.js";

export interface StatusCommandOptions extends DbOptions {
  format?: string;
  retryFailed?: boolean;
  limit?: string;
}

export async function statusCommand(opts: StatusCommandOptions): Promise<number> {
  const format = parseFormat(opts.format, ["text", "json"] as const, "text");
  const limit = parseCount("--limit", opts.limit, 10);
  const { url, label } = queueUrl("status", opts.db);
  return withQueue(url, label, {}, async (queue) => {
    const requeued = opts.retryFailed ? await retryFailed(queue) : null;
    const status = await queueStatus(queue, limit);
    if (format === "json") {
      await writeOut(
        `${JSON.stringify({ database: label, ...status, ...(requeued === null ? {} : { requeued }) })}\n`,
      );
    } else {
      if (requeued !== null) await writeOut(`re-queued ${requeued} failed jobs\n`);
      await writeOut(statusText(label, status));
    }
    return 0;
  });
}

function statusText(label: string, s: QueueStatus): string {
  const c = s.counts;
  const lines = [
    `queue ${s.queue} in ${label} (schema ${s.schema})`,
    `  queued ${c.created}, retry ${c.retry}, active ${c.active}, completed ${c.completed + c.archived}` +
      `${c.archived ? ` (${c.archived} archived)` : ""}, failed ${c.failed}, cancelled ${c.cancelled}`,
  ];
  if (s.failed.length) {
    lines.push(`latest failed jobs (dyad status --retry-failed puts them back on the queue):`);
    for (const f of s.failed)
      lines.push(
        `  ${f.id}  ${f.source ?? "?"}${f.document && f.document !== f.source ? ` [${f.document}]` : ""}  after ${f.retries} retries, ${f.failedAt ?? "?"}: ${f.error}`,
      );
  }
  return `${lines.join("\n")}\n`;
}
