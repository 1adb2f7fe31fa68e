import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestDatabase, requirePostgres, type TestDatabase } from "../../test/pg-db.js";
import { type FixtureDocument, fixtureInput, makeDocument } from "../../test/pg-fixtures.js";
import { toOutput } from "../pipeline/output.js";
import { resolveTarget } from "./config.js";
import { openStore, type Store } from "./connection.js";
import { documentOutput, stats } from "./query/records.js";
import { replaceExtraction } from "./reprocess.js";
import { startRun } from "./runs.js";
import { storeDocument } from "./writer.js";

requirePostgres("src/store/writer.test.ts");

describe.each(backends())("writing documents (%s)", (backend) => {
  let db: TestDatabase;
  let store: Store;
  let run: number;

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    store = await openStore(resolveTarget({ env: db.env }));
    run = await startRun(store, { command: "test", dyadVersion: "0", versions: {}, options: {} });
  });
  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  const put = (f: FixtureDocument) => storeDocument(store, fixtureInput(f, run));
  const story = (eventId: number) =>
    store.db
      .selectFrom("events")
      .innerJoin("stories", "stories.id", "events.story_id")
      .select([
        "stories.id",
        "stories.event_count",
        "stories.document_count",
        "stories.first_date",
        "stories.last_date",
      ])
      .where("events.id", "=", eventId)
      .executeTakeFirstOrThrow();
  const eventIds = async (documentId: number) =>
    (
      await store.db
        .selectFrom("events")
        .select("id")
        .where("document_id", "=", documentId)
        .orderBy("id")
        .execute()
    ).map((r) => r.id);

  it("stores a document and gives back exactly what extract printed for it", async () => {
    const f: FixtureDocument = {
      id: "a1",
      published: "2022-03-01",
      events: [
        { type: "ACCUSE", actor: "RUS", recipient: "UKR" },
        { type: "MOBILIZE", actor: "RUS", recipient: null, date: "2022-02" },
      ],
      filler: "Nothing else happened.",
    };
    const r = await put(f);
    expect(r).toMatchObject({ status: "new", eventsAdded: 2, eventsRemoved: 0 });
    expect(await documentOutput(store, r.documentId)).toEqual(toOutput(makeDocument(f)));
    const sentences = await store.db
      .selectFrom("sentences")
      .selectAll()
      .where("document_id", "=", r.documentId)
      .execute();
    expect(sentences.map((s) => s.text)).toEqual([
      "Russia condemned Ukraine.",
      "Russia mobilised troops.",
      "Nothing else happened.",
    ]);
    const month = await store.db
      .selectFrom("events")
      .selectAll()
      .where("document_id", "=", r.documentId)
      .orderBy("id")
      .execute();
    expect(month.map((e) => [e.date_start, e.date_end, e.actor_key, e.recipient_key])).toEqual([
      ["2022-03-01", "2022-03-01", "RUS", "UKR"],
      ["2022-02-01", "2022-02-28", "RUS", null],
    ]);
  });

  it("reports the same content again as unchanged and writes nothing new", async () => {
    const before = await stats(store);
    const r = await put({
      id: "a1",
      published: "2022-03-01",
      events: [
        { type: "ACCUSE", actor: "RUS", recipient: "UKR" },
        { type: "MOBILIZE", actor: "RUS", recipient: null, date: "2022-02" },
      ],
      filler: "Nothing else happened.",
    });
    expect(r.status).toBe("unchanged");
    const after = await stats(store);
    expect({ ...after, runs: [] }).toEqual({ ...before, runs: [] });
  });

  it("keeps the old version when the content changes, and only the new version's events are live", async () => {
    const first = await put({
      id: "v",
      published: "2022-05-01",
      events: [{ type: "ASSAULT", actor: "RUS", recipient: "UKR" }],
    });
    const oldEvent = (await eventIds(first.documentId))[0];
    expect((await story(oldEvent)).event_count).toBe(1);
    const second = await put({
      id: "v",
      published: "2022-05-01",
      events: [
        { type: "ASSAULT", actor: "RUS", recipient: "UKR", verb: "shelled" },
        { type: "AID", actor: "USA", recipient: "UKR" },
      ],
    });
    expect(second).toMatchObject({ status: "changed", eventsAdded: 2, eventsRemoved: 1 });
    const versions = await store.db
      .selectFrom("documents")
      .select(["id", "version", "is_current"])
      .where("doc_id", "=", "v")
      .orderBy("version")
      .execute();
    expect(versions).toEqual([
      { id: first.documentId, version: 1, is_current: 0 },
      { id: second.documentId, version: 2, is_current: 1 },
    ]);
    const old = await store.db
      .selectFrom("events")
      .select("live")
      .where("id", "=", oldEvent)
      .executeTakeFirstOrThrow();
    expect(old.live).toBe(0);
    // The replaced report no longer counts; the new one joined the same story.
    const assault = (await eventIds(second.documentId))[0];
    expect(await story(assault)).toMatchObject({
      id: (await story(oldEvent)).id,
      event_count: 1,
      document_count: 1,
    });
  });

  it("groups the same happening from different outlets into one story, and keeps every report", async () => {
    const a = await put({
      id: "s1",
      published: "2021-08-16",
      events: [{ type: "ACCUSE", actor: "USA", recipient: "TALIBAN" }],
    });
    const b = await put({
      id: "s2",
      published: "2021-08-19",
      // A member of the group counts as the group; the state's organ as the state.
      events: [{ type: "ACCUSE", actor: "USA", recipient: "MUJAHID" }],
    });
    const c = await put({
      id: "s3",
      published: "2021-08-30",
      events: [{ type: "ACCUSE", actor: "USA", recipient: "TALIBAN" }],
    });
    const [ea] = await eventIds(a.documentId);
    const [eb] = await eventIds(b.documentId);
    const [ec] = await eventIds(c.documentId);
    const sa = await story(ea);
    expect(sa).toMatchObject({
      event_count: 2,
      document_count: 2,
      first_date: "2021-08-16",
      last_date: "2021-08-19",
    });
    expect((await story(eb)).id).toBe(sa.id);
    expect((await story(ec)).id).not.toBe(sa.id);
    const all = await store.db
      .selectFrom("events")
      .select("id")
      .where("live", "=", 1)
      .where("recipient_key", "=", "TALIBAN")
      .execute();
    expect(all).toHaveLength(3);
  });

  it("keys state organs by their state: Putin and Russia share a story", async () => {
    const a = await put({
      id: "p1",
      published: "2023-01-10",
      events: [{ type: "THREATEN", actor: "PUTIN", recipient: "NATO" }],
    });
    const b = await put({
      id: "p2",
      published: "2023-01-12",
      events: [{ type: "THREATEN", actor: "RUS", recipient: "NATO" }],
    });
    const sa = await story((await eventIds(a.documentId))[0]);
    expect((await story((await eventIds(b.documentId))[0])).id).toBe(sa.id);
  });

  it("reprocessing keeps unchanged events (same id and story) and reports added and removed ones", async () => {
    const f: FixtureDocument = {
      id: "r",
      published: "2024-02-02",
      events: [
        { type: "CONSULT", actor: "USA", recipient: "UKR" },
        { type: "ACCUSE", actor: "RUS", recipient: "USA" },
      ],
    };
    const r = await put(f);
    const [consult, accuse] = await eventIds(r.documentId);
    const doc = makeDocument(f);
    doc.events = [doc.events[0]];
    doc.events[0].pattern = "CONSULT.renamed";
    doc.events.push({ ...doc.events[0], id: "2", event: "AGREE", pattern: "AGREE.new" });
    const diff = await replaceExtraction(store, r.documentId, doc, run, "test");
    expect(diff).toEqual({ added: 1, removed: 1 });
    const ids = await eventIds(r.documentId);
    expect(ids).toContain(consult);
    expect(ids).not.toContain(accuse);
    const kept = await store.db
      .selectFrom("events")
      .select("pattern")
      .where("id", "=", consult)
      .executeTakeFirstOrThrow();
    expect(kept.pattern).toBe("CONSULT.renamed");
    expect((await documentOutput(store, r.documentId)).events.map((e) => e.event)).toEqual([
      "CONSULT",
      "AGREE",
    ]);
    const row = await store.db
      .selectFrom("documents")
      .select("event_count")
      .where("id", "=", r.documentId)
      .executeTakeFirstOrThrow();
    expect(row.event_count).toBe(2);
  });
});
