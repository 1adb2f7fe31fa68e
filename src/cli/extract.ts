/** `dyad extract`: read articles, run the pipeline, print one JSON object per document. */
import { readInputs } from "../ingest/index.js";
import { createPipeline, processDocument } from "../pipeline/default.js";
import { toOutput } from "../pipeline/output.js";
import { formatExplain } from "./explain.js";
import { isIsoDate, parseMaxBytes, UsageError, warn, writeOut } from "./io.js";

export interface ExtractOptions {
  date?: string;
  format: string;
  withText?: boolean;
  explain?: boolean;
  maxBytes?: string;
  dictionaries?: string;
}

/** Returns the exit code: 0, or 1 when any document failed. */
export async function extractCommand(paths: string[], opts: ExtractOptions): Promise<number> {
  if (!["jsonl", "pretty"].includes(opts.format))
    throw new UsageError(`--format takes jsonl or pretty, not "${opts.format}"`);
  if (opts.date !== undefined && !isIsoDate(opts.date))
    throw new UsageError(`--date takes YYYY-MM-DD, not "${opts.date}"`);
  const maxBytes = parseMaxBytes(opts.maxBytes);
  const inputs = paths.length ? paths : ["-"];
  const pipeline = createPipeline({ dictionaries: opts.dictionaries, fallbackDate: opts.date ?? null });
  let failed = 0;
  for await (const item of readInputs(inputs, { maxBytes, stdin: process.stdin })) {
    if ("problem" in item) {
      warn(`${item.source}: ${item.problem}`);
      failed++;
      continue;
    }
    let line: string;
    try {
      const doc = processDocument(pipeline, item);
      if (opts.explain) line = formatExplain(doc);
      else {
        const out = toOutput(doc, { withText: opts.withText || opts.format === "pretty" });
        line = opts.format === "pretty" ? `${JSON.stringify(out, null, 2)}\n` : `${JSON.stringify(out)}\n`;
      }
    } catch (err) {
      // A bug on one document must not sink the batch; say which one.
      warn(`${item.source}: extraction failed (${(err as Error).message})`);
      failed++;
      continue;
    }
    await writeOut(line);
  }
  return failed > 0 ? 1 : 0;
}
