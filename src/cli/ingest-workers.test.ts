/**
 * `dyad ingest --workers N`: extraction in worker threads must not change what
 * is stored. Same documents, events and stories as `--workers 1`, on every
 * backend; a `--workers 2` ingest killed with SIGKILL leaves whole documents
 * and the same command completes it. The queue commands refuse without
 * PostgreSQL.
 */
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, dyad, dyadEnv, generateCorpus, SEEDS, statsOf } from "../../test/pg-cli.js";
import { backends, createTestDatabase, requirePostgres, type TestDatabase } from "../../test/pg-db.js";
import { storeDigest } from "../../test/store-digest.js";
import { openStore, resolveTarget } from "../store/index.js";

requirePostgres("src/cli/ingest-workers.test.ts");

const DOCUMENTS = 150;
const counts = (s: Record<string, unknown>) => ({ ...s, runs: undefined });

describe.each(backends())("dyad ingest --workers 2 (%s)", (backend) => {
  let one: TestDatabase;
  let two: TestDatabase;
  let corpus: string;

  beforeAll(async () => {
    one = await createTestDatabase(backend);
    two = await createTestDatabase(backend);
    corpus = mkdtempSync(join(tmpdir(), "dyad-workers-"));
    generateCorpus(corpus, DOCUMENTS, 11);
  });
  afterAll(async () => {
    await one?.drop();
    await two?.drop();
  });

  it("stores the same documents, events and stories as --workers 1", async () => {
    const a = dyad(["ingest", "--json", "--workers", "1", corpus, SEEDS], one.env);
    expect(a.code, a.err).toBe(0);
    const b = dyad(["ingest", "--json", "--workers", "2", corpus, SEEDS], two.env);
    expect(b.code, b.err).toBe(0);
    const summary = (out: string) => {
      const { documents, events } = JSON.parse(out);
      return { documents, events };
    };
    expect(summary(b.out)).toEqual(summary(a.out));
    expect(summary(a.out).documents.new).toBe(DOCUMENTS + 5);
    expect(counts(statsOf(two.env))).toEqual(counts(statsOf(one.env)));
    expect(await storeDigest(two.env)).toEqual(await storeDigest(one.env));
    // And the listing users see.
    const list = (env: Record<string, string>) => dyad(["events", "--limit", "50"], env).out;
    expect(list(two.env)).toEqual(list(one.env));

    // Again with threads: everything is recognised as stored.
    const again = dyad(["ingest", "--json", "--workers", "2", corpus, SEEDS], two.env);
    expect(again.code, again.err).toBe(0);
    expect(JSON.parse(again.out).documents).toEqual({
      new: 0,
      unchanged: DOCUMENTS + 5,
      changed: 0,
      failed: 0,
    });
  });
});

describe("dyad ingest --workers 2 killed with SIGKILL (sqlite)", () => {
  let db: TestDatabase;
  let clean: TestDatabase;
  let corpus: string;
  const N = 500;

  beforeAll(async () => {
    db = await createTestDatabase("sqlite");
    clean = await createTestDatabase("sqlite");
    corpus = mkdtempSync(join(tmpdir(), "dyad-workers-kill-"));
    generateCorpus(corpus, N, 5);
  });
  afterAll(async () => {
    await db?.drop();
    await clean?.drop();
  });

  it("leaves whole documents only, and the same command completes the rest", async () => {
    const child = spawn(process.execPath, [BIN, "ingest", "--workers", "2", "--batch", "20", corpus], {
      env: dyadEnv(db.env),
      stdio: "ignore",
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on("exit", (_c, signal) => resolve(signal)),
    );
    const stored = async () => {
      const store = await openStore(resolveTarget({ env: db.env })).catch(() => null);
      if (!store) return 0;
      try {
        const r = await store.db
          .selectFrom("documents")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirst()
          .catch(() => undefined);
        return Number(r?.n ?? 0);
      } finally {
        await store.close();
      }
    };
    let n = 0;
    for (let waited = 0; waited < 60_000 && n < 40 && child.exitCode === null; waited += 50) {
      await new Promise((r) => setTimeout(r, 50));
      n = await stored();
    }
    child.kill("SIGKILL");
    expect(await exited, "the ingest ended before it was killed").toBe("SIGKILL");
    const killed = await stored();
    expect(killed).toBeGreaterThan(0);
    expect(killed).toBeLessThan(N);
    // Whole documents: every stored document has all its sentences and events.
    const store = await openStore(resolveTarget({ env: db.env }));
    try {
      const partial = await store.db
        .selectFrom("documents as d")
        .select("d.id")
        .where((eb) =>
          eb(
            "d.sentence_count",
            "!=",
            eb
              .selectFrom("sentences as s")
              .select((e) => e.fn.countAll<number>().as("n"))
              .whereRef("s.document_id", "=", "d.id"),
          ),
        )
        .execute();
      expect(partial).toEqual([]);
    } finally {
      await store.close();
    }
    const again = dyad(["ingest", "--json", "--workers", "2", corpus], db.env);
    expect(again.code, again.err).toBe(0);
    expect(JSON.parse(again.out).documents).toEqual({
      new: N - killed,
      unchanged: killed,
      changed: 0,
      failed: 0,
    });
    expect(dyad(["ingest", "--workers", "1", corpus], clean.env).code).toBe(0);
    expect(counts(statsOf(db.env))).toEqual(counts(statsOf(clean.env)));
  });
});

describe("queue commands without PostgreSQL", () => {
  it.each([["enqueue", SEEDS], ["worker", "--once"], ["status"]])(
    "dyad %s refuses in one line, exit 2",
    (...args) => {
      const r = dyad(args, { DYAD_DB: join(tmpdir(), "dyad-no-queue.db") });
      expect(r.code).toBe(2);
      expect(r.err.trim().split("\n")).toHaveLength(1);
      expect(r.err).toMatch(/needs PostgreSQL: set DYAD_DATABASE_URL/);
    },
  );
});
