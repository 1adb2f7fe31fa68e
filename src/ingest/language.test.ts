import { describe, expect, it } from "vitest";
import { newDocument, type Paragraph } from "../model/document.js";
import { cleanText } from "./clean.js";
import { corpusNote, hasCorpus, readSeed } from "./fixtures/corpus.js";
import { detectLanguages, dominantScript, languageStage, paragraphLanguage } from "./language.js";

/** Paragraphs as the clean stage would make them, from text already split by blank lines. */
function docOf(text: string) {
  const paragraphs: Paragraph[] = [];
  let at = 0;
  for (const p of text.split("\n\n")) {
    paragraphs.push({ start: at, end: at + p.length, language: "und", skip: false });
    at += p.length + 2;
  }
  return { text, paragraphs };
}

describe("paragraphLanguage", () => {
  it.each([
    [
      "eng",
      "The Russian capital hosted the third meeting on Afghanistan with the participation of a delegation.",
    ],
    [
      "rus",
      "Российская столица приняла третью встречу по Афганистану с участием делегации движения Талибан.",
    ],
    ["ukr", "Російська столиця прийняла третю зустріч щодо Афганістану за участю делегації руху Талібан."],
    [
      "fra",
      "La capitale russe a accueilli la troisième réunion sur l'Afghanistan avec la participation d'une délégation.",
    ],
    [
      "deu",
      "Die russische Hauptstadt war Gastgeber des dritten Treffens zu Afghanistan unter Beteiligung einer Delegation.",
    ],
    [
      "spa",
      "La capital rusa acogió la tercera reunión sobre Afganistán con la participación de una delegación de los talibanes.",
    ],
    [
      "tur",
      "Rusya'nın başkenti, Taliban hareketinin bir heyetinin katılımıyla Afganistan konulu üçüncü toplantıya ev sahipliği yaptı.",
    ],
    [
      "pes",
      "پایتخت روسیه میزبان سومین نشست درباره افغانستان با حضور هیئتی از جنبش طالبان بود و گفتگوها ادامه دارد.",
    ],
    ["cmn", "俄罗斯首都主办了关于阿富汗问题的第三次会议，塔利班代表团参加了会议。"],
  ])("%s", (lang, text) => {
    expect(paragraphLanguage(text)).toBe(lang);
  });

  it("leaves short Latin paragraphs undecided but still tells short Cyrillic ones", () => {
    expect(paragraphLanguage("Ainur Kurmanov.")).toBeNull();
    expect(paragraphLanguage("21.10.2021 12:27")).toBeNull();
    // Names and content words only: franc called this Spanish.
    expect(paragraphLanguage("American commanders met Taliban officials.")).toBeNull();
    expect(paragraphLanguage("Сообщите об ошибке")).toBe("rus");
    expect(paragraphLanguage("Повідомте про помилку")).toBe("ukr");
  });

  it("goes by the script most letters are in", () => {
    expect(dominantScript("Subscribe to news at Telegram, YouTube, TikTok и Viber.")).toBe("latin");
    expect(dominantScript("Выделенный текст (ed. note)")).toBe("cyrillic");
    expect(dominantScript("12:27 — 21.10.2021")).toBe("none");
  });
});

describe("languageStage", () => {
  it("gives short paragraphs the document's language and skips only non-English ones", () => {
    const english = "Russia said on Monday that it would send more troops to the border with Afghanistan.";
    const russian = "Министерство обороны России заявило, что направит дополнительные войска к границе.";
    const doc = docOf([english, "By Jane Roe", russian, "12:27", english].join("\n\n"));
    detectLanguages(doc);
    expect(doc.paragraphs.map((p) => [p.language, p.skip])).toEqual([
      ["eng", false],
      ["eng", false],
      ["rus", true],
      ["eng", false],
      ["eng", false],
    ]);
  });

  it("reads a document of only short lines as und, not skipped", () => {
    const doc = docOf("Title\n\n12:27");
    detectLanguages(doc);
    expect(doc.paragraphs.every((p) => p.language === "und" && !p.skip)).toBe(true);
  });

  it("runs as a stage over a cleaned document", () => {
    const doc = newDocument({
      id: "x",
      source: "x",
      rawText:
        "Headline\n\nLe ministre a déclaré que la Russie enverrait une aide humanitaire.\n\nThe minister said that Russia would send humanitarian aid to the country in the coming weeks.",
      title: "Headline",
      published: null,
      publishedSource: null,
      format: "text",
    });
    Object.assign(doc, cleanText(doc.rawText));
    languageStage.run(doc);
    expect(doc.paragraphs.map((p) => p.language)).toEqual(["eng", "fra", "eng"]);
    expect(doc.paragraphs.map((p) => p.skip)).toEqual([false, true, false]);
  });
});

describe.skipIf(!hasCorpus)(`seed articles${corpusNote}`, () => {
  function seedDoc(file: string) {
    const doc = { ...cleanText(readSeed(file)) };
    detectLanguages(doc);
    return doc.paragraphs.map((p) => ({ ...p, text: doc.text.slice(p.start, p.end) }));
  }

  it("flags the Russian lines of 002 and no English paragraph", () => {
    const paragraphs = seedDoc("002_03711a2154ad3567.txt");
    const skipped = paragraphs.filter((p) => p.skip);
    expect(skipped.map((p) => [p.text, p.language])).toEqual([
      ["Сообщите об орфографической ошибке", "rus"],
      ["Выделенный текст слишком длинный.", "rus"],
    ]);
    expect(paragraphs.filter((p) => !p.skip).every((p) => p.language === "eng")).toBe(true);
  });

  it("keeps 001 English: its one Cyrillic letter sits in an English line (removed as boilerplate anyway)", () => {
    const raw = readSeed("001_6a14e65b67324ede.txt");
    const line = raw.split("\n").find((l) => /[а-я]/.test(l))!;
    expect(line).toContain("TikTok и Viber");
    expect(paragraphLanguage(line)).toBe("eng");
    const paragraphs = seedDoc("001_6a14e65b67324ede.txt");
    expect(paragraphs.filter((p) => p.skip)).toEqual([]);
    expect(paragraphs.every((p) => p.language === "eng")).toBe(true);
  });

  it("reads every paragraph of the other seeds as English", () => {
    for (const file of ["000_3b3149e1899c365f.txt", "003_48e8c2184d1aeb53.txt", "004_120053fc24ae013e.txt"]) {
      const paragraphs = seedDoc(file);
      expect(paragraphs.filter((p) => p.language !== "eng").map((p) => p.text)).toEqual([]);
    }
  });
});
