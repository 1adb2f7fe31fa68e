import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dyad, extractCounts, generateCorpus, SEEDS, statsOf } from "../../test/pg-cli.js";
import { backends, createTestDatabase, requirePostgres, type TestDatabase } from "../../test/pg-db.js";

requirePostgres("src/cli/store-cli.test.ts");

const noTrace = /at .*\.js:\d+/;

describe.each(backends())("dyad ingest and the query commands (%s)", (backend) => {
  let db: TestDatabase;
  let corpus: string;

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    corpus = mkdtempSync(join(tmpdir(), "dyad-corpus-"));
    generateCorpus(corpus, 30);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("stores what extract produces, and stats --format json has exactly its keys", () => {
    const r = dyad(["ingest", "--json", corpus], db.env);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.out);
    expect(summary.documents).toEqual({ new: 30, unchanged: 0, changed: 0, failed: 0 });
    const expected = extractCounts([corpus]);
    const stats = statsOf(db.env);
    expect(Object.keys(stats)).toEqual(["documents", "sentences", "actors", "events", "stories", "runs"]);
    expect(stats).toMatchObject({ documents: 30, sentences: expected.sentences, events: expected.events });
    expect(summary.events.added).toBe(expected.events);
    expect(stats.stories as number).toBeLessThanOrEqual(expected.events);
    expect((stats.actors as number) > 0).toBe(true);
    expect(stats.runs).toEqual([
      expect.objectContaining({ id: 1, command: "ingest", status: "done", documents: summary.documents }),
    ]);
  });

  it("reports a changed file as a new version and keeps the counts of current documents", () => {
    const file = join(corpus, readdirSync(corpus).sort()[0]);
    writeFileSync(file, "Report 0, corrected\n\nMOSCOW, March 01, 2022 - Iran praised Israel on Monday.\n");
    const r = dyad(["ingest", "--json", corpus], db.env);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).documents).toEqual({ new: 0, unchanged: 29, changed: 1, failed: 0 });
    const expected = extractCounts([corpus]);
    expect(statsOf(db.env)).toMatchObject({
      documents: 30,
      sentences: expected.sentences,
      events: expected.events,
    });
  });

  it("answers the query commands in every format", () => {
    const events = dyad(["events", "--format", "jsonl"], db.env);
    expect(events.code).toBe(0);
    const rows = events.out.trim()
      ? events.out
          .trim()
          .split("\n")
          .map((l) => JSON.parse(l))
      : [];
    expect(rows.length).toBe(statsOf(db.env).events);
    for (const row of rows) expect(Object.keys(row)).toEqual(["id", "story", "document", "record"]);
    const csv = dyad(["events", "--format", "csv", "--actor", "russia", "--since", "2022-03"], db.env);
    expect(csv.code).toBe(0);
    expect(csv.out.split("\n")[0]).toMatch(/^id,date,day,event,/);
    for (const args of [
      ["events", "--dyad", "RUS,UKR"],
      ["events", "--text", "Monday", "--limit", "3"],
      ["actors", "--kind", "state"],
      ["actors", "--q", "rus", "--format", "jsonl"],
      ["actor", "russia"],
      ["dyads", "--format", "jsonl"],
      ["search", "Monday"],
      ["stats"],
    ]) {
      const r = dyad(args, db.env);
      expect(r.err, args.join(" ")).toBe("");
      expect(r.code, args.join(" ")).toBe(0);
      expect(r.out.length, args.join(" ")).toBeGreaterThan(0);
    }
    const hits = dyad(["search", "Monday", "--format", "jsonl", "--limit", "5"], db.env);
    const first = JSON.parse(hits.out.split("\n")[0]);
    expect(first.sentence.text).toContain("Monday");
    expect(first.document.source).toContain(corpus);
    if (rows.length) {
      const show = dyad(["show", String(rows[0].id), "--format", "json"], db.env);
      expect(show.code).toBe(0);
      const detail = JSON.parse(show.out);
      expect(detail.record).toEqual(rows[0].record);
      expect(detail.story.id).toBe(rows[0].story.id);
      expect(dyad(["show", String(rows[0].id)], db.env).out).toMatch(/\[A .+\].*\{.+\}/);
    }
  });

  it("reprocess re-reads no file and reports no change when nothing changed", () => {
    const r = dyad(["reprocess", "--json"], db.env);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({
      documents: 30,
      changed: 0,
      failed: 0,
      events: { added: 0, removed: 0 },
    });
  });

  it("refuses unknown actors, types and ids with one line and exit code 2", () => {
    for (const args of [
      ["events", "--actor", "Narnia"],
      ["events", "--type", "HUG"],
      ["events", "--dyad", "RUS"],
      ["events", "--since", "yesterday"],
      ["events", "--format", "xml"],
      ["actor", "Narnia"],
      ["show", "999999"],
      ["show", "abc"],
      ["actors", "--kind", "planet"],
    ]) {
      const r = dyad(args, db.env);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.err.trim().split("\n"), args.join(" ")).toHaveLength(1);
      expect(r.err).not.toMatch(noTrace);
    }
  });
});

describe.skipIf(!existsSync(SEEDS)).each(backends())("the seed articles (%s)", (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(backend);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("twice gives identical counts, the second time as 5 unchanged documents", () => {
    const first = dyad(["ingest", "--json", SEEDS], db.env);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.out).documents).toEqual({ new: 5, unchanged: 0, changed: 0, failed: 0 });
    const before = statsOf(db.env);
    const second = dyad(["ingest", SEEDS], db.env);
    expect(second.code).toBe(0);
    expect(second.out).toMatch(/5 documents .*0 new, 5 unchanged, 0 changed, 0 failed/);
    const after = statsOf(db.env);
    expect({ ...after, runs: null }).toEqual({ ...before, runs: null });
    expect(after.runs).toHaveLength(2);
    expect(extractCounts([SEEDS])).toMatchObject({
      documents: 5,
      events: after.events,
      sentences: after.sentences,
    });
  });
});
