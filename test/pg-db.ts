/**
 * Test databases for the store: a temp SQLite file, or a fresh PostgreSQL
 * database per test file (dyad_test_<random>, dropped afterwards) on the server
 * named by DYAD_TEST_DATABASE_URL, so test files can run in parallel.
 *
 * Without DYAD_TEST_DATABASE_URL the PostgreSQL tests are skipped with a
 * message, except under CI (env CI set), where a missing URL fails the run.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { it } from "vitest";

export const PG_URL = process.env.DYAD_TEST_DATABASE_URL?.trim() || null;

export interface TestDatabase {
  backend: "sqlite" | "postgres";
  /** Environment for a spawned `dyad` (DYAD_DB or DYAD_DATABASE_URL). */
  env: Record<string, string>;
  /** SQLite file path, or the PostgreSQL URL. */
  location: string;
  drop(): Promise<void>;
}

export type Backend = "sqlite" | "postgres";

/** The backends to run a suite on: SQLite always, PostgreSQL when a server is configured. */
export function backends(): Backend[] {
  return PG_URL ? ["sqlite", "postgres"] : ["sqlite"];
}

let warned = false;

/**
 * Call once at the top of a test file that has PostgreSQL cases: says why they
 * are skipped, or fails under CI when they would be.
 */
export function requirePostgres(file: string): void {
  if (PG_URL) return;
  if (process.env.CI) {
    it("has a PostgreSQL server (DYAD_TEST_DATABASE_URL)", () => {
      throw new Error(
        `${file}: DYAD_TEST_DATABASE_URL is not set, and CI requires the PostgreSQL tests (run test/pg-setup.sh)`,
      );
    });
    return;
  }
  if (!warned) {
    warned = true;
    console.warn(
      `${file}: PostgreSQL tests skipped: set DYAD_TEST_DATABASE_URL (test/pg-setup.sh prints one) to run them`,
    );
  }
}

export async function createTestDatabase(backend: Backend): Promise<TestDatabase> {
  if (backend === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "dyad-store-"));
    const path = join(dir, "dyad.db");
    return {
      backend,
      env: { DYAD_DB: path },
      location: path,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  if (!PG_URL) throw new Error("DYAD_TEST_DATABASE_URL is not set");
  const name = `dyad_test_${randomBytes(6).toString("hex")}`;
  await admin(async (client) => {
    await client.query(`create database ${client.escapeIdentifier(name)}`);
  });
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return {
    backend,
    env: { DYAD_DATABASE_URL: url.toString() },
    location: url.toString(),
    drop: () => dropDatabase(name),
  };
}

/**
 * Drops a test database, ending its sessions. A backend that is still winding
 * down (a killed ingest's, or autovacuum's after a big write) can refuse for a
 * moment: retry, and in the end leave the database with a warning rather than
 * fail a test over its clean-up.
 */
async function dropDatabase(name: string): Promise<void> {
  let last: unknown;
  for (let attempt = 0; attempt < 10; attempt++) {
    try {
      await admin(async (client) => {
        await client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`);
      });
      return;
    } catch (e) {
      last = e;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  console.warn(`test database ${name} left behind: ${(last as Error).message}`);
}

async function admin(fn: (client: pg.Client) => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL as string });
  await client.connect();
  try {
    await fn(client);
  } finally {
    await client.end();
  }
}
