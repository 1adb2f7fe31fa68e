import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import type { RawDocument } from "../model/document.js";
import { corpusNote, hasCorpus, seedsDir } from "./fixtures/corpus.js";
import { isReadFailure, type ReadFailure, type ReadOptions, type ReadResult } from "./read-types.js";
import { readInputs } from "./readers.js";

const fixtures = join(import.meta.dirname, "fixtures");
const tmp = mkdtempSync(join(tmpdir(), "dyad-ingest-"));

async function collect(inputs: string[], opts?: ReadOptions): Promise<ReadResult[]> {
  const out: ReadResult[] = [];
  for await (const r of readInputs(inputs, opts)) out.push(r);
  return out;
}
const docs = (rs: ReadResult[]) => rs.filter((r): r is RawDocument => !isReadFailure(r));
const failures = (rs: ReadResult[]) => rs.filter(isReadFailure);

function file(name: string, content: string | Uint8Array): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

describe("plain text", () => {
  it("takes the first non-empty line as title and keeps it in the text", async () => {
    const path = file("plain.txt", "\n\n  Russia hosts talks  \n\nBody sentence here.\n");
    const [doc] = docs(await collect([path]));
    expect(doc).toMatchObject({ id: "plain.txt", source: path, title: "Russia hosts talks", format: "text" });
    expect(doc.rawText).toContain("Russia hosts talks");
    expect(doc.published).toBeNull();
    expect(doc.encoding).toBe("utf-8");
  });

  it("has no title when the first line is a whole paragraph", async () => {
    const [doc] = docs(
      await collect([file("para.txt", `${"A long sentence without a heading. ".repeat(12)}\n`)]),
    );
    expect(doc.title).toBeNull();
  });

  it("decodes windows-1251 files and records the encoding", async () => {
    const text = "Москва и Душанбе договорились о совместных учениях.\nВторая строка.";
    const [doc] = docs(await collect([file("ru.txt", iconv.encode(text, "windows-1251"))]));
    expect(doc).toMatchObject({
      rawText: text,
      encoding: "windows-1251",
      title: "Москва и Душанбе договорились о совместных учениях.",
    });
  });

  it("decodes UTF-16 with a BOM", async () => {
    const text = "Title line\n\nRussia and Tajikistan held talks.";
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, "utf-16le")]);
    const [doc] = docs(await collect([file("u16.txt", bytes)]));
    expect(doc).toMatchObject({ rawText: text, encoding: "utf-16le", title: "Title line" });
  });
});

describe("HTML", () => {
  it("extracts main content, paragraphs and metadata, without script, nav or footer", async () => {
    const [doc] = docs(await collect([join(fixtures, "article.html")]));
    expect(doc.format).toBe("html");
    expect(doc.title).toBe("Moscow hosts Afghan talks");
    // article:published_time comes first among the date sources
    expect(doc).toMatchObject({ published: "2021-10-20", publishedSource: "metadata", author: "Jane Roe" });
    expect(doc.url).toBe("https://news.example.org/world/moscow-hosts-afghan-talks");
    for (const junk of [
      "TRACKING_SCRIPT_TEXT",
      "BODY_SCRIPT_TEXT",
      "STYLE_TEXT",
      "NAV_MENU_ITEM",
      "FOOTER_TEXT",
      "SIDEBAR_HEADLINE",
    ]) {
      expect(doc.rawText).not.toContain(junk);
    }
    const paragraphs = doc.rawText.split("\n\n");
    expect(paragraphs).toContain(
      "The United States declined to take part in the format this time. Officials in Washington said they would follow the talks closely and consult with partners in the region.",
    );
    expect(
      paragraphs.some((p) => p.startsWith("Russian Foreign Minister Sergei Lavrov promised\u00a0that")),
    ).toBe(true);
    expect(doc.rawText).toContain("for help\nwith strengthening");
  });

  it("sniffs HTML content in a file without an .html name and falls back on JSON-LD and <time>", async () => {
    const html = `<!doctype html><html><head><title>T</title><script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2020-02-03T10:00:00Z"}]}</script></head>
      <body><article><p>${"Moscow said it would send aid to Kabul. ".repeat(10)}</p></article></body></html>`;
    const [doc] = docs(await collect([file("page.txt", html)]));
    expect(doc).toMatchObject({ format: "html", published: "2020-02-03", publishedSource: "metadata" });
    const time = `<html><body><article><time datetime="2019-05-06">May 6</time><p>${"Talks went on. ".repeat(20)}</p></article></body></html>`;
    const [doc2] = docs(await collect([file("time.html", time)]));
    expect(doc2.published).toBe("2019-05-06");
  });
});

describe("HTML, small and legacy pages", () => {
  it("keeps menus and footers out of short pages too", async () => {
    const html =
      "<html><head><title>Tiny</title></head><body><nav>Menu Home</nav><p>Short text here.</p><footer>Foot</footer></body></html>";
    const [doc] = docs(await collect([file("tiny.html", html)]));
    expect(doc).toMatchObject({ rawText: "Short text here.", title: "Tiny" });
  });

  it("decodes a windows-1251 page by its bytes and its declared charset", async () => {
    const html = `<html><head><meta charset="windows-1251"><title>Новости</title></head><body><article><p>${"Москва и Душанбе договорились о совместных учениях. ".repeat(8)}</p></article></body></html>`;
    const [doc] = docs(await collect([file("ru.html", iconv.encode(html, "windows-1251"))]));
    expect(doc).toMatchObject({ encoding: "windows-1251", title: "Новости", format: "html" });
    expect(doc.rawText).toContain("Москва и Душанбе договорились");
  });

  it("reports a page without text", async () => {
    const path = file("blank.html", "<html><body><nav>Only a menu</nav></body></html>");
    expect(await collect([path])).toEqual([{ source: path, problem: "HTML page has no readable text" }]);
  });
});

describe("JSON Lines", () => {
  it("reads good lines and names file:line for bad ones", async () => {
    const path = join(fixtures, "mixed.jsonl");
    const rs = await collect([path]);
    expect(docs(rs).map((d) => d.id)).toEqual(["a1", "a2", "5"]);
    expect(failures(rs)).toEqual([
      { source: `${path}:3`, problem: expect.stringMatching(/^invalid JSON/) },
      { source: `${path}:5`, problem: 'missing "text" (a string)' },
    ]);
    const [a1, a2, a5] = docs(rs);
    expect(a1).toMatchObject({
      title: "First",
      published: "1987-02-26",
      publishedSource: "jsonl",
      source: "Wire",
      format: "jsonl",
    });
    expect(a2).toMatchObject({
      published: "2021-08-15",
      url: "https://example.org/a2",
      source: `${path}:2`,
      title: null,
    });
    expect(a5).toMatchObject({ published: null, publishedSource: null });
  });

  it("applies the size limit per line", async () => {
    const big = JSON.stringify({ id: "big", text: "x".repeat(5000) });
    const path = file("sizes.jsonl", `${big}\n{"id":"small","text":"ok"}\n`);
    const rs = await collect([path], { maxBytes: 1000 });
    expect(failures(rs)).toEqual([
      { source: `${path}:1`, problem: "line is 4.9 KB, over the 1000 bytes limit (--max-bytes)" },
    ]);
    expect(docs(rs).map((d) => d.id)).toEqual(["small"]);
  });

  it("streams standard input: the first document arrives before the input ends", async () => {
    const stdin = new PassThrough();
    const it = readInputs(["-"], { stdin })[Symbol.asyncIterator]();
    stdin.write('{"id":"s1","text":"First."}\n');
    const first = await it.next();
    expect((first.value as RawDocument).id).toBe("s1");
    stdin.end('{"text":"No id."}\nnot json\n');
    const rest: ReadResult[] = [];
    for (let r = await it.next(); !r.done; r = await it.next()) rest.push(r.value);
    expect(rest).toEqual([
      expect.objectContaining({ id: "stdin:2", rawText: "No id." }),
      { source: "stdin:3", problem: expect.stringMatching(/^invalid JSON/) },
    ]);
  });

  it("takes non-JSON standard input as one plain-text document", async () => {
    const stdin = new PassThrough();
    stdin.end("Headline\n\nRussia sent troops.\n");
    const [doc] = docs(await collect(["-"], { stdin }));
    expect(doc).toMatchObject({ id: "stdin:1", title: "Headline", format: "text" });
    expect(doc.rawText).toContain("Russia sent troops.");
  });
});

describe("directories and bad input", () => {
  it("walks folders recursively in sorted order, skipping dotfiles", async () => {
    const dir = join(tmp, "tree");
    mkdirSync(join(dir, "b", "c"), { recursive: true });
    mkdirSync(join(dir, ".hidden"), { recursive: true });
    writeFileSync(join(dir, "z.txt"), "Z title\nbody");
    writeFileSync(join(dir, "a.txt"), "A title\nbody");
    writeFileSync(join(dir, "b", "c", "d.txt"), "D title\nbody");
    writeFileSync(join(dir, ".DS_Store"), "junk");
    writeFileSync(join(dir, ".hidden", "e.txt"), "hidden");
    expect(docs(await collect([dir])).map((d) => d.id)).toEqual(["a.txt", "b/c/d.txt", "z.txt"]);
  });

  it("yields nothing for an empty folder", async () => {
    const dir = join(tmp, "empty-dir");
    mkdirSync(dir);
    expect(await collect([dir])).toEqual([]);
  });

  it("reports missing, empty, whitespace-only, binary and over-size files, and goes on", async () => {
    const missing = join(tmp, "nope.txt");
    const empty = file("empty.txt", "");
    const blank = file("blank.txt", "  \n\t\n \u00a0 \n");
    const binary = file(
      "image.png",
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
    );
    const big = file("big.txt", "word ".repeat(6000));
    const good = file("good.txt", "Fine\ntext");
    const rs = await collect([missing, empty, blank, binary, big, good], { maxBytes: 25_000 });
    expect(failures(rs)).toEqual<ReadFailure[]>([
      { source: missing, problem: "file not found" },
      { source: empty, problem: "empty file" },
      { source: blank, problem: "empty file" },
      { source: binary, problem: "binary file, not text" },
      { source: big, problem: "file is 29.3 KB, over the 24.4 KB limit (--max-bytes)" },
    ]);
    expect(docs(rs).map((d) => d.id)).toEqual(["good.txt"]);
  });

  it("words the default limit in MB", async () => {
    const big = file("huge.txt", Buffer.alloc(21 * 1024 * 1024 + 300 * 1024, 0x61));
    expect(await collect([big])).toEqual([
      { source: big, problem: "file is 21.3 MB, over the 20 MB limit (--max-bytes)" },
    ]);
  });

  it.skipIf(process.getuid?.() === 0)("reports unreadable files", async () => {
    const locked = file("locked.txt", "secret");
    chmodSync(locked, 0o000);
    expect(await collect([locked])).toEqual([{ source: locked, problem: "permission denied" }]);
  });
});

describe.skipIf(!hasCorpus)(`seed articles${corpusNote}`, () => {
  it("reads the seed folder as five text documents with titles", async () => {
    const rs = await collect([seedsDir]);
    expect(failures(rs)).toEqual([]);
    const seeds = docs(rs);
    expect(seeds.map((d) => d.id)).toEqual([
      "000_3b3149e1899c365f.txt",
      "001_6a14e65b67324ede.txt",
      "002_03711a2154ad3567.txt",
      "003_48e8c2184d1aeb53.txt",
      "004_120053fc24ae013e.txt",
    ]);
    expect(seeds[1].title).toBe(
      "Taliban in Moscow: Russia is slowing down the scenario the US was counting on",
    );
    // 003 starts directly with its first paragraph: no title line.
    expect(seeds[3].title).toBeNull();
  });
});
