import { describe, expect, it } from "vitest";
import { newDocument } from "../model/document.js";
import { cleanText } from "./clean.js";
import { corpusNote, goldArticles, hasCorpus, readSeed } from "./fixtures/corpus.js";
import { findDateline, publishedStage } from "./published.js";

const head = (dateline: string) =>
  `Moscow hosts Afghan talks\n\n${dateline}\n\nThe Russian capital hosted a meeting on Afghanistan on Wednesday.`;

describe("findDateline", () => {
  it.each([
    ["21.10.2021 12:27", "2021-10-21"],
    ["21.10.2021", "2021-10-21"],
    ["October 21, 2021", "2021-10-21"],
    ["Thursday, 21 October 2021 12:27 GMT", "2021-10-21"],
    ["2021-10-21", "2021-10-21"],
    ["21 October 2021 - Moscow", "2021-10-21"],
    ["21.10.2021 (Moscow time), Moscow", "2021-10-21"],
    ["Published: October 21, 2021", "2021-10-21"],
    ["Published on 21 Oct 2021, 09:15", "2021-10-21"],
    ["Posted by Jane Roe on October 21, 2021 at 9:15 am", "2021-10-21"],
    ["Updated 22.10.2021 08:00", "2021-10-22"],
    ["By Jane Roe, October 21, 2021", "2021-10-21"],
    ["MOSCOW, Oct. 21, 2021 (Reuters) - The Russian capital hosted a meeting.", "2021-10-21"],
    ["Published: October 2021", "2021-10"],
  ])("%s -> %s", (line, date) => {
    expect(findDateline(head(line))).toBe(date);
  });

  it("prefers Published over Updated, wherever they come", () => {
    expect(findDateline(head("Updated: 22.10.2021 08:00\nPublished: 21.10.2021 12:27"))).toBe("2021-10-21");
  });

  it.each([
    "On July 7, 2021, Russian Foreign Minister Sergei Lavrov said Moscow would help.",
    "In September 2015, a meeting was held between the Taliban and Russia.",
    "October 21, 2021 was the day the talks began in Moscow, officials said.",
    "The report, published in October 2019 and updated since, found no change.",
    "October 2021",
  ])("takes no date merely mentioned: %s", (line) => {
    expect(findDateline(head(line))).toBeNull();
  });

  it("looks only near the top", () => {
    const body = "The talks went on for hours and ended without a statement.\n\n".repeat(40);
    expect(findDateline(`Title\n\n${body}21.10.2021 12:27\n\nMore text.`)).toBeNull();
  });
});

describe("publishedStage", () => {
  const make = (rawText: string, published: string | null = null) => {
    const doc = newDocument({
      id: "x",
      source: "x",
      rawText,
      title: null,
      published,
      publishedSource: published ? "jsonl" : null,
      format: "text",
    });
    doc.text = cleanText(rawText).text;
    return doc;
  };

  it("keeps a date the container gave", () => {
    const doc = make(head("21.10.2021 12:27"), "2021-10-20");
    publishedStage.run(doc);
    expect([doc.published, doc.publishedSource]).toEqual(["2021-10-20", "jsonl"]);
  });

  it("sets a dateline date, or null with no source", () => {
    const dated = make(head("21.10.2021 12:27"));
    publishedStage.run(dated);
    expect([dated.published, dated.publishedSource]).toEqual(["2021-10-21", "dateline"]);
    const undated = make(head("No date here at all."));
    publishedStage.run(undated);
    expect([undated.published, undated.publishedSource]).toEqual([null, null]);
  });
});

describe.skipIf(!hasCorpus)(`seed articles${corpusNote}`, () => {
  // Gold `published` is day-precise only where the text has a dateline; month-precise
  // dates were inferred by the annotators from the content and must not be guessed here.
  it.each(hasCorpus ? goldArticles().map((g) => [g.file, g.published] as const) : [])(
    "%s (gold %s)",
    (file, gold) => {
      const found = findDateline(cleanText(readSeed(file)).text);
      expect(found).toBe(gold && gold.length === 10 ? gold : null);
    },
  );

  it("001 is dated 2021-10-21 by its dateline", () => {
    expect(findDateline(cleanText(readSeed("001_6a14e65b67324ede.txt")).text)).toBe("2021-10-21");
  });
});
