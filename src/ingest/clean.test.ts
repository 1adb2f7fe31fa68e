import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { toRawOffset } from "../model/document.js";
import { cleanText } from "./clean.js";
import { corpusNote, goldArticles, hasCorpus, readSeed, squash } from "./fixtures/corpus.js";

/** Cleaned text must map back: every character that came from raw is the same (NBSP read as space). */
function expectMapsBack(
  raw: string,
  cleaned: string,
  map: { cleanStart: number; rawStart: number; length: number }[],
) {
  for (const seg of map) {
    const fromRaw = raw.slice(seg.rawStart, seg.rawStart + seg.length).replace(/[\s\u00a0]/g, " ");
    expect(cleaned.slice(seg.cleanStart, seg.cleanStart + seg.length)).toBe(fromRaw);
  }
}

describe("cleanText", () => {
  it("turns NBSP and odd spaces into single spaces, one for one where it can, and maps back", () => {
    const raw = "In his\u00a0address to\u2009the  council\t, Putin\u00ad spoke.\u200b";
    const r = cleanText(raw);
    expect(r.text).toBe("In his address to the council , Putin spoke.");
    expectMapsBack(raw, r.text, r.offsetMap);
    const at = r.text.indexOf("Putin");
    expect(raw.slice(toRawOffset(r, at), toRawOffset(r, at) + 5)).toBe("Putin");
    // "In his address to the" is one segment: NBSP and thin space replaced in place.
    expect(r.offsetMap[0]).toEqual({ cleanStart: 0, rawStart: 0, length: 22 });
  });

  it("separates paragraphs by a blank line whatever the line endings", () => {
    const raw = "Title\r\n\r\n\r\nFirst para.\r\nSecond para.\rThird para.\n";
    const r = cleanText(raw);
    expect(r.text).toBe("Title\n\nFirst para.\n\nSecond para.\n\nThird para.");
    expect(r.paragraphs.map((p) => r.text.slice(p.start, p.end))).toEqual([
      "Title",
      "First para.",
      "Second para.",
      "Third para.",
    ]);
    expect(r.paragraphs.every((p) => p.language === "und" && !p.skip)).toBe(true);
    expectMapsBack(raw, r.text, r.offsetMap);
  });

  it("joins a line that continues a sentence, and hard-wrapped blocks", () => {
    const r = cleanText("The minister said\nthat talks would go on.\n\nNext paragraph.");
    expect(r.text).toBe("The minister said that talks would go on.\n\nNext paragraph.");
    const wrapped = [
      "Russian and Tajik troops began joint exercises near the Afghan",
      "border on Monday, the defence ministry in Moscow said, adding",
      "that more than 2,000 soldiers and 200 vehicles took part in the",
      "drills.",
    ].join("\n");
    const w = cleanText(wrapped);
    expect(w.paragraphs).toHaveLength(1);
    expect(w.text).toBe(wrapped.replaceAll("\n", " "));
    expectMapsBack(wrapped, w.text, w.offsetMap);
    // List items and closed sentences stay apart even in a block of even-length lines.
    const list = [
      "Key points of the agreement signed in Dushanbe on Monday:",
      "- Russia will supply air defence systems to Tajikistan",
      "- Joint exercises will be held near the Afghan border twice a year",
      "- Tajikistan will host additional Russian troops at the 201st base",
    ].join("\n");
    expect(cleanText(list).paragraphs).toHaveLength(4);
  });

  it("cleans an empty or all-boilerplate text to nothing", () => {
    expect(cleanText("")).toEqual({ text: "", offsetMap: [], paragraphs: [], removed: [] });
    const r = cleanText("Share this article\n\nAdvertisement\n");
    expect(r.text).toBe("");
    expect(r.removed.map((b) => b.kind)).toEqual(["share", "ad"]);
  });

  it("removes a scraped page's furniture and keeps every article sentence", () => {
    const raw = readFileSync(join(import.meta.dirname, "fixtures", "scraped.txt"), "utf8");
    const r = cleanText(raw);
    const kept = [
      "Border talks resume as Dushanbe seeks guarantees",
      "By Anna Sample",
      "Published: 3 March 2022",
      "Officials from Tajikistan and Afghanistan met in the border town of Ishkashim on Wednesday",
      "Share prices of regional carriers fell after the meeting, traders in Dushanbe said.",
      "Photos published by the ministry showed armoured vehicles near the crossing.",
      "Follow-up talks are planned for April",
    ];
    for (const s of kept) expect(r.text).toContain(s);
    const gone = [
      "Skip to content",
      "Home | World",
      "cookies",
      "min read",
      "Share this article",
      "Facebook Twitter",
      "Photo: Example Agency",
      "Guards patrol",
      "Advertisement",
      "Read more",
      "Related stories",
      "Tajikistan closes two crossings",
      "Five things to know",
      "Tags:",
      "Follow us",
      "All rights reserved",
      "Comments (2)",
      "Leave a comment",
      "Reader42",
      "just for show",
    ];
    for (const s of gone) expect(r.text).not.toContain(s);
    expect(new Set(r.removed.map((b) => b.kind))).toEqual(
      new Set([
        "nav",
        "cookies",
        "meta",
        "share",
        "photo",
        "caption",
        "ad",
        "related",
        "tags",
        "copyright",
        "comments",
        "tail",
      ]),
    );
    for (const b of r.removed) expect(raw.slice(b.rawStart, b.rawEnd).trim()).not.toBe("");
  });

  it("drops teaser lines that repeat the start of a paragraph", () => {
    const para =
      "The Russian capital hosted the third meeting of the Moscow format on Afghanistan with the Taliban.";
    const r = cleanText(
      `${para}\n\nThe Russian capital hosted the third meeting of the Moscow format on...\n`,
    );
    expect(r.text).toBe(para);
    expect(r.removed).toEqual([expect.objectContaining({ kind: "teaser" })]);
  });
});

describe.skipIf(!hasCorpus)(`seed articles${corpusNote}`, () => {
  const seeds = hasCorpus ? goldArticles() : [];

  it.each(seeds.map((g) => [g.file, g] as const))("%s keeps every gold evidence sentence", (file, gold) => {
    const r = cleanText(readSeed(file));
    const cleaned = squash(r.text);
    for (const ev of gold.events) expect(cleaned).toContain(squash(ev.evidence));
  });

  it.each(seeds.map((g) => [g.file, g] as const))("%s maps evidence back to the raw text", (file, gold) => {
    const raw = readSeed(file);
    const r = cleanText(raw);
    expectMapsBack(raw, r.text, r.offsetMap);
    for (const ev of gold.events) {
      // Evidence never spans a collapsed double space in these seeds, so it is verbatim in the cleaned text.
      const sentence = squash(ev.evidence);
      const start = r.text.indexOf(sentence);
      expect(start, sentence).toBeGreaterThanOrEqual(0);
      const rawStart = toRawOffset(r, start);
      const rawEnd = toRawOffset(r, start + sentence.length - 1) + 1;
      expect(squash(raw.slice(rawStart, rawEnd))).toBe(sentence);
    }
  });

  const gone: Record<string, string[]> = {
    "000_3b3149e1899c365f.txt": ["Tags:"],
    "001_6a14e65b67324ede.txt": [
      "Views: 7821",
      "Author column, Afghanistan",
      "participation of...",
      "Subscribe to PolitNavigator",
      "If you find an error",
      "Tags:",
      "Dear Readers",
      "Roskomnadzor",
      "Prohibited from publication",
      "delete comments",
      "Placing links",
      "Mon Tues Wed",
      "6789101112",
      "May 2024",
      "Thank you!",
      "editors are aware",
    ],
    // The Russian typo-report widget after "Add comment" stays: the language stage marks it skip.
    "002_03711a2154ad3567.txt": ["Rate it", "Add comment"],
    "003_48e8c2184d1aeb53.txt": ["The opinions, beliefs, and viewpoints", "Geopoliticalmonitor.com"],
    "004_120053fc24ae013e.txt": [
      "Soldiers are taking suitcases",
      "© John Moore",
      "Getty Images",
      "Shutterstock",
      "Like it? Share",
      "What's Your Reaction",
      "hate hate",
      "win win",
      "Your email address",
      "Required fields",
    ],
  };

  it.each(Object.entries(gone))("%s loses its boilerplate", (file, phrases) => {
    const r = cleanText(readSeed(file));
    for (const p of phrases) expect(r.text, p).not.toContain(p);
    // Titles and datelines are content, not boilerplate.
    const firstLine = readSeed(file).split("\n")[0].trim();
    expect(r.text.startsWith(firstLine)).toBe(true);
  });

  it("keeps the dateline block of 001", () => {
    const r = cleanText(readSeed("001_6a14e65b67324ede.txt"));
    expect(r.text).toContain("Ainur Kurmanov.\n\n21.10.2021 12:27\n\n(Moscow time), Moscow");
  });
});
