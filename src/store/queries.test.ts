import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, createTestDatabase, requirePostgres, type TestDatabase } from "../../test/pg-db.js";
import { type FixtureDocument, fixtureInput } from "../../test/pg-fixtures.js";
import { resolveTarget } from "./config.js";
import { openStore, type Store } from "./connection.js";
import { loadPloverTypes } from "./plover-types.js";
import { actorDossier, listActors } from "./query/actors.js";
import { QueryError } from "./query/common.js";
import { dyads } from "./query/dyads.js";
import { type EventFilter, findEvents } from "./query/events.js";
import { eventDetail, stats } from "./query/records.js";
import { searchSentences } from "./query/search.js";
import { startRun } from "./runs.js";
import { storeDocument } from "./writer.js";

requirePostgres("src/store/queries.test.ts");

const DOCS: FixtureDocument[] = [
  {
    id: "d1",
    published: "2022-02-24",
    events: [
      { type: "ASSAULT", actor: "RUS", recipient: "UKR" },
      { type: "ACCUSE", actor: "USA", recipient: "RUS", modality: "asserted" },
    ],
    filler: "Sirens sounded over Kyiv before dawn.",
  },
  {
    id: "d2",
    published: "2022-02-26",
    events: [
      { type: "ASSAULT", actor: "PUTIN", actorText: "Putin", recipient: "UKR", verb: "attacked" },
      { type: "AID", actor: "USA", recipient: "UKR", modality: "future" },
    ],
  },
  {
    id: "d3",
    published: "2021-08-20",
    events: [
      { type: "THREATEN", actor: "MUJAHID", recipient: "USA" },
      { type: "CONSULT", actor: "RUS", recipient: "TALIBAN", date: "2021-08" },
    ],
  },
];

describe.each(backends())("queries (%s)", (backend) => {
  let db: TestDatabase;
  let store: Store;

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    store = await openStore(resolveTarget({ env: db.env }));
    const run = await startRun(store, { command: "test", dyadVersion: "0", versions: {}, options: {} });
    for (const f of DOCS) {
      await storeDocument(store, fixtureInput(f, run, { reader: { publishedSource: "metadata" } }));
    }
  });
  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  const find = async (filter: EventFilter) => {
    const out: string[] = [];
    for await (const e of findEvents(store, filter))
      out.push(`${e.actor.id} ${e.event} ${e.recipient?.id ?? "-"}`);
    return out;
  };

  it("orders events by date and filters by actor as code, name or alias, case-insensitively", async () => {
    expect(await find({})).toEqual([
      "RUS CONSULT TALIBAN",
      "ZABIHULLAH_MUJAHID THREATEN USA",
      "RUS ASSAULT UKR",
      "USA ACCUSE RUS",
      "VLADIMIR_PUTIN ASSAULT UKR",
      "USA AID UKR",
    ]);
    // The state's code covers its officials; a name or an alias only that actor.
    expect(await find({ actor: "rus", types: ["ASSAULT"] })).toEqual([
      "RUS ASSAULT UKR",
      "VLADIMIR_PUTIN ASSAULT UKR",
    ]);
    expect(await find({ actor: "putin" })).toEqual(["VLADIMIR_PUTIN ASSAULT UKR"]);
    expect(await find({ actor: "Vladimir Putin" })).toEqual(["VLADIMIR_PUTIN ASSAULT UKR"]);
    // A group's member acts for the group.
    expect(await find({ actor: "taliban" })).toEqual(["ZABIHULLAH_MUJAHID THREATEN USA"]);
    expect(await find({ recipient: "United States" })).toEqual(["ZABIHULLAH_MUJAHID THREATEN USA"]);
  });

  it("matches a dyad in either direction, and filters by modality, dates and evidence text", async () => {
    expect(await find({ dyad: ["UKR", "RUS"] })).toEqual(["RUS ASSAULT UKR", "VLADIMIR_PUTIN ASSAULT UKR"]);
    expect(await find({ dyad: ["rus", "usa"] })).toEqual(["USA ACCUSE RUS"]);
    expect(await find({ modalities: ["future"] })).toEqual(["USA AID UKR"]);
    expect(await find({ since: "2022-02-25" })).toEqual(["VLADIMIR_PUTIN ASSAULT UKR", "USA AID UKR"]);
    // A month-precision event overlaps a bound inside its month.
    expect(await find({ until: "2021-08-15" })).toEqual(["RUS CONSULT TALIBAN"]);
    expect(await find({ text: "attacked" })).toEqual(["RUS ASSAULT UKR", "VLADIMIR_PUTIN ASSAULT UKR"]);
    expect(await find({ text: "attacked -Putin" })).toEqual(["RUS ASSAULT UKR"]);
    expect(await find({ limit: 2 })).toHaveLength(2);
    await expect(find({ actor: "Narnia" })).rejects.toBeInstanceOf(QueryError);
  });

  it("finds sentences by words and phrases, with their documents and events", async () => {
    const hits = await searchSentences(store, '"Sirens sounded" Kyiv');
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ document: { docId: "d1" }, events: [] });
    const attacks = await searchSentences(store, "attacks");
    expect(attacks.map((h) => h.events.map((e) => e.event))).toEqual([["ASSAULT"], ["ASSAULT"]]);
    expect(await searchSentences(store, "OR -")).toEqual([]);
  });

  it("groups both reports of the invasion into one story and shows it with the marked sentence", async () => {
    const ids: number[] = [];
    for await (const e of findEvents(store, { types: ["ASSAULT"] })) ids.push(e.id);
    const detail = await eventDetail(store, ids[0]);
    expect(detail.story).toMatchObject({
      events: 2,
      documents: 2,
      firstDate: "2022-02-24",
      lastDate: "2022-02-26",
    });
    expect(detail.story.others.map((o) => o.id)).toEqual([ids[1]]);
    expect(detail.sentence?.text).toBe("Russia attacked Ukraine.");
    expect(detail.document).toMatchObject({ docId: "d1", version: 1, current: true });
    expect((await stats(store)).stories).toBe(5);
  });

  it("scores dyads per month with the type weights, counting but not scoring what did not happen", async () => {
    const rows = await dyads(store, loadPloverTypes());
    const rusUkr = rows.find((r) => r.actor.key === "RUS" && r.recipient.key === "UKR");
    expect(rusUkr).toMatchObject({
      events: 2,
      types: { ASSAULT: 2 },
      score: -20,
      months: [{ month: "2022-02", events: 2, score: -20 }],
    });
    const usaUkr = rows.find((r) => r.actor.key === "USA" && r.recipient.key === "UKR");
    expect(usaUkr).toMatchObject({ events: 1, score: 0 });
    expect(rows.find((r) => r.actor.key === "TALIBAN")).toMatchObject({
      recipient: { key: "USA", name: "United States" },
    });
    expect(await dyads(store, loadPloverTypes(), { min: 2 })).toHaveLength(1);
  });

  it("lists actors and gives a dossier with names, identities and counterparts", async () => {
    const states = await listActors(store, { kind: "state" });
    expect(states.map((a) => a.id).sort()).toEqual(["RUS", "UKR", "USA"]);
    expect((await listActors(store, { q: "put" })).map((a) => a.id)).toEqual(["VLADIMIR_PUTIN"]);
    const rus = await actorDossier(store, "russia");
    expect(rus.scope).toBe("state");
    expect(rus.asActor).toEqual({ ASSAULT: 2, CONSULT: 1 });
    expect(rus.asRecipient).toEqual({ ACCUSE: 1 });
    expect(rus.counterparts[0]).toMatchObject({ key: "UKR", asRecipient: 2, asActor: 0 });
    const putin = await actorDossier(store, "Putin");
    expect(putin).toMatchObject({
      scope: "actor",
      names: [{ text: "Putin", count: 1 }],
      asActor: { ASSAULT: 1 },
    });
    const mujahid = await actorDossier(store, "ZABIHULLAH_MUJAHID");
    expect(mujahid.identities).toEqual([
      expect.objectContaining({ affiliation: { id: "TALIBAN", name: "Taliban" }, first: "2021-08-20" }),
    ]);
  });
});
