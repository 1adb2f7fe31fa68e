/**
 * What makes two inputs the same document (its source key) and the same
 * content (the sha256 of its raw text). Same key and same hash: unchanged.
 * Same key, other hash: a new version of that document.
 */
import { createHash } from "node:crypto";
import { resolve } from "node:path";
import type { RawDocument } from "../model/document.js";

export function contentHash(rawText: string): string {
  return createHash("sha256").update(rawText, "utf8").digest("hex");
}

/**
 * Files: the absolute path, so a folder ingested from another directory is
 * still recognised. JSON Lines: the record's source and id; where the source is
 * only the record's location ("data.jsonl:12"), the line number is dropped when
 * the record has its own id, so inserting a line does not make every later
 * record new.
 */
export function sourceKey(raw: Pick<RawDocument, "id" | "source" | "format">, cwd = process.cwd()): string {
  if (raw.format !== "jsonl") return `file:${isUrl(raw.source) ? raw.source : resolve(cwd, raw.source)}`;
  const location = isUrl(raw.source) ? null : /^(.*):(\d+)$/.exec(raw.source);
  // The record named its own source ("bbc", a URL): that and its id identify it.
  if (!location) return `jsonl:${raw.source}#${raw.id}`;
  const container = location[1] === "stdin" ? "stdin" : resolve(cwd, location[1]);
  return raw.id === raw.source ? `jsonl:${container}:${location[2]}` : `jsonl:${container}#${raw.id}`;
}

function isUrl(s: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(s);
}
