import { describe, expect, it } from "vitest";
import { type Document, newDocument } from "../model/document.js";
import { segmentStage } from "./segment.js";

/** A document whose text is already clean: paragraphs split on blank lines. */
function docOf(text: string): Document {
  const doc = newDocument({
    id: "t",
    source: "t",
    rawText: text,
    title: null,
    published: null,
    publishedSource: null,
    format: "text",
  });
  doc.text = text;
  let start = 0;
  for (const block of text.split("\n\n")) {
    doc.paragraphs.push({ start, end: start + block.length, language: "eng", skip: false });
    start += block.length + 2;
  }
  segmentStage.run(doc);
  return doc;
}

const sentencesOf = (doc: Document) => doc.sentences.map((s) => doc.text.slice(s.start, s.end));

describe("segmentStage", () => {
  it("cuts a possessive the same way whatever wink-nlp has read before", () => {
    const tokens = (doc: Document) => doc.tokens.text.join("|");
    const first = tokens(docOf("Standard & Poor's raised the rating."));
    // wink's cache learns "Poor's" whole from text like this, and then stops splitting it.
    docOf("Moody's and Standard & Poor's, the agencies, agreed.");
    expect(tokens(docOf("Standard & Poor's raised the rating."))).toBe(first);
    expect(first).toBe("Standard|&|Poor|'s|raised|the|rating|.");
  });

  it("tags the words around a possessive the same whatever wink-nlp has read before", () => {
    const tagged = (doc: Document) => doc.tokens.text.map((w, i) => `${w}/${doc.tokens.pos[i]}`).join(" ");
    const text = "The victory for the Danish women's relay team was a surprise.";
    const first = tagged(docOf(text));
    docOf("It was the women's, not the men's, day.");
    expect(tagged(docOf(text))).toBe(first);
    // "it's" stays wink's contraction.
    expect(docOf("It's over.").tokens.lemma.slice(0, 2)).toEqual(["it", "be"]);
  });

  it("keeps abbreviations, dates and model names inside their sentence", () => {
    const doc = docOf(
      "On Dec.19, Russian President Vladimir Putin spoke. The U.S. and Russia met in Washington D.C. on Jan. 4. " +
        "The Tajik army received three T-72B1 tanks and Mi-24 helicopters (ed. note: from the 201st base). " +
        "No. 1 on the list was Lt. Gen. Alexander Lapin, approx. 300 people said.",
    );
    expect(sentencesOf(doc)).toEqual([
      "On Dec.19, Russian President Vladimir Putin spoke.",
      "The U.S. and Russia met in Washington D.C. on Jan. 4.",
      "The Tajik army received three T-72B1 tanks and Mi-24 helicopters (ed. note: from the 201st base).",
      "No. 1 on the list was Lt. Gen. Alexander Lapin, approx. 300 people said.",
    ]);
    const i = doc.tokens.text.indexOf("T-72B1");
    expect(i).toBeGreaterThan(0);
    expect(doc.tokens.lemma[doc.tokens.text.indexOf("received")]).toBe("receive");
  });

  it("keeps quotes with the sentence they close", () => {
    const doc = docOf('“We will not negotiate with NATO,” the Taliban said. "Fine." Then he left.');
    expect(sentencesOf(doc)[0]).toBe("“We will not negotiate with NATO,” the Taliban said.");
  });

  it("never lets a sentence cross a line break, and offsets point at the token text", () => {
    const doc = docOf("Moscow Talks Open\nDelegations from ten countries took part.\n\nKabul said nothing.");
    expect(sentencesOf(doc)).toEqual([
      "Moscow Talks Open",
      "Delegations from ten countries took part.",
      "Kabul said nothing.",
    ]);
    expect(doc.sentences.map((s) => s.paragraph)).toEqual([0, 0, 1]);
    const t = doc.tokens;
    for (let i = 0; i < t.text.length; i++) expect(doc.text.slice(t.start[i], t.end[i])).toBe(t.text[i]);
    expect(t.sentence[t.sentence.length - 1]).toBe(2);
  });
});
