/** `dyad search "query"`: sentences of stored documents, each with its document and its events. */
import { type SearchHit, searchSentences } from "../store/index.js";
import { type DbOptions, parseCount, parseFormat, withStore } from "./db.js";
import { UsageError, writeOut } from "./io.js";

export async function searchCommand(
  query: string,
  opts: DbOptions & { limit?: string; format?: string },
): Promise<number> {
  if (!query.trim()) throw new UsageError('search needs a query, e.g. dyad search "troops border"');
  const format = parseFormat(opts.format, ["text", "jsonl"] as const, "text");
  const limit = parseCount("--limit", opts.limit, 20);
  return withStore(
    opts,
    async (store) => {
      const hits = await searchSentences(store, query, limit || 20);
      if (format === "jsonl") await writeOut(hits.map((h) => `${JSON.stringify(h)}\n`).join(""));
      else await writeOut(hits.length ? hits.map(formatHit).join("\n") : "no sentences match\n");
      return 0;
    },
    { mustExist: true },
  );
}

function formatHit(h: SearchHit): string {
  const d = h.document;
  const lines = [
    `${d.title ?? d.docId}${d.published ? ` (${d.published})` : ""} — ${d.source}, sentence ${h.sentence.index}`,
    `  ${h.sentence.text.replace(/\s+/g, " ")}`,
  ];
  for (const e of h.events)
    lines.push(
      `  event ${e.id}: ${e.actor} ${e.event}${e.recipient ? ` ${e.recipient}` : ""} (${e.modality})`,
    );
  return `${lines.join("\n")}\n`;
}
