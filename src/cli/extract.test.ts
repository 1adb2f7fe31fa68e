import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const bin = join(root, "dist", "cli", "main.js");
const seeds = join(root, "..", "shared", "corpus", "seeds");
const dir = mkdtempSync(join(tmpdir(), "dyad-cli-"));

function dyad(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { input, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("dyad extract", () => {
  it("prints one JSON object per document with the contract's shape", () => {
    const f = join(dir, "article.txt");
    writeFileSync(f, "Talks in Dushanbe\n\nRussia sent tanks to Tajikistan on Monday, the ministry said.\n");
    const r = dyad(["extract", "--date", "2021-07-14", f]);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split("\n");
    expect(lines).toHaveLength(1);
    const doc = JSON.parse(lines[0]);
    expect(Object.keys(doc)).toEqual(expect.arrayContaining(["doc", "sentences", "actors", "events"]));
    expect(doc.doc).toMatchObject({
      title: "Talks in Dushanbe",
      published: "2021-07-14",
      published_source: "cli",
      language: "eng",
    });
    expect(doc.actors.map((a: { id: string }) => a.id)).toEqual(expect.arrayContaining(["RUS", "TJK"]));
    for (const s of doc.sentences) expect(s.end).toBeGreaterThan(s.start);
  });

  it("reads JSON Lines from stdin", () => {
    const input = `${JSON.stringify({ id: "a", text: "NATO condemned the attack." })}\n${JSON.stringify({ id: "b", text: "Nothing here." })}\n`;
    const r = dyad(["extract", "-"], input);
    expect(r.code).toBe(0);
    expect(
      r.out
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l).doc.id),
    ).toEqual(["a", "b"]);
  });

  it.skipIf(!existsSync(seeds))("prints the five seed articles", () => {
    const r = dyad(["extract", seeds]);
    expect(r.code).toBe(0);
    expect(r.out.trim().split("\n")).toHaveLength(5);
  });

  it("names each bad file on one line, goes on with the rest, and exits 1", () => {
    const good = join(dir, "good.txt");
    const empty = join(dir, "empty.txt");
    const binary = join(dir, "blob.txt");
    const big = join(dir, "big.txt");
    writeFileSync(good, "Title\n\nIran condemned Israel.\n");
    writeFileSync(empty, "   \n");
    writeFileSync(binary, Buffer.from([0, 1, 2, 3, 0, 255, 0, 7, 0, 0]));
    writeFileSync(big, "word ".repeat(3000));
    const r = dyad(["extract", "--max-bytes", "10kb", good, empty, binary, big, join(dir, "missing.txt")]);
    expect(r.code).toBe(1);
    expect(r.out.trim().split("\n")).toHaveLength(1);
    const errors = r.err.trim().split("\n");
    expect(errors).toHaveLength(4);
    expect(errors.join("\n")).not.toMatch(/at .*\.js:\d+/);
    expect(r.err).toContain("empty.txt");
    expect(r.err).toContain("blob.txt");
    expect(r.err).toContain("big.txt");
    expect(r.err).toContain("missing.txt");
  });

  it("exits 2 on usage errors with one clear line", () => {
    for (const args of [
      ["extract", "--format", "xml"],
      ["extract", "--date", "2021-13-45"],
      ["frobnicate"],
    ]) {
      const r = dyad(args);
      expect(r.code).toBe(2);
      expect(r.err.trim().split("\n").length).toBeLessThanOrEqual(2);
      expect(r.err).not.toMatch(/at .*\.js:\d+/);
    }
  });
});
