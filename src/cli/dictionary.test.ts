import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const bin = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "dist", "cli", "main.js");

/** Runs dyad in `cwd` on its default SQLite database (data/dyad.db) with no PostgreSQL URL. */
function dyad(cwd: string, args: string[]) {
  const env = { ...process.env };
  delete env.DYAD_DATABASE_URL;
  delete env.DYAD_DB;
  delete env.DYAD_USER_DICTIONARY;
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, env, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("dyad dictionary export | import", () => {
  it("promotes an unknown name that reprocess then resolves to its state", () => {
    const dir = mkdtempSync(join(tmpdir(), "dyad-dict-"));
    writeFileSync(
      join(dir, "in.jsonl"),
      `${JSON.stringify({ id: "a", text: "Zorbek Tashmatov condemned Russia on Monday.", published: "2021-07-10" })}\n`,
    );
    expect(dyad(dir, ["ingest", "in.jsonl"]).code).toBe(0);
    const before = JSON.parse(dyad(dir, ["events", "--format", "jsonl"]).out.trim().split("\n")[0]);
    expect(before.record.actor).toMatchObject({ kind: "unknown", country: null });

    expect(dyad(dir, ["dictionary", "export", "mine.json"]).code).toBe(0);
    const file = JSON.parse(readFileSync(join(dir, "mine.json"), "utf8"));
    const entry = file.entries.find((e: { name: string }) => e.name === "Zorbek Tashmatov");
    expect(entry).toMatchObject({ kind: "unknown", aliases: ["Zorbek Tashmatov"] });
    Object.assign(entry, { id: "zorbek_tashmatov", kind: "person", country: "UZB", sector: "GOV" });
    writeFileSync(join(dir, "mine.json"), JSON.stringify(file));

    const imported = dyad(dir, ["dictionary", "import", "mine.json"]);
    expect(imported.code).toBe(0);
    expect(existsSync(join(dir, "data", "user-actors.json"))).toBe(true);
    const reprocessed = dyad(dir, ["reprocess"]);
    expect(reprocessed.code).toBe(0);
    expect(reprocessed.out).toMatch(/1 events added, 1 removed/);
    const after = JSON.parse(dyad(dir, ["events", "--format", "jsonl"]).out.trim().split("\n")[0]);
    expect(after.record.actor).toMatchObject({
      id: "zorbek_tashmatov",
      kind: "person",
      country: "UZB",
      sector: "GOV",
    });
    expect(after.record.versions["dict:user"]).toBe(file.version);
  });

  it("refuses a broken file with one line naming it, and writes nothing", () => {
    const dir = mkdtempSync(join(tmpdir(), "dyad-dict-"));
    writeFileSync(
      join(dir, "bad.json"),
      JSON.stringify({ name: "user", version: "1", entries: [{ id: "x", kind: "person" }] }),
    );
    const r = dyad(dir, ["dictionary", "import", "bad.json"]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toMatch(/bad\.json: entries\.0\.name/);
    expect(existsSync(join(dir, "data", "user-actors.json"))).toBe(false);
    const dangling = JSON.stringify({
      name: "user",
      version: "1",
      entries: [{ id: "grp", name: "Group", kind: "igo", aliases: ["Group of Two"], members: ["NOPE"] }],
    });
    writeFileSync(join(dir, "dangling.json"), dangling);
    const d = dyad(dir, ["dictionary", "import", "dangling.json"]);
    expect(d.code).toBe(2);
    expect(d.err).toMatch(/member "NOPE"/);
    expect(existsSync(join(dir, "data", "user-actors.json"))).toBe(false);
  });
});
