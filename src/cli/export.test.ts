import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { MultiDirectedGraph } from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { parse as parseGraphml } from "graphology-graphml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dyad, generateCorpus, SEEDS } from "../../test/pg-cli.js";
import { backends, createTestDatabase, requirePostgres, type TestDatabase } from "../../test/pg-db.js";

requirePostgres("src/cli/export.test.ts");

const lines = (text: string) => text.split("\n").filter((l) => l.trim() !== "");

describe.each(backends())("dyad export (%s)", (backend) => {
  let db: TestDatabase;
  let events: { id: number; record: { location: { lat: unknown; lon: unknown } | null } }[];
  let pairs: { actor: { key: string }; recipient: { key: string }; events: number }[];

  const run = (args: string[]) => {
    const r = dyad(["export", ...args], db.env);
    expect(r.err, args.join(" ")).toBe("");
    expect(r.code, args.join(" ")).toBe(0);
    return r.out;
  };

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    const corpus = mkdtempSync(join(tmpdir(), "dyad-export-"));
    generateCorpus(corpus, 20, 7);
    const paths = existsSync(SEEDS) ? [corpus, SEEDS] : [corpus];
    const ingest = dyad(["ingest", ...paths], db.env);
    if (ingest.code !== 0) throw new Error(`ingest failed: ${ingest.err}`);
    events = lines(dyad(["events", "--format", "jsonl"], db.env).out).map((l) => JSON.parse(l));
    pairs = lines(dyad(["dyads", "--format", "jsonl"], db.env).out).map((l) => JSON.parse(l));
  });
  afterAll(async () => {
    await db?.drop();
  });

  const expectedGraph = () => ({
    nodes: new Set(pairs.flatMap((p) => [p.actor.key, p.recipient.key])).size,
    edges: pairs.reduce((s, p) => s + p.events, 0),
  });

  it("GEXF parses back with the actors and events `dyad dyads` counts, dated for Gephi's timeline", () => {
    const xml = run(["--format", "gexf"]);
    const graph = parseGexf(MultiDirectedGraph, xml);
    const expected = expectedGraph();
    expect(expected.edges).toBeGreaterThan(0);
    expect({ nodes: graph.order, edges: graph.size }).toEqual(expected);
    expect(xml).toContain('mode="dynamic"');
    expect(xml).toMatch(/<edge [^>]*start="\d{4}-\d{2}-\d{2}" end="\d{4}-\d{2}-\d{2}"/);
    graph.forEachEdge((_e, a) => expect(a.type).toMatch(/^[A-Z]+$/));
  });

  it("GraphML parses back with the same counts", () => {
    const graph = parseGraphml(MultiDirectedGraph, run(["--format", "graphml"]));
    expect({ nodes: graph.order, edges: graph.size }).toEqual(expectedGraph());
  });

  it("CSV round-trips with the rows and ids of `dyad events`", () => {
    const rows = parseCsv(run(["--format", "csv"]), { columns: true }) as Record<string, string>[];
    expect(rows.length).toBe(events.length);
    expect(rows.map((r) => Number(r.id))).toEqual(events.map((e) => e.id));
    expect(Object.keys(rows[0])).toEqual(expect.arrayContaining(["date_precision", "context", "sentence"]));
    expect(rows.every((r) => r.sentence.length > 0)).toBe(true);
  });

  it("GeoJSON holds the located events, each with numeric coordinates", () => {
    const fc = JSON.parse(run(["--format", "geojson"]));
    expect(fc.type).toBe("FeatureCollection");
    const located = events.filter(
      (e) => typeof e.record.location?.lat === "number" && typeof e.record.location?.lon === "number",
    );
    expect(fc.features.length).toBe(located.length);
    for (const f of fc.features) {
      expect(f.geometry.type).toBe("Point");
      expect(f.geometry.coordinates).toHaveLength(2);
      for (const c of f.geometry.coordinates) expect(Number.isFinite(c)).toBe(true);
      expect(f.properties.id).toBe(f.id);
    }
  });

  it("PLOVER JSON Lines carry event_type, the evidence text and Dyad's record", () => {
    const rows = lines(run(["--format", "plover-jsonl"])).map((l) => JSON.parse(l));
    expect(rows.map((r) => r.id)).toEqual(events.map((e) => e.id));
    for (const r of rows) {
      expect(r.event_type).toMatch(/^[A-Z]+$/);
      expect(typeof r.event_text).toBe("string");
      expect(r.dyad.record.event).toBe(r.event_type);
    }
  });

  it("takes the filters of `dyad events`", () => {
    const filtered = lines(dyad(["events", "--format", "jsonl", "--actor", "russia"], db.env).out);
    const rows = lines(run(["--format", "plover-jsonl", "--actor", "russia"]));
    expect(rows.length).toBe(filtered.length);
  });

  it("--out writes the whole file and leaves no temp file", () => {
    const dir = mkdtempSync(join(tmpdir(), "dyad-export-out-"));
    const file = join(dir, "events.csv");
    expect(run(["--format", "csv", "--out", file])).toBe("");
    expect(readFileSync(file, "utf8")).toBe(run(["--format", "csv"]));
    expect(readdirSync(dir)).toEqual(["events.csv"]);
  });

  it("refuses a bad format, a missing format and an unwritable file with one line and exit code 2", () => {
    for (const args of [
      ["--format", "xml"],
      [],
      ["--format", "csv", "--type", "HUG"],
      ["--format", "csv", "--out", join(tmpdir(), "no-such-dir-dyad", "x.csv")],
    ]) {
      const r = dyad(["export", ...args], db.env);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.err.trim().split("\n"), args.join(" ")).toHaveLength(1);
      expect(r.out).toBe("");
    }
  });
});
