/**
 * The HTTP API against a real store on each backend: the seed articles
 * ingested with the built CLI, the Hono app called in-process.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dyad, SEEDS } from "../../test/pg-cli.js";
import { backends, createTestDatabase, requirePostgres, type TestDatabase } from "../../test/pg-db.js";
import {
  dyads,
  type EventFilter,
  type EventSummary,
  eventDetail,
  findEvents,
  loadPloverTypes,
  openStore,
  resolveTarget,
  type Store,
  searchSentences,
  stats,
} from "../store/index.js";
import { createApp } from "./app.js";

requirePostgres("src/server/api.test.ts");

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

describe.each(backends())("HTTP API (%s)", (backend) => {
  let db: TestDatabase;
  let store: Store;
  let app: Hono;
  let web: string;
  const logged: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    const r = dyad(["ingest", SEEDS], db.env);
    expect(r.code, r.err).toBe(0);
    store = await openStore(resolveTarget({ env: db.env }), { mustExist: true });
    web = mkdtempSync(join(tmpdir(), "dyad-web-"));
    writeFileSync(
      join(web, "index.html"),
      '<!doctype html><title>Dyad</title><script src="/app.js"></script>',
    );
    writeFileSync(join(web, "app.js"), "console.log('dyad');\n");
    app = createApp(store, { webRoot: web, log: (line) => logged.push(line) });
  });
  afterAll(async () => {
    await store?.close();
    await db?.drop();
    if (web) rmSync(web, { recursive: true, force: true });
  });

  const get = async (path: string) => {
    const res = await app.request(path);
    const type = res.headers.get("content-type") ?? "";
    const body = type.startsWith("application/json") ? await res.json() : await res.text();
    return { status: res.status, headers: res.headers, body };
  };
  const ids = async (filter: EventFilter) => {
    const out: number[] = [];
    for await (const e of findEvents(store, filter)) out.push(e.id);
    return out;
  };
  /** All pages of /api/events for a query string, as ids. */
  const apiIds = async (qs: string) => {
    const out: number[] = [];
    for (let offset = 0; ; offset += 1000) {
      const { status, body } = await get(`/api/events?${qs}&limit=1000&offset=${offset}`);
      expect(status, JSON.stringify(body)).toBe(200);
      out.push(...body.items.map((e: EventSummary) => e.id));
      if (offset + 1000 >= body.total) {
        expect(out).toHaveLength(body.total);
        return out;
      }
    }
  };

  it("answers stats and meta as the store does, with JSON in UTF-8 and the security headers", async () => {
    const { status, headers, body } = await get("/api/stats");
    expect(status).toBe(200);
    expect(headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(headers.get("content-security-policy")).toBe(CSP);
    expect(headers.get("x-content-type-options")).toBe("nosniff");
    expect(headers.get("referrer-policy")).toBe("no-referrer");
    expect(headers.get("x-frame-options")).toBe("DENY");
    expect(body).toEqual(JSON.parse(JSON.stringify(await stats(store))));
    expect(body.documents).toBe(5);
    const meta = (await get("/api/meta")).body;
    expect(meta.types).toHaveLength(16);
    const color = (t: string) => meta.types.find((x: { name: string }) => x.name === t).color;
    expect(color("ASSAULT")).toMatch(/^#[0-9a-f]{6}$/);
    expect(new Set(meta.types.map((t: { color: string }) => t.color)).size).toBe(16);
    expect(meta.modalities).toEqual(["asserted", "negated", "future", "hypothetical"]);
    expect(meta.contexts).toContain("military");
    expect(meta.kinds).toContain("state");
  });

  it("filters events like findEvents, each filter narrowing, with the evidence sentence", async () => {
    const all = await ids({});
    expect(all.length).toBeGreaterThan(50);
    expect(await apiIds("")).toEqual(all);
    const cases: [string, EventFilter][] = [
      ["type=ASSAULT&type=aid", { types: ["ASSAULT", "AID"] }],
      ["type=ASSAULT,AID", { types: ["ASSAULT", "AID"] }],
      ["modality=future", { modalities: ["future"] }],
      ["actor=RUS", { actor: "RUS" }],
      ["recipient=taliban", { recipient: "taliban" }],
      ["dyad=RUS,TALIBAN", { dyad: ["RUS", "TALIBAN"] }],
      ["since=2021-08&until=2021-12-31", { since: "2021-08", until: "2021-12-31" }],
      ["text=Taliban", { text: "Taliban" }],
      ["context=military", { contexts: ["military"] }],
      ["document=2", { document: 2 }],
      [
        "actor=RUS&type=SUPPORT&context=military",
        { actor: "RUS", types: ["SUPPORT"], contexts: ["military"] },
      ],
    ];
    for (const [qs, filter] of cases) {
      const expected = await ids(filter);
      expect(await apiIds(qs), qs).toEqual(expected);
      if (qs !== "type=ASSAULT,AID") expect(expected.length, qs).toBeLessThan(all.length);
    }
    // The filters the query layer gained mean what they say.
    const military = (await get("/api/events?context=military&limit=1000")).body;
    expect(military.total).toBeGreaterThan(0);
    for (const e of military.items) expect(e.record.context).toContain("military");
    for (const e of (await get("/api/events?document=2&limit=1000")).body.items)
      expect(e.document.id).toBe(2);
    const first = (await get("/api/events?limit=1")).body.items[0];
    expect(first.sentence).toBe((await eventDetail(store, first.id)).sentence?.text);
  });

  it("pages events with limit and offset over a stable total", async () => {
    const all = await ids({});
    const page1 = (await get("/api/events?limit=10")).body;
    const page2 = (await get("/api/events?limit=10&offset=10")).body;
    expect(page1).toMatchObject({ total: all.length, limit: 10, offset: 0 });
    expect(page2).toMatchObject({ total: all.length, limit: 10, offset: 10 });
    expect([...page1.items, ...page2.items].map((e: EventSummary) => e.id)).toEqual(all.slice(0, 20));
    const last = (await get(`/api/events?limit=50&offset=${all.length - 3}`)).body;
    expect(last.items.map((e: EventSummary) => e.id)).toEqual(all.slice(-3));
    expect((await get(`/api/events?offset=${all.length + 5}`)).body).toMatchObject({
      total: all.length,
      items: [],
    });
    expect((await get("/api/events")).body.items).toHaveLength(50);
  });

  it("refuses bad parameters with 400 naming the parameter", async () => {
    const cases: [string, string][] = [
      ["/api/events?limit=0", "limit: must be an integer between 1 and 1000"],
      ["/api/events?limit=1001", "limit: must be an integer between 1 and 1000"],
      ["/api/events?limit=abc", "limit: "],
      ["/api/events?offset=-1", "offset: "],
      ["/api/events?limit=5&limit=6", "limit: "],
      ["/api/events?type=FOO", "type: must be one of AGREE"],
      ["/api/events?modality=maybe", "modality: "],
      ["/api/events?since=2021-13", "since: "],
      ["/api/events?until=yesterday", "until: "],
      ["/api/events?dyad=RUS", "dyad: "],
      ["/api/events?document=x", "document: "],
      ["/api/events?context=not%20a%20context", "context: "],
      ["/api/histogram?type=X", "type: "],
      ["/api/graph?since=2021-02-30", "since: "],
      ["/api/map?limit=0", "limit: "],
      ["/api/actors?kind=planet", "kind: "],
      ["/api/dyads?min=0", "min: "],
      ["/api/documents?limit=100000", "limit: "],
      ["/api/search", "q: "],
      ["/api/export", "format: "],
      ["/api/export?format=xlsx", "format: "],
      ["/api/events/abc", "id: "],
      ["/api/documents/0", "id: "],
    ];
    for (const [path, message] of cases) {
      const { status, headers, body } = await get(path);
      expect(status, path).toBe(400);
      expect(body.error.status, path).toBe(400);
      expect(body.error.message.startsWith(message), `${path}: ${body.error.message}`).toBe(true);
      expect(headers.get("content-security-policy"), path).toBe(CSP);
    }
  });

  it("answers 404 for unknown ids, actors and routes, and 400 with the candidates for an ambiguous name", async () => {
    for (const path of [
      "/api/events/999999",
      "/api/documents/999999",
      "/api/actors/Narnia",
      "/api/events?actor=Narnia",
      "/api/histogram?recipient=Narnia",
      "/api/graph?dyad=RUS,Narnia",
      "/api/export?format=csv&actor=Narnia",
      "/api/nothing-here",
    ]) {
      const { status, body } = await get(path);
      expect(status, path).toBe(404);
      expect(body.error.status).toBe(404);
      expect(body.error.message, path).not.toMatch(/dyad \w+ --/);
    }
    const { status, body } = await get(`/api/actors/${encodeURIComponent("Central Asian countries")}`);
    expect(status).toBe(400);
    expect(body.error.message).toContain("KAZ");
    expect(body.error.message).toContain("UZB");
  });

  it("gives an event's detail, an actor's dossier with trends, actors, dyads and search as the query layer does", async () => {
    const [id] = await ids({ types: ["ASSAULT"] });
    expect((await get(`/api/events/${id}`)).body).toEqual(
      JSON.parse(JSON.stringify(await eventDetail(store, id))),
    );
    const rus = (await get("/api/actors/RUS")).body;
    expect(rus).toMatchObject({ actor: { id: "RUS" }, scope: "state" });
    expect(rus.trends.length).toBeGreaterThan(0);
    for (const t of rus.trends) expect([t.actor.key, t.recipient.key]).toContain("RUS");
    const actors = (await get("/api/actors?kind=state&limit=5")).body;
    expect(actors).toHaveLength(5);
    for (const a of actors) expect(a.kind).toBe("state");
    const types = loadPloverTypes();
    expect((await get("/api/dyads")).body).toEqual(
      JSON.parse(JSON.stringify(await dyads(store, types, { limit: 50 }))),
    );
    const since = (await get("/api/dyads?since=2021-10&actor=TALIBAN&limit=1000")).body;
    expect(since.length).toBeGreaterThan(0);
    for (const d of since) {
      expect([d.actor.key, d.recipient.key]).toContain("TALIBAN");
      for (const m of d.months) expect(m.month >= "2021-10").toBe(true);
    }
    expect((await get("/api/search?q=Taliban&limit=3")).body).toEqual(
      JSON.parse(JSON.stringify(await searchSentences(store, "Taliban", 3))),
    );
  });

  it("counts events per month and type in the histogram, agreeing with the events", async () => {
    const h = (await get("/api/histogram")).body;
    const all: EventSummary[] = [];
    for await (const e of findEvents(store)) all.push(e);
    expect(h.months.reduce((s: number, m: { total: number }) => s + m.total, 0) + h.undated).toBe(all.length);
    expect(h.undated).toBe(all.filter((e) => !e.day).length);
    const month = h.months[h.months.length - 1];
    const inMonth = all.filter((e) => e.day?.startsWith(month.month));
    expect(month.total).toBe(inMonth.length);
    const assault = (await get("/api/histogram?type=ASSAULT")).body;
    for (const m of assault.months) expect(Object.keys(m.types)).toEqual(["ASSAULT"]);
  });

  it("builds the graph at the keys dyads uses, with its scores, and the map from located events", async () => {
    const g = (await get("/api/graph")).body;
    const types = loadPloverTypes();
    const pairs = await dyads(store, types);
    expect(g.edges).toHaveLength(pairs.length);
    for (const p of pairs) {
      const edge = g.edges.find(
        (e: { source: string; target: string }) => e.source === p.actor.key && e.target === p.recipient.key,
      );
      expect(edge).toMatchObject({ events: p.events, score: p.score, types: p.types });
    }
    const nodeIds = new Set(g.nodes.map((n: { id: string }) => n.id));
    for (const e of g.edges) expect(nodeIds.has(e.source) && nodeIds.has(e.target)).toBe(true);
    expect(g.nodes.find((n: { id: string }) => n.id === "RUS")).toMatchObject({
      name: "Russia",
      kind: "state",
    });
    const small = (await get("/api/graph?actor=RUS&type=CONSULT")).body;
    expect(small.edges.length).toBeLessThan(g.edges.length);

    const located: number[] = [];
    for await (const e of findEvents(store))
      if (typeof e.record.location?.lat === "number" && typeof e.record.location?.lon === "number")
        located.push(e.id);
    const map = (await get("/api/map")).body;
    expect(located.length).toBeGreaterThan(0);
    expect(map.items.map((i: { id: number }) => i.id)).toEqual(located);
    for (const i of map.items) {
      expect(typeof i.place.lat === "number" && typeof i.place.lon === "number").toBe(true);
      expect(i.sentence).toBe((await eventDetail(store, i.id)).sentence?.text);
      expect(i.document.id).toBeGreaterThan(0);
    }
    expect((await get("/api/map?limit=1")).body.items).toHaveLength(1);
  });

  it("lists documents newest first and shows one with spans that slice its text", async () => {
    const list = (await get("/api/documents?limit=2")).body;
    expect(list.total).toBe(5);
    expect(list.items).toHaveLength(2);
    const everything = (await get("/api/documents")).body.items;
    const dates = everything.map((d: { published: string | null }) => d.published ?? "");
    const dated = dates.filter(Boolean);
    expect(dated).toEqual([...dated].sort().reverse());
    expect(dates.slice(0, dated.length)).toEqual(dated);
    for (const doc of everything) {
      const view = (await get(`/api/documents/${doc.id}`)).body;
      expect(view.document).toMatchObject({ id: doc.id, docId: doc.docId });
      const text: string = view.text;
      expect(view.mentions.length).toBeGreaterThan(0);
      for (const m of view.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
      for (const s of view.sentences) expect(s.end).toBeGreaterThan(s.start);
      const records = new Map<number, EventSummary>();
      for await (const e of findEvents(store, { document: doc.id })) records.set(e.id, e);
      expect(view.events).toHaveLength(records.size);
      for (const e of view.events) {
        const r = records.get(e.id)?.record;
        expect(r).toBeDefined();
        expect(text.slice(e.trigger.start, e.trigger.end)).toBe(r?.evidence.trigger.text);
        expect(text.slice(e.actorSpan.start, e.actorSpan.end)).toBe(r?.actor.text);
        if (r?.recipient)
          expect(text.slice(e.recipientSpan.start, e.recipientSpan.end)).toBe(r.recipient.text);
        const s = view.sentences[e.sentence];
        expect(e.trigger.start >= s.start && e.trigger.end <= s.end).toBe(true);
      }
    }
  });

  it("exports what dyad export writes, as an attachment with its content type", async () => {
    const res = await app.request("/api/export?format=csv&type=ASSAULT");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="dyad-events.csv"');
    expect(res.headers.get("content-security-policy")).toBe(CSP);
    const cli = dyad(["export", "--format", "csv", "--type", "ASSAULT"], db.env);
    expect(cli.code, cli.err).toBe(0);
    expect(await res.text()).toBe(cli.out);
    const formats: [string, string, string][] = [
      ["plover-jsonl", "application/x-ndjson", "dyad-events.jsonl"],
      ["geojson", "application/geo+json", "dyad-events.geojson"],
      ["gexf", "application/gexf+xml", "dyad-events.gexf"],
      ["graphml", "application/graphml+xml", "dyad-events.graphml"],
    ];
    for (const [format, type, file] of formats) {
      const r = await app.request(`/api/export?format=${format}&actor=RUS`);
      expect(r.status).toBe(200);
      expect(r.headers.get("content-type")).toBe(`${type}; charset=utf-8`);
      expect(r.headers.get("content-disposition")).toBe(`attachment; filename="${file}"`);
      const out = dyad(["export", "--format", format, "--actor", "RUS"], db.env);
      expect(out.code, out.err).toBe(0);
      expect(await r.text(), format).toBe(out.out);
    }
  });

  it("serves the front end with index.html for client routes, under the same headers", async () => {
    for (const path of ["/", "/actors/RUS", "/events?type=ASSAULT"]) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(res.headers.get("content-security-policy")).toBe(CSP);
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(await res.text()).toContain("<title>Dyad</title>");
    }
    const js = await app.request("/app.js");
    expect(js.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect((await app.request("/missing.js")).status).toBe(404);
    // Outside the web folder nothing is read: a client route gets the app, never the file.
    expect(await (await app.request("/%2e%2e/%2e%2e/%2e%2e/etc/passwd")).text()).not.toContain("root:");
    expect((await app.request("/%2e%2e/%2e%2e/package.json")).status).toBe(404);
    expect((await app.request("/api/stats", { method: "POST" })).status).toBe(404);
  });

  it("on loopback, refuses requests addressed to other host names (DNS rebinding)", async () => {
    const local = createApp(store, { webRoot: web, hosts: ["127.0.0.1", "localhost", "::1"] });
    const as = (host: string) => local.request("/api/stats", { headers: { host } });
    for (const host of ["127.0.0.1:8080", "localhost:8080", "[::1]:8080", "LOCALHOST"])
      expect((await as(host)).status, host).toBe(200);
    const res = await as("evil.example:8080");
    expect(res.status).toBe(403);
    expect(res.headers.get("content-security-policy")).toBe(CSP);
    expect((await res.json()).error.message).toContain("evil.example");
    expect((await local.request("/", { headers: { host: "evil.example" } })).status).toBe(403);
  });

  it("answers 500 with a generic message when the store fails, logging the real error once", async () => {
    const broken = await openStore(resolveTarget({ env: db.env }));
    await broken.close();
    const lines: string[] = [];
    const app2 = createApp(broken, { webRoot: web, log: (l) => lines.push(l) });
    const res = await app2.request("/api/events?limit=5");
    expect(res.status).toBe(500);
    expect(res.headers.get("content-security-policy")).toBe(CSP);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: { status: 500, message: "internal error" } });
    expect(text).not.toMatch(/\bat |\.ts|\.js/);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("/api/events");
    expect(logged).toEqual([]);
  });
});
