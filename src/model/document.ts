/**
 * The document every stage reads and adds to: one flat structure of the cleaned
 * text, its paragraphs, sentences and tokens (parallel arrays, offsets into
 * `text`), actor mentions and events. Stages never copy it; they fill fields.
 */
import type { ActorMention, ResolvedActor } from "./actor.js";
import type { EventRecord } from "./event.js";

/** Where the publication date came from; null published means nobody said. */
export type PublishedSource = "metadata" | "jsonl" | "dateline" | "cli" | null;

/** What a reader hands to the pipeline: raw text plus what the container told us. */
export interface RawDocument {
  /** Stable id: file name, JSONL `id`, or `stdin:N`. */
  id: string;
  /** Path or URL the text came from. */
  source: string;
  /** The text as decoded from the file (HTML already reduced to its main content). */
  rawText: string;
  title: string | null;
  /** YYYY-MM-DD, YYYY-MM or YYYY, or null. */
  published: string | null;
  publishedSource: PublishedSource;
  url?: string | null;
  author?: string | null;
  /** Format the reader saw: text, html, jsonl. */
  format: "text" | "html" | "jsonl";
  /** Character encoding the bytes were decoded from. */
  encoding?: string;
}

export interface Paragraph {
  start: number;
  end: number;
  /** ISO 639-3 code from the language stage ("eng", "rus", ...), "und" when too short to tell. */
  language: string;
  /** True when extraction must pass this paragraph over (not English). */
  skip: boolean;
}

export interface Sentence {
  start: number;
  end: number;
  paragraph: number;
  language: string;
  skip: boolean;
  /** Token index range [tokenStart, tokenEnd) into the flat token arrays. */
  tokenStart: number;
  tokenEnd: number;
}

/**
 * Tokens as parallel arrays: index i is one token. Kept flat because every
 * matcher walks them in tight loops.
 */
export interface Tokens {
  start: number[];
  end: number[];
  /** Surface text as in `text`. */
  text: string[];
  /** Lower-cased surface text. */
  lower: string[];
  /** wink-nlp lemma (lower case). */
  lemma: string[];
  /** Universal POS tag (PROPN, NOUN, VERB, AUX, ADP, ...). */
  pos: string[];
  /** Sentence index of each token. */
  sentence: number[];
}

export interface Document {
  id: string;
  source: string;
  format: RawDocument["format"];
  title: string | null;
  published: string | null;
  publishedSource: PublishedSource;
  url: string | null;
  author: string | null;
  /** Decoded input before cleaning. */
  rawText: string;
  /** Cleaned text; every offset in this document points into it. */
  text: string;
  /**
   * cleaned offset -> raw offset, as sorted segments: cleaned[cleanStart + k]
   * came from raw[rawStart + k] for k < length.
   */
  offsetMap: OffsetSegment[];
  /** What cleaning removed, for the record (kind and raw span). */
  removed: RemovedBlock[];
  paragraphs: Paragraph[];
  sentences: Sentence[];
  tokens: Tokens;
  mentions: ActorMention[];
  actors: ResolvedActor[];
  events: EventRecord[];
  /** Stage name -> version, for provenance on every record. */
  versions: Record<string, string>;
  /** Problems that did not stop processing (e.g. a date that did not parse). */
  warnings: string[];
}

export interface OffsetSegment {
  cleanStart: number;
  rawStart: number;
  length: number;
}

export interface RemovedBlock {
  kind: string;
  rawStart: number;
  rawEnd: number;
}

/** The fields a stage can require or assign; the pipeline checks these names. */
export type DocumentField =
  | "rawText"
  | "text"
  | "offsetMap"
  | "paragraphs"
  | "sentences"
  | "tokens"
  | "published"
  | "mentions"
  | "actors"
  | "events";

export function emptyTokens(): Tokens {
  return { start: [], end: [], text: [], lower: [], lemma: [], pos: [], sentence: [] };
}

/** A document as it leaves the reader: nothing derived yet. */
export function newDocument(raw: RawDocument): Document {
  return {
    id: raw.id,
    source: raw.source,
    format: raw.format,
    title: raw.title,
    published: raw.published,
    publishedSource: raw.published ? raw.publishedSource : null,
    url: raw.url ?? null,
    author: raw.author ?? null,
    rawText: raw.rawText,
    text: "",
    offsetMap: [],
    removed: [],
    paragraphs: [],
    sentences: [],
    tokens: emptyTokens(),
    mentions: [],
    actors: [],
    events: [],
    versions: {},
    warnings: [],
  };
}

/** Map an offset in the cleaned text back to the raw text. */
export function toRawOffset(doc: Pick<Document, "offsetMap">, cleanOffset: number): number {
  const map = doc.offsetMap;
  let lo = 0;
  let hi = map.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const seg = map[mid];
    if (cleanOffset < seg.cleanStart) hi = mid - 1;
    else if (cleanOffset >= seg.cleanStart + seg.length) lo = mid + 1;
    else return seg.rawStart + (cleanOffset - seg.cleanStart);
  }
  // Between segments (or at the very end): the end of the previous segment.
  const prev = map[Math.max(0, hi)];
  return prev ? prev.rawStart + Math.min(prev.length, cleanOffset - prev.cleanStart) : cleanOffset;
}
