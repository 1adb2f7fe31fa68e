/**
 * For the event-coding tests: the whole default pipeline over a short text, and the records
 * read as "RUS AID TJK asserted" lines (the triple at state/organisation level plus modality).
 */
import type { Document } from "../src/model/document.js";
import { createPipeline, processDocument } from "../src/pipeline/default.js";

const pipeline = createPipeline();

/** The document with its events, as if published on `published`. */
export function code(text: string, published: string | null = "2021-07-10"): Document {
  return processDocument(pipeline, {
    id: "t",
    source: "t",
    rawText: text,
    title: null,
    published,
    publishedSource: published ? "jsonl" : null,
    format: "jsonl",
  });
}

export const triples = (doc: Document): string[] =>
  doc.events.map(
    (e) =>
      `${e.actor.country ?? e.actor.name} ${e.event} ${e.recipient ? (e.recipient.country ?? e.recipient.name) : "-"} ${e.modality}`,
  );
