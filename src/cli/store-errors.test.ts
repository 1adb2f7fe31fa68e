/** Database trouble, each as one clear line naming the database and exit code 2, never a stack trace. */
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dyad } from "../../test/pg-cli.js";
import { backends, createTestDatabase, requirePostgres, type TestDatabase } from "../../test/pg-db.js";
import { openStore, resolveTarget, SCHEMA_VERSION } from "../store/index.js";

requirePostgres("src/cli/store-errors.test.ts");

const dir = mkdtempSync(join(tmpdir(), "dyad-errors-"));
const article = join(dir, "a.txt");
writeFileSync(article, "Title\n\nIran condemned Israel on Monday.\n");

function expectOneLine(r: { code: number | null; err: string }, pattern: RegExp) {
  expect(r.code).toBe(2);
  expect(r.err.trim().split("\n")).toHaveLength(1);
  expect(r.err).toMatch(pattern);
  expect(r.err).not.toMatch(/at .*\.js:\d+/);
}

describe("database problems", () => {
  it("a malformed DYAD_DATABASE_URL", () => {
    expectOneLine(
      dyad(["ingest", article], { DYAD_DATABASE_URL: "postgres//dyad@localhost" }),
      /DYAD_DATABASE_URL/,
    );
    expectOneLine(
      dyad(["stats"], { DYAD_DATABASE_URL: "mysql://u:p@h/db" }),
      /must start with postgres:\/\//,
    );
  });

  it("a refused PostgreSQL connection, naming the server without its password", () => {
    const r = dyad(["ingest", article], { DYAD_DATABASE_URL: "postgres://dyad:s3cret@127.0.0.1:1/dyad" });
    expectOneLine(
      r,
      /cannot connect to PostgreSQL at postgres:\/\/dyad@127\.0\.0\.1:1\/dyad: connection refused/,
    );
    expect(r.err).not.toContain("s3cret");
  });

  it("a query on a database that was never created", () => {
    expectOneLine(
      dyad(["events"], { DYAD_DB: join(dir, "none.db") }),
      /no database at .*none\.db: run dyad ingest first/,
    );
    expect(existsSync(join(dir, "none.db"))).toBe(false);
  });

  it("a folder given as the database, and one that cannot be created", () => {
    expectOneLine(dyad(["ingest", "--db", dir, article]), /is a folder, not a database file/);
    expectOneLine(dyad(["ingest", "--db", join(dir, "missing", "x.db"), article]), /cannot open .*x\.db/);
  });

  it.skipIf(!existsSync("/dev/full"))("a full disk", () => {
    expectOneLine(dyad(["ingest", "--db", "/dev/full", article]), /\/dev\/full: the disk is full/);
  });

  it("a database locked by another writer past the busy timeout", () => {
    const path = join(dir, "locked.db");
    expect(dyad(["ingest", "--db", path, article]).code).toBe(0);
    const other = new Database(path);
    other.exec("begin immediate");
    try {
      const r = dyad(["ingest", "--db", path, article], { DYAD_BUSY_TIMEOUT_MS: "200" });
      expectOneLine(r, /locked\.db is locked by another process/);
    } finally {
      other.exec("rollback");
      other.close();
    }
    expect(dyad(["ingest", "--db", path, article]).code).toBe(0);
  });
});

describe.each(backends())("a schema newer than this dyad (%s)", (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(backend);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("is refused before anything is written", async () => {
    expect(dyad(["ingest", article], db.env).code).toBe(0);
    const store = await openStore(resolveTarget({ env: db.env }));
    try {
      await store.db
        .insertInto("dyad_schema")
        .values({
          version: SCHEMA_VERSION + 98,
          name: "from the future",
          applied_at: new Date().toISOString(),
        })
        .execute();
      const message = `database schema is version ${SCHEMA_VERSION + 98}, this dyad knows up to ${SCHEMA_VERSION}: upgrade dyad`;
      expectOneLine(dyad(["ingest", article], db.env), new RegExp(message));
      expectOneLine(dyad(["stats"], db.env), new RegExp(message));
      const runs = await store.db.selectFrom("runs").select("id").execute();
      expect(runs).toHaveLength(1);
    } finally {
      await store.close();
    }
  });
});
