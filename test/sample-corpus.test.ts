/**
 * The bundled demo corpus (examples/corpus) that `npm start` ingests: every
 * report gets its date from its dateline, and the most active dyads are the
 * relationships the reports are about (the acceptance for the demo).
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dyad, ROOT } from "./pg-cli.js";

const CORPUS = join(ROOT, "examples", "corpus");

interface DyadRow {
  actor: { key: string };
  recipient: { key: string };
  events: number;
}

describe("the bundled sample corpus", () => {
  const dir = mkdtempSync(join(tmpdir(), "dyad-sample-"));
  const env = { DYAD_DB: join(dir, "dyad.db") };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(() => {
    const r = dyad(["ingest", CORPUS], env);
    expect(r.code, r.err).toBe(0);
  });

  it("has at least 15 dated reports from 2015 to 2022, each dated by its dateline", () => {
    const files = readdirSync(CORPUS).filter((f) => f.endsWith(".txt"));
    expect(files.length).toBeGreaterThanOrEqual(15);
    const r = dyad(["extract", CORPUS]);
    expect(r.code, r.err).toBe(0);
    const docs = r.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { doc: { published: string | null; published_source: string | null } });
    expect(docs).toHaveLength(files.length);
    for (const d of docs) {
      expect(d.doc.published).toMatch(/^20(1[5-9]|2[0-2])-\d\d-\d\d$/);
      expect(d.doc.published_source).toBe("dateline");
    }
  });

  it("puts Russia–Tajikistan, Russia–Taliban and United States–Taliban among the five most active dyads", () => {
    const r = dyad(["dyads", "--format", "jsonl", "--limit", "0"], env);
    expect(r.code, r.err).toBe(0);
    const rows = r.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as DyadRow);
    // Pairs in either direction, as the overview ranks them.
    const totals = new Map<string, number>();
    for (const row of rows) {
      const pair = [row.actor.key, row.recipient.key].sort().join("–");
      totals.set(pair, (totals.get(pair) ?? 0) + row.events);
    }
    const top = [...totals]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([pair]) => pair);
    expect(top).toEqual(expect.arrayContaining(["RUS–TJK", "RUS–TALIBAN", "TALIBAN–USA"]));
  });
});
