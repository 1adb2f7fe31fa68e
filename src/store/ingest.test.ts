import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestDatabase, requirePostgres, type TestDatabase } from "../../test/pg-db.js";
import { type FixtureDocument, fixtureInput, makeDocument } from "../../test/pg-fixtures.js";
import type { RawDocument } from "../model/document.js";
import { resolveTarget } from "./config.js";
import { openStore, type Store } from "./connection.js";
import { sourceKey } from "./identity.js";
import { type DocumentReport, ingestDocuments, type ReadProblem } from "./ingest.js";
import { stats } from "./query/records.js";
import { type ReprocessReport, reprocessDocuments } from "./reprocess.js";
import { startRun } from "./runs.js";
import { storeDocument } from "./writer.js";

requirePostgres("src/store/ingest.test.ts");

const FIXTURES: FixtureDocument[] = [
  { id: "a", published: "2022-03-01", events: [{ type: "ACCUSE", actor: "RUS", recipient: "UKR" }] },
  { id: "b", published: "2022-03-02", events: [{ type: "ASSAULT", actor: "RUS", recipient: "UKR" }] },
  { id: "c", published: "2019-01-01", events: [{ type: "CONSULT", actor: "USA", recipient: "NATO" }] },
];

/** Readers hand over raw documents; here the "pipeline" looks the fixture up by id. */
const raw = (f: FixtureDocument): RawDocument => {
  const d = makeDocument(f);
  return {
    id: d.id,
    source: d.source,
    rawText: d.rawText,
    title: d.title,
    published: d.published,
    publishedSource: "metadata",
    format: "text",
  };
};

async function* stream(items: (RawDocument | ReadProblem)[]) {
  for (const item of items) yield item;
}

describe.each(backends())("the ingest and reprocess loops (%s)", (backend) => {
  let db: TestDatabase;
  let store: Store;
  let run: number;
  const fixtures = new Map(FIXTURES.map((f) => [f.id, f]));
  const extract = (r: RawDocument) => {
    if (r.id === "boom") throw new Error("pattern exploded");
    return makeDocument(fixtures.get(r.id) as FixtureDocument);
  };

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    store = await openStore(resolveTarget({ env: db.env }));
    run = await startRun(store, { command: "test", dyadVersion: "0", versions: {}, options: {} });
  });
  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  it("stores documents, counts read and extraction failures, and sees a repeat in the same batch", async () => {
    const reports: DocumentReport[] = [];
    const boom = { ...raw(FIXTURES[0]), id: "boom", source: "/corpus/boom.txt", rawText: "boom" };
    const figures = await ingestDocuments(
      store,
      stream([
        raw(FIXTURES[0]),
        { source: "x.txt", problem: "empty file" },
        boom,
        raw(FIXTURES[1]),
        raw(FIXTURES[0]),
      ]),
      {
        runId: run,
        extractor: "test",
        extract,
        fallbackDate: null,
        batch: 2,
        onDocument: (r) => reports.push(r),
      },
    );
    // Failures are known when read, stored documents when their batch commits.
    expect(reports.map((r) => `${r.source} ${r.status}`).sort()).toEqual([
      "/corpus/a.txt new",
      "/corpus/a.txt unchanged",
      "/corpus/b.txt new",
      "/corpus/boom.txt failed",
      "x.txt failed",
    ]);
    expect(reports.find((r) => r.source === "/corpus/boom.txt")).toMatchObject({
      problem: "extraction failed (pattern exploded)",
    });
    expect(figures).toMatchObject({
      documentsNew: 2,
      documentsUnchanged: 1,
      documentsFailed: 2,
      eventsAdded: 2,
    });
    expect(await stats(store)).toMatchObject({ documents: 2, events: 2, stories: 2 });
  });

  it("stops cleanly between documents when asked", async () => {
    let read = 0;
    let reported = 0;
    const figures = await ingestDocuments(store, stream([raw(FIXTURES[2]), raw(FIXTURES[1])]), {
      runId: run,
      extractor: "test",
      extract: (r) => {
        read++;
        return extract(r);
      },
      fallbackDate: null,
      onDocument: () => reported++,
      shouldStop: () => read >= 1,
    });
    // The document in hand is stored (its batch commits); the next one is never read.
    expect([read, reported]).toEqual([1, 1]);
    expect(figures.documentsNew).toBe(1);
  });

  it("keeps the versions of a document that changes twice within one batch, only the last one live", async () => {
    const v1: FixtureDocument = {
      id: "t",
      published: "2023-05-01",
      events: [{ type: "AID", actor: "USA", recipient: "UKR" }],
    };
    const v2: FixtureDocument = { ...v1, events: [{ type: "AGREE", actor: "USA", recipient: "UKR" }] };
    const v3: FixtureDocument = { ...v1, events: [{ type: "REJECT", actor: "RUS", recipient: "USA" }] };
    const versions = [v1, v2, v3];
    let k = 0;
    const figures = await ingestDocuments(store, stream(versions.map(raw)), {
      runId: run,
      extractor: "test",
      extract: () => makeDocument(versions[k++]),
      fallbackDate: null,
    });
    expect(figures).toMatchObject({ documentsNew: 1, documentsChanged: 2, eventsAdded: 3, eventsRemoved: 2 });
    const rows = await store.db
      .selectFrom("events")
      .innerJoin("documents", "documents.id", "events.document_id")
      .select(["documents.version", "documents.is_current", "events.event_type", "events.live"])
      .where("documents.doc_id", "=", "t")
      .orderBy("documents.version")
      .execute();
    expect(rows).toEqual([
      { version: 1, is_current: 0, event_type: "AID", live: 0 },
      { version: 2, is_current: 0, event_type: "AGREE", live: 0 },
      { version: 3, is_current: 1, event_type: "REJECT", live: 1 },
    ]);
    // The documents of this test leave the counts of the next one as they were.
    await store.db
      .deleteFrom("events")
      .where("document_id", "in", store.db.selectFrom("documents").select("id").where("doc_id", "=", "t"))
      .execute();
    for (const table of ["sentences", "mentions"] as const)
      await store.db
        .deleteFrom(table)
        .where("document_id", "in", store.db.selectFrom("documents").select("id").where("doc_id", "=", "t"))
        .execute();
    await store.db.deleteFrom("documents").where("doc_id", "=", "t").execute();
  });

  it("reprocesses stored text with new knowledge and reports the difference per document", async () => {
    // The dictionaries changed: "a" now also yields a threat; "b" loses its assault.
    fixtures.set("a", {
      ...FIXTURES[0],
      events: [
        ...FIXTURES[0].events,
        { type: "THREATEN", actor: "RUS", recipient: "UKR", verb: "condemned" },
      ],
    });
    fixtures.set("b", { ...FIXTURES[1], events: [] });
    const reports: ReprocessReport[] = [];
    const since = await reprocessDocuments(store, {
      runId: run,
      extractor: "test",
      since: "2022-01-01",
      extract: (r) => extract(r),
      onDocument: (r) => reports.push(r),
    });
    expect(since).toMatchObject({ documents: 2, changed: 2, failed: 0, added: 1, removed: 1 });
    expect(reports.map((r) => [r.docId, r.added, r.removed])).toEqual([
      ["a", 1, 0],
      ["b", 0, 1],
    ]);
    const all = await reprocessDocuments(store, {
      runId: run,
      extractor: "test",
      extract: (r) => extract(r),
    });
    expect(all).toMatchObject({ documents: 3, changed: 0, added: 0, removed: 0 });
    expect(await stats(store)).toMatchObject({ documents: 3, events: 3 });
  });

  it("extracts after all a document whose stored content another writer changed meanwhile", async () => {
    const y: FixtureDocument = {
      id: "y",
      published: "2023-06-01",
      events: [{ type: "AID", actor: "USA", recipient: "UKR" }],
    };
    const yOther: FixtureDocument = { ...y, title: "other", events: [] };
    const x: FixtureDocument = { id: "x", published: "2023-06-02", events: [] };
    const put = (f: FixtureDocument) =>
      storeDocument(
        store,
        fixtureInput(f, run, {
          sourceKey: sourceKey(raw(f)),
          reader: { title: null, published: null, publishedSource: null },
        }),
      );
    await put(y);
    const extracted: string[] = [];
    const figures = await ingestDocuments(store, stream([raw(y), raw(x)]), {
      runId: run,
      extractor: "test",
      fallbackDate: null,
      extract: async (r) => {
        extracted.push(r.id);
        // While "y" waits in the batch as unchanged, another writer stores other content under its key.
        if (r.id === "x") await put(yOther);
        return makeDocument(r.id === "x" ? x : y);
      },
    });
    expect(extracted).toEqual(["x", "y"]);
    expect(figures).toMatchObject({ documentsNew: 1, documentsChanged: 1, documentsUnchanged: 0 });
  });
});
