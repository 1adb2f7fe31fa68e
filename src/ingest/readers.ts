/**
 * Inputs (files, directories, "-" for stdin) to a stream of RawDocuments and
 * ReadFailures. Format by extension, else by sniffing: .jsonl/.ndjson and
 * stdin are JSON Lines, .html/.htm (or content that looks like HTML) go
 * through Readability, anything else is plain text.
 */
import { open, readdir, realpath, stat } from "node:fs/promises";
import { basename, extname, join, relative, sep } from "node:path";
import { createInterface } from "node:readline";
import type { RawDocument } from "../model/document.js";
import { declaredCharset, decodeBytes, isUtf16, looksBinary } from "./encoding.js";
import { htmlToRawDocument, sniffHtml } from "./html.js";
import { readJsonlLines, readJsonlStream } from "./jsonl.js";
import { DEFAULT_MAX_BYTES, formatSize, overLimit, type ReadOptions, type ReadResult } from "./read-types.js";

const JSONL_EXT = new Set([".jsonl", ".ndjson"]);
const HTML_EXT = new Set([".html", ".htm", ".xhtml"]);
/** A first line longer than this is a paragraph, not a title. */
const MAX_TITLE_LENGTH = 300;

export async function* readInputs(inputs: string[], opts: ReadOptions = {}): AsyncGenerator<ReadResult> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  for (const input of inputs) {
    if (input === "-") {
      yield* readStdin(opts.stdin ?? process.stdin, maxBytes);
      continue;
    }
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(input);
    } catch (err) {
      yield { source: input, problem: fsProblem(err) };
      continue;
    }
    if (info.isDirectory()) yield* readDirectory(input, maxBytes);
    else yield* readFile(input, basename(input), maxBytes);
  }
}

/** Files under `root`, recursively, sorted by name, dotfiles and dot-folders skipped. */
async function* readDirectory(root: string, maxBytes: number): AsyncGenerator<ReadResult> {
  const seen = new Set<string>();
  async function* walk(dir: string): AsyncGenerator<ReadResult> {
    // Symlinked folders can loop; visit each real folder once.
    const real = await realpath(dir).catch(() => dir);
    if (seen.has(real)) return;
    seen.add(real);
    let names: string[];
    try {
      names = (await readdir(dir)).filter((n) => !n.startsWith(".")).sort();
    } catch (err) {
      yield { source: dir, problem: fsProblem(err) };
      return;
    }
    for (const name of names) {
      const path = join(dir, name);
      const info = await stat(path).catch(() => null);
      if (info?.isDirectory()) yield* walk(path);
      else yield* readFile(path, relative(root, path).split(sep).join("/"), maxBytes);
    }
  }
  yield* walk(root);
}

async function* readFile(path: string, id: string, maxBytes: number): AsyncGenerator<ReadResult> {
  const ext = extname(path).toLowerCase();
  if (JSONL_EXT.has(ext)) {
    let stream: NodeJS.ReadableStream;
    try {
      // Open first so that a missing or unreadable file is one clear failure.
      const handle = await open(path, "r");
      stream = handle.createReadStream({ encoding: "utf8" });
    } catch (err) {
      yield { source: path, problem: fsProblem(err) };
      return;
    }
    yield* readJsonlStream(stream, path, maxBytes);
    return;
  }
  let bytes: Buffer;
  try {
    const handle = await open(path, "r");
    try {
      const { size } = await handle.stat();
      if (size > maxBytes) {
        yield { source: path, problem: overLimit("file", size, maxBytes) };
        return;
      }
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (err) {
    yield { source: path, problem: fsProblem(err) };
    return;
  }
  yield bytesToDocument(bytes, path, id, ext);
}

/** One file's bytes to a document (or the reason it is not one). */
export function bytesToDocument(bytes: Uint8Array, source: string, id: string, ext = ""): ReadResult {
  if (bytes.length === 0) return { source, problem: "empty file" };
  if (!isUtf16(bytes) && looksBinary(bytes)) return { source, problem: "binary file, not text" };
  const { text, encoding } = decodeBytes(bytes, declaredCharset(bytes));
  if (text.trim() === "") return { source, problem: "empty file" };
  if (HTML_EXT.has(ext) || sniffHtml(text)) {
    const doc = htmlToRawDocument(text, { id, source, encoding });
    if (doc.rawText.trim() === "") return { source, problem: "HTML page has no readable text" };
    return doc;
  }
  return textDocument(text, source, id, encoding);
}

/** Plain text: the first non-empty line is the title (and stays in the text). */
export function textDocument(text: string, source: string, id: string, encoding?: string): RawDocument {
  const first = /^[ \t\u00a0]*(\S[^\r\n]*)/m.exec(text)?.[1]?.trim() ?? "";
  return {
    id,
    source,
    rawText: text,
    title: first && first.length <= MAX_TITLE_LENGTH ? first : null,
    published: null,
    publishedSource: null,
    url: null,
    author: null,
    format: "text",
    encoding,
  };
}

/**
 * Standard input is JSON Lines; if its first non-blank line does not start
 * with "{", it is taken as one plain-text document instead (piping an
 * article in is common), still subject to the size limit.
 */
async function* readStdin(stdin: NodeJS.ReadableStream, maxBytes: number): AsyncGenerator<ReadResult> {
  const lines = createInterface({ input: stdin, crlfDelay: Number.POSITIVE_INFINITY });
  const iterator = lines[Symbol.asyncIterator]();
  const head: string[] = [];
  let firstLine: string | undefined;
  for (let r = await iterator.next(); !r.done; r = await iterator.next()) {
    head.push(r.value);
    if (r.value.trim() !== "") {
      firstLine = r.value.replace(/^\ufeff/, "").trimStart();
      break;
    }
  }
  if (firstLine === undefined) return; // nothing on stdin
  const rest = async function* () {
    yield* head;
    for (let r = await iterator.next(); !r.done; r = await iterator.next()) yield r.value;
  };
  if (firstLine.startsWith("{")) {
    yield* readJsonlLines(rest(), "stdin", maxBytes);
    return;
  }
  let text = "";
  let bytes = 0;
  for await (const line of rest()) {
    text += line + "\n";
    bytes += Buffer.byteLength(line) + 1;
    if (bytes > maxBytes) {
      yield { source: "stdin", problem: `input is over the ${formatSize(maxBytes)} limit (--max-bytes)` };
      return;
    }
  }
  yield textDocument(text, "stdin", "stdin:1", "utf-8");
}

function fsProblem(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "file not found";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "is a directory";
  return `cannot read (${code ?? String(err)})`;
}
