/** Shared shapes and limits of the readers. */
import type { RawDocument } from "../model/document.js";

/** An input that could not be read; the run goes on with the others. */
export interface ReadFailure {
  /** Path (or path:line for JSONL, stdin:N for standard input). */
  source: string;
  /** Short human text: "file not found", "empty file", ... */
  problem: string;
}

export type ReadResult = RawDocument | ReadFailure;

export interface ReadOptions {
  /** Largest file (or JSONL line) accepted, in bytes; default 20 MB. */
  maxBytes?: number;
  /** Where "-" reads from; default process.stdin. */
  stdin?: NodeJS.ReadableStream;
}

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export function isReadFailure(r: ReadResult): r is ReadFailure {
  return (r as RawDocument).rawText === undefined && typeof (r as ReadFailure).problem === "string";
}

/** 26542080 -> "25.3 MB"; exact whole numbers print without decimals ("20 MB"). */
export function formatSize(bytes: number): string {
  const [value, unit] =
    bytes >= 1024 * 1024
      ? [bytes / (1024 * 1024), "MB"]
      : bytes >= 1024
        ? [bytes / 1024, "KB"]
        : [bytes, "bytes"];
  const shown = Number.isInteger(value) ? String(value) : value.toFixed(1);
  return `${shown} ${unit}`;
}

export function overLimit(what: "file" | "line", bytes: number, limit: number): string {
  return `${what} is ${formatSize(bytes)}, over the ${formatSize(limit)} limit (--max-bytes)`;
}
