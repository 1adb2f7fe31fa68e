/**
 * For the actor tests: segmentation and the actor stage over one clean English
 * paragraph, with the bundled dictionaries.
 */
import { expect } from "vitest";
import { loadActorDictionary } from "../src/actors/dictionary.js";
import { actorsStage } from "../src/actors/stage.js";
import type { ActorMention } from "../src/model/actor.js";
import { type Document, newDocument } from "../src/model/document.js";
import { segmentStage } from "../src/nlp/segment.js";

const stage = actorsStage(loadActorDictionary());

/** The document with its mentions, as if published on `published`. */
export function mentionDocument(text: string, published: string | null = "2021-07-10"): Document {
  const doc = newDocument({
    id: "t",
    source: "t",
    rawText: text,
    title: null,
    published,
    publishedSource: "cli",
    format: "text",
  });
  doc.text = text;
  doc.paragraphs = [{ start: 0, end: text.length, language: "eng", skip: false }];
  segmentStage.run(doc);
  stage.run(doc);
  return doc;
}

/** The mention whose text is `name` in `text`, published on `date`. */
export function who(text: string, name: string, date: string): ActorMention {
  const m = mentionDocument(text, date).mentions.find((x) => x.text === name);
  expect(m, `no mention "${name}" in: ${text}`).toBeDefined();
  return m!;
}
