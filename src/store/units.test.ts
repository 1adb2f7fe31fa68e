import { describe, expect, it } from "vitest";
import { resolveTarget } from "./config.js";
import { periodOf, sinceBound, untilBound } from "./dates.js";
import { StoreError, toStoreError } from "./errors.js";
import { toFts5Query } from "./fts.js";
import { contentHash, sourceKey } from "./identity.js";
import { loadPloverTypes, parsePloverTypes } from "./plover-types.js";
import { actorKey } from "./stories.js";

describe("database target", () => {
  it("prefers DYAD_DATABASE_URL, then --db, then DYAD_DB, then data/dyad.db", () => {
    const url = "postgres://dyad:secret@db.example:5433/dyad";
    expect(resolveTarget({ db: "x.db", env: { DYAD_DATABASE_URL: url } })).toMatchObject({
      kind: "postgres",
      label: "postgres://dyad@db.example:5433/dyad",
    });
    expect(resolveTarget({ db: "x.db", env: { DYAD_DB: "y.db" }, cwd: "/w" })).toMatchObject({
      path: "/w/x.db",
    });
    expect(resolveTarget({ env: { DYAD_DB: "y.db" }, cwd: "/w" })).toMatchObject({
      path: "/w/y.db",
      isDefault: false,
    });
    expect(resolveTarget({ env: {}, cwd: "/w" })).toMatchObject({ path: "/w/data/dyad.db", isDefault: true });
  });

  it("names what is wrong with a malformed URL, without echoing a password", () => {
    for (const [url, problem] of [
      ["mysql://u:p@h/db", /must start with postgres:\/\//],
      ["postgres://u:p@h", /names no database/],
      ["postgres://u:pw@h:99999/db", /not a valid URL/],
      ["not a url", /not a valid URL/],
    ] as const) {
      const err = (() => {
        try {
          resolveTarget({ env: { DYAD_DATABASE_URL: url } });
        } catch (e) {
          return e as Error;
        }
      })();
      expect(err, url).toBeInstanceOf(StoreError);
      expect(err?.message).toMatch(problem);
      expect(err?.message).not.toContain("pw");
    }
  });
});

describe("driver errors as one line naming the database", () => {
  const cases: [object, RegExp][] = [
    [{ code: "SQLITE_BUSY", message: "database is locked" }, /db\.sqlite is locked by another process/],
    [{ code: "SQLITE_READONLY", message: "attempt to write a readonly database" }, /db\.sqlite is read-only/],
    [{ code: "SQLITE_FULL", message: "database or disk is full" }, /disk is full/],
    [{ code: "ENOSPC", message: "no space left" }, /disk is full/],
    [{ code: "SQLITE_CANTOPEN", message: "unable to open database file" }, /cannot open db\.sqlite/],
    [{ code: "ECONNREFUSED", message: "connect ECONNREFUSED" }, /connection refused/],
    [{ errors: [{ code: "ECONNREFUSED" }], message: "" }, /connection refused/],
    [{ code: "28P01", message: 'password authentication failed for user "dyad"' }, /login refused/],
    [{ code: "3D000", message: 'database "x" does not exist' }, /database does not exist/],
  ];
  for (const [err, expected] of cases) {
    it(`${(err as { code?: string }).code ?? "AggregateError"}`, () => {
      const message = toStoreError(err, "db.sqlite").message;
      expect(message).toMatch(expected);
      expect(message).toContain("db.sqlite");
      expect(message).not.toContain("\n");
    });
  }
});

describe("full-text queries for FTS5", () => {
  it("quotes every word so no input is read as FTS5 syntax", () => {
    expect(toFts5Query("troops border")).toBe('("troops" AND "border")');
    expect(toFts5Query('"peace talks" Taliban')).toBe('("peace talks" AND "Taliban")');
    expect(toFts5Query("Russia OR Iran -sanctions")).toBe('("Russia") OR ("Iran" NOT "sanctions")');
    expect(toFts5Query('a"b NEAR(x) col:y *')).toBe('("a""b" AND "NEAR(x)" AND "col:y")');
    expect(toFts5Query("-only -negative")).toBeNull();
    expect(toFts5Query("  ?! ")).toBeNull();
  });
});

describe("partial dates as periods", () => {
  it("turns years and months into their first and last days", () => {
    expect(periodOf("2021")).toEqual({ start: "2021-01-01", end: "2021-12-31" });
    expect(periodOf("2024-02")).toEqual({ start: "2024-02-01", end: "2024-02-29" });
    expect(periodOf("2021-07-14")).toEqual({ start: "2021-07-14", end: "2021-07-14" });
    expect(periodOf("July")).toBeNull();
    expect([sinceBound("2021-07"), untilBound("2021-07")]).toEqual(["2021-07-01", "2021-07-31"]);
  });
});

describe("document identity", () => {
  it("keys files by absolute path and JSONL records by container and id, not line number", () => {
    expect(sourceKey({ id: "a.txt", source: "corpus/a.txt", format: "text" }, "/w")).toBe(
      "file:/w/corpus/a.txt",
    );
    expect(sourceKey({ id: "42", source: "news.jsonl:7", format: "jsonl" }, "/w")).toBe(
      "jsonl:/w/news.jsonl#42",
    );
    expect(sourceKey({ id: "42", source: "news.jsonl:9", format: "jsonl" }, "/w")).toBe(
      "jsonl:/w/news.jsonl#42",
    );
    expect(sourceKey({ id: "news.jsonl:7", source: "news.jsonl:7", format: "jsonl" }, "/w")).toBe(
      "jsonl:/w/news.jsonl:7",
    );
    expect(sourceKey({ id: "7", source: "BBC News", format: "jsonl" }, "/w")).toBe("jsonl:BBC News#7");
    expect(sourceKey({ id: "3", source: "stdin:3", format: "jsonl" }, "/w")).toBe("jsonl:stdin#3");
  });

  it("hashes the raw text with sha256", () => {
    expect(contentHash("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});

describe("state/organisation level keys", () => {
  const base = { name: "x", affiliation: null };
  it("counts organs and officials as their state, members as their group, others as themselves", () => {
    expect(actorKey({ ...base, id: "RUS", kind: "state", country: "RUS", sector: "GOV" })).toBe("RUS");
    expect(actorKey({ ...base, id: "PUTIN", kind: "person", country: "RUS", sector: "GOV" })).toBe("RUS");
    expect(actorKey({ ...base, id: "FSB", kind: "organization", country: "RUS", sector: "SPY" })).toBe("RUS");
    expect(actorKey({ ...base, id: "NAVALNY", kind: "person", country: "RUS", sector: "OPP" })).toBe(
      "NAVALNY",
    );
    expect(actorKey({ ...base, id: "NATO", kind: "igo", country: null, sector: null })).toBe("NATO");
    expect(
      actorKey({
        id: "MUJAHID",
        name: "Zabihullah Mujahid",
        kind: "person",
        country: "AFG",
        sector: "REB",
        affiliation: { id: "TALIBAN", name: "Taliban" },
      }),
    ).toBe("TALIBAN");
  });
});

describe("dictionaries/plover-types.json", () => {
  it("weights all 16 types, cooperation above zero and conflict below, REQUEST as verbal cooperation", () => {
    const t = loadPloverTypes();
    expect(Object.keys(t.weight)).toHaveLength(16);
    expect(t.quad.REQUEST).toBe("verbal_cooperation");
    expect(t.quad.ASSAULT).toBe("material_conflict");
    expect(t.weight.AID).toBeGreaterThan(0);
    expect(t.weight.ASSAULT).toBeLessThan(t.weight.ACCUSE);
  });

  it("refuses a conflict type with a cooperative weight, naming the field", () => {
    const t = loadPloverTypes();
    const types = Object.fromEntries(
      Object.entries(t.quad).map(([k, quad]) => [k, { quad, weight: t.weight[k as keyof typeof t.weight] }]),
    );
    types.ASSAULT.weight = 5;
    expect(() => parsePloverTypes("f.json", { name: "x", version: "1", types } as never)).toThrow(
      /types\.ASSAULT\.weight/,
    );
  });
});
