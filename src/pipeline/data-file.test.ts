import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DataFileError, loadDataFile } from "./data-file.js";

const schema = z.object({ version: z.string(), entries: z.array(z.object({ id: z.string() })) });
const dir = mkdtempSync(join(tmpdir(), "dyad-data-"));

describe("loadDataFile", () => {
  it("names the file and the field that is wrong", () => {
    const f = join(dir, "bad.json");
    writeFileSync(f, JSON.stringify({ version: "1", entries: [{ id: 3 }] }));
    expect(() => loadDataFile(f, schema)).toThrow(DataFileError);
    expect(() => loadDataFile(f, schema)).toThrow(/bad\.json: entries\.0\.id: /);
  });

  it("says when the JSON does not parse or the file is missing", () => {
    const f = join(dir, "broken.json");
    writeFileSync(f, "{ version: ");
    expect(() => loadDataFile(f, schema)).toThrow(/broken\.json: not valid JSON/);
    expect(() => loadDataFile(join(dir, "none.json"), schema)).toThrow(/none\.json: cannot read \(ENOENT\)/);
  });

  it("returns the parsed data when valid", () => {
    const f = join(dir, "ok.json");
    writeFileSync(f, JSON.stringify({ version: "1", entries: [{ id: "a" }] }));
    expect(loadDataFile(f, schema).entries[0].id).toBe("a");
  });
});
