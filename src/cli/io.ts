/** Terminal plumbing shared by the commands: output with back-pressure, one-line errors. */
import { once } from "node:events";

export class UsageError extends Error {}

/** Write to stdout, waiting when the pipe is full so memory stays flat on large runs. */
export async function writeOut(text: string): Promise<void> {
  if (!process.stdout.write(text)) await once(process.stdout, "drain");
}

export function warn(message: string): void {
  process.stderr.write(`dyad: ${message}\n`);
}

/** `dyad extract ... | head` closes the pipe early: that is not an error. */
export function quietOnBrokenPipe(): void {
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(0);
    throw err;
  });
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) return false;
  const [y, m = 1, d = 1] = value.split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * Ctrl-C during a long write: the first finishes the document in hand so the run
 * is recorded; a second one kills at once. Call `release()` when done.
 */
export function catchInterrupt(): { readonly stopped: boolean; release(): void } {
  let stopped = false;
  const onSigint = () => {
    if (stopped) process.exit(130);
    stopped = true;
  };
  process.on("SIGINT", onSigint);
  return {
    get stopped() {
      return stopped;
    },
    release: () => process.off("SIGINT", onSigint),
  };
}

const MB = 1024 * 1024;

/** `--max-bytes`: a size such as 20MB or 500kb (default 20 MB). Kept here, away from the pipeline, so that commands that do not extract in this thread load no NLP. */
export function parseMaxBytes(value: string | undefined): number {
  if (value === undefined) return 20 * MB;
  const m = /^(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?$/i.exec(value.trim());
  if (!m) throw new UsageError(`--max-bytes takes a size such as 20MB or 500kb, not "${value}"`);
  const unit = (m[2] ?? "b").toLowerCase()[0];
  const factor = unit === "g" ? 1024 * MB : unit === "m" ? MB : unit === "k" ? 1024 : 1;
  return Math.round(Number(m[1]) * factor);
}
