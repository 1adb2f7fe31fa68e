import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { declaredCharset, decodeBytes, guessSingleByte, looksBinary } from "./encoding.js";

const russian = "Министр иностранных дел России Сергей Лавров заявил, что Москва поможет Таджикистану.";
const french =
  "Le ministre des Affaires étrangères a déclaré que la Russie aiderait le Tadjikistan. À bientôt, où ça ?";
const german =
  "Der Außenminister äußerte sich über die Lage in Afghanistan: Überfälle, Grenzübergänge, Größe.";

describe("decodeBytes", () => {
  it("reads UTF-8 with and without a BOM, dropping the BOM", () => {
    const plain = Buffer.from(russian, "utf8");
    expect(decodeBytes(plain)).toEqual({ text: russian, encoding: "utf-8" });
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), plain]);
    expect(decodeBytes(withBom)).toEqual({ text: russian, encoding: "utf-8" });
  });

  it("reads UTF-16 LE and BE by their BOM", () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(french, "utf-16le")]);
    expect(decodeBytes(le)).toEqual({ text: french, encoding: "utf-16le" });
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(german, "utf-16be")]);
    expect(decodeBytes(be)).toEqual({ text: german, encoding: "utf-16be" });
  });

  it("recognises UTF-16 LE without a BOM from its zero bytes", () => {
    expect(decodeBytes(iconv.encode(german, "utf-16le"))).toEqual({ text: german, encoding: "utf-16le" });
  });

  it("decodes Russian in windows-1251", () => {
    const bytes = iconv.encode(russian, "windows-1251");
    expect(guessSingleByte(bytes)).toBe("windows-1251");
    expect(decodeBytes(bytes)).toEqual({ text: russian, encoding: "windows-1251" });
  });

  it("decodes French and German in windows-1252", () => {
    for (const text of [french, german, `“Quoted” – ${french}`]) {
      const bytes = iconv.encode(text, "windows-1252");
      expect(decodeBytes(bytes)).toEqual({ text, encoding: "windows-1252" });
    }
  });

  it("keeps an English text with a few Cyrillic words in 1251 as 1251", () => {
    const mixed = `Russian media (РИА Новости, ТАСС) reported: ${russian}`;
    expect(decodeBytes(iconv.encode(mixed, "windows-1251"))).toEqual({
      text: mixed,
      encoding: "windows-1251",
    });
  });
});

describe("looksBinary", () => {
  it("flags NUL bytes and control-character noise, not text", () => {
    expect(looksBinary(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]))).toBe(true);
    expect(looksBinary(Buffer.from("\x01\x02\x03\x04abc\x05\x06\x07\x08", "latin1"))).toBe(true);
    expect(looksBinary(Buffer.from("Plain text\twith tabs\r\nand lines\f", "utf8"))).toBe(false);
    expect(looksBinary(iconv.encode(russian, "windows-1251"))).toBe(false);
  });
});

describe("declared charsets", () => {
  it("uses an HTML page's declared charset when the bytes are not UTF-8", () => {
    const html = '<html><head><meta charset="koi8-r"></head><body><p>Москва и Душанбе</p></body></html>';
    const bytes = iconv.encode(html, "koi8-r");
    expect(declaredCharset(bytes)).toBe("koi8-r");
    expect(decodeBytes(bytes, declaredCharset(bytes))).toEqual({ text: html, encoding: "koi8-r" });
  });

  it("ignores a declared charset when the bytes are valid UTF-8", () => {
    const html = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><p>Москва</p>';
    const bytes = Buffer.from(html, "utf8");
    expect(declaredCharset(bytes)).toBe("windows-1251");
    expect(decodeBytes(bytes, "windows-1251").encoding).toBe("utf-8");
  });
});
