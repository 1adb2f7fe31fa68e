/**
 * JSON Lines: one document per line, read as a stream so that a file of any
 * size costs the memory of its longest line. A bad line is a failure naming
 * file:line; the lines after it go on.
 */
import { createInterface } from "node:readline";
import type { RawDocument } from "../model/document.js";
import { normaliseDate } from "./dates.js";
import { overLimit, type ReadResult } from "./read-types.js";

/**
 * Parse one JSONL line into a document, or say what is wrong with it.
 * `where` is "file:line" (or "stdin:N"), used as id/source when the record has none.
 */
export function parseJsonlRecord(line: string, where: string, maxBytes: number): ReadResult {
  // Cheap upper bound first: a UTF-8 char is at most 3 bytes per UTF-16 unit.
  if (line.length * 3 > maxBytes) {
    const bytes = Buffer.byteLength(line, "utf8");
    if (bytes > maxBytes) return { source: where, problem: overLimit("line", bytes, maxBytes) };
  }
  let rec: unknown;
  try {
    rec = JSON.parse(line);
  } catch (err) {
    return { source: where, problem: `invalid JSON (${(err as Error).message})` };
  }
  if (rec === null || typeof rec !== "object" || Array.isArray(rec)) {
    return { source: where, problem: "not a JSON object" };
  }
  const r = rec as Record<string, unknown>;
  if (typeof r.text !== "string") return { source: where, problem: 'missing "text" (a string)' };
  if (r.text.trim() === "") return { source: where, problem: "empty text" };
  const id = typeof r.id === "string" || typeof r.id === "number" ? String(r.id) : where;
  const published = normaliseDate(r.published ?? r.date);
  const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : null);
  return {
    id,
    source: str(r.source) ?? where,
    rawText: r.text,
    title: str(r.title),
    published,
    publishedSource: published ? "jsonl" : null,
    url: str(r.url),
    author: str(r.author),
    format: "jsonl",
    encoding: "utf-8",
  } satisfies RawDocument;
}

/**
 * Documents and failures from a JSONL stream. `name` prefixes line numbers
 * ("data.jsonl:12", "stdin:3"). Blank lines are skipped silently.
 */
export function readJsonlStream(input: NodeJS.ReadableStream, name: string, maxBytes: number) {
  return readJsonlLines(createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY }), name, maxBytes);
}

/** The same over lines already split (standard input, after sniffing its first line). */
export async function* readJsonlLines(
  lines: AsyncIterable<string>,
  name: string,
  maxBytes: number,
): AsyncGenerator<ReadResult> {
  let n = 0;
  for await (const raw of lines) {
    n++;
    const line = n === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    if (line.trim() === "") continue;
    yield parseJsonlRecord(line, `${name}:${n}`, maxBytes);
  }
}
