import { describe, expect, it } from "vitest";
import { cutText, markTerms } from "./spans";

describe("cutText", () => {
  const text = "Russia attacked Ukraine. NATO condemned it.";
  const sentences = [
    { index: 0, start: 0, end: 24 },
    { index: 1, start: 25, end: 43 },
  ];
  const mentions = [
    { start: 0, end: 6, actor: "RUS", name: "Russia", kind: "state" },
    { start: 16, end: 23, actor: "UKR", name: "Ukraine", kind: "state" },
    { start: 25, end: 29, actor: "NATO", name: "NATO", kind: "igo" },
  ];
  const events = [
    {
      id: 7,
      event: "ASSAULT",
      trigger: { start: 7, end: 15 },
      actorSpan: { start: 0, end: 6 },
      recipientSpan: { start: 16, end: 23 },
    },
  ];

  it("keeps every character once, in order, cut at sentence, mention and trigger bounds", () => {
    const blocks = cutText(text, sentences, mentions, events);
    expect(blocks.flatMap((b) => b.pieces.map((p) => p.text)).join("")).toBe(text);
    expect(blocks.map((b) => b.sentence)).toEqual([0, null, 1]);
    const first = blocks[0].pieces;
    expect(first.map((p) => p.text)).toEqual(["Russia", " ", "attacked", " ", "Ukraine", "."]);
    expect(first[0].mention?.actor).toBe("RUS");
    expect(first[0].actorOf).toEqual([7]);
    expect(first[2].triggerOf.map((e) => e.id)).toEqual([7]);
    expect(first[4].recipientOf).toEqual([7]);
    expect(first[1].mention).toBeNull();
  });

  it("survives spans outside the text, empty spans and overlapping mentions", () => {
    const blocks = cutText(
      "Vladimir Putin spoke.",
      [{ index: 0, start: 0, end: 21 }],
      [
        { start: 0, end: 14, actor: "PUTIN", name: "Vladimir Putin", kind: "person" },
        { start: 9, end: 14, actor: "PUTIN", name: "Putin", kind: "person" },
        { start: 30, end: 40, actor: "X", name: "X", kind: "state" },
        { start: 5, end: 5, actor: "Y", name: "Y", kind: "state" },
      ],
      [{ id: 1, event: "CONSULT", trigger: { start: 15, end: 99 }, actorSpan: null, recipientSpan: null }],
    );
    const pieces = blocks.flatMap((b) => b.pieces);
    expect(pieces.map((p) => p.text).join("")).toBe("Vladimir Putin spoke.");
    expect(pieces.find((p) => p.text === "Putin")?.mention?.name).toBe("Putin");
    expect(pieces.find((p) => p.text === "Vladimir ")?.mention?.name).toBe("Vladimir Putin");
    expect(pieces.find((p) => p.text === "spoke.")?.triggerOf).toHaveLength(1);
  });

  it("treats markup in the text as text", () => {
    const evil = '<script>alert(1)</script> <img src=x onerror="x()">';
    const blocks = cutText(evil, [{ index: 0, start: 0, end: evil.length }], [], []);
    expect(blocks[0].pieces.map((p) => p.text).join("")).toBe(evil);
  });
});

describe("markTerms", () => {
  it("marks the query's words, case-insensitively, at word starts", () => {
    expect(markTerms("The Taliban and the taliban's envoy", "taliban")).toEqual([
      { text: "The ", hit: false },
      { text: "Taliban", hit: true },
      { text: " and the ", hit: false },
      { text: "taliban", hit: true },
      { text: "'s envoy", hit: false },
    ]);
  });

  it("ignores operators and regex characters in the query", () => {
    expect(markTerms("peace talks (Doha)", '"peace talks" OR (doha')).toEqual([
      { text: "peace", hit: true },
      { text: " ", hit: false },
      { text: "talks", hit: true },
      { text: " (", hit: false },
      { text: "Doha", hit: true },
      { text: ")", hit: false },
    ]);
    expect(markTerms("nothing here", "")).toEqual([{ text: "nothing here", hit: false }]);
  });
});
