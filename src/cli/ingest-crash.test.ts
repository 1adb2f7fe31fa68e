/**
 * kill -9 in the middle of `dyad ingest`: the database must hold whole
 * documents only, and running the same command again must end with the counts
 * of a clean ingest. On every backend.
 */
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, dyad, dyadEnv, generateCorpus, statsOf } from "../../test/pg-cli.js";
import { backends, createTestDatabase, requirePostgres, type TestDatabase } from "../../test/pg-db.js";
import { openStore, resolveTarget, type Store } from "../store/index.js";

requirePostgres("src/cli/ingest-crash.test.ts");

const DOCUMENTS = 1000;
const counts = (s: Record<string, unknown>) => ({ ...s, runs: undefined });

async function documentCount(store: Store): Promise<number> {
  const r = await store.db
    .selectFrom("documents")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Rows that break "whole documents only": each list must be empty. */
async function inconsistencies(store: Store) {
  const partialDocuments = await store.db
    .selectFrom("documents as d")
    .select("d.id")
    .where((eb) =>
      eb.or([
        eb(
          "d.sentence_count",
          "!=",
          eb
            .selectFrom("sentences as s")
            .select(sql<number>`count(*)`.as("n"))
            .whereRef("s.document_id", "=", "d.id"),
        ),
        eb(
          "d.mention_count",
          "!=",
          eb
            .selectFrom("mentions as m")
            .select(sql<number>`count(*)`.as("n"))
            .whereRef("m.document_id", "=", "d.id"),
        ),
        eb(
          "d.event_count",
          "!=",
          eb
            .selectFrom("events as e")
            .select(sql<number>`count(*)`.as("n"))
            .whereRef("e.document_id", "=", "d.id"),
        ),
      ]),
    )
    .execute();
  const miscountedStories = await store.db
    .selectFrom("stories as st")
    .select("st.id")
    .where("st.event_count", "!=", (eb) =>
      eb
        .selectFrom("events as e")
        .select(sql<number>`count(*)`.as("n"))
        .whereRef("e.story_id", "=", "st.id")
        .where("e.live", "=", 1),
    )
    .execute();
  const currentPerSource = await store.db
    .selectFrom("documents")
    .select("source_key")
    .where("is_current", "=", 1)
    .groupBy("source_key")
    .having(sql<number>`count(*)`, ">", 1)
    .execute();
  return { partialDocuments, miscountedStories, currentPerSource };
}

/** Starts `dyad ARGS`, waits until at least `atLeast` documents are stored, kills it with SIGKILL. */
async function killMidway(
  store: () => Promise<Store>,
  args: string[],
  env: Record<string, string>,
  atLeast: number,
) {
  const child = spawn(process.execPath, [BIN, ...args], { env: dyadEnv(env), stdio: "ignore" });
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on("exit", (_code, signal) => resolve(signal)),
  );
  let stored = 0;
  for (let waited = 0; waited < 60_000 && stored < atLeast && child.exitCode === null; waited += 10) {
    await new Promise((r) => setTimeout(r, 10));
    try {
      stored = await documentCount(await store());
    } catch {
      // The child has not created its schema yet.
    }
  }
  child.kill("SIGKILL");
  expect(await exited, "the ingest ended before it was killed").toBe("SIGKILL");
  return documentCount(await store());
}

const whole = { partialDocuments: [], miscountedStories: [], currentPerSource: [] };

describe.each(backends())("dyad ingest killed with SIGKILL (%s)", (backend) => {
  let db: TestDatabase;
  let clean: TestDatabase;
  let corpus: string;
  let store: Store | undefined;
  const open = async () => {
    store ??= await openStore(resolveTarget({ env: db.env }));
    return store;
  };

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    clean = await createTestDatabase(backend);
    corpus = mkdtempSync(join(tmpdir(), "dyad-crash-"));
    generateCorpus(corpus, DOCUMENTS, 7);
  });
  afterAll(async () => {
    await store?.close();
    await db?.drop();
    await clean?.drop();
  });

  it("leaves whole documents only, and the same command then completes the rest", async () => {
    const reference = dyad(["ingest", corpus], clean.env);
    expect(reference.code).toBe(0);

    // Killed after its first commit (default batching), then again one document per transaction.
    const first = await killMidway(open, ["ingest", corpus], db.env, 1);
    expect(first).toBeGreaterThan(0);
    expect(first, "the ingest finished before it was killed: make the corpus larger").toBeLessThan(DOCUMENTS);
    expect(await inconsistencies(await open())).toEqual(whole);
    const second = await killMidway(open, ["ingest", "--batch", "1", corpus], db.env, first + 20);
    expect(second).toBeGreaterThan(first);
    expect(second).toBeLessThan(DOCUMENTS);
    expect(await inconsistencies(await open())).toEqual(whole);
    const runs = await (await open()).db.selectFrom("runs").select(["status", "finished_at"]).execute();
    expect(runs).toEqual([
      { status: "running", finished_at: null },
      { status: "running", finished_at: null },
    ]);

    const again = dyad(["ingest", "--json", corpus], db.env);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out).documents).toEqual({
      new: DOCUMENTS - second,
      unchanged: second,
      changed: 0,
      failed: 0,
    });
    expect(await inconsistencies(await open())).toEqual(whole);
    expect(counts(statsOf(db.env))).toEqual(counts(statsOf(clean.env)));
    expect(statsOf(db.env).documents).toBe(DOCUMENTS);
  });
});
