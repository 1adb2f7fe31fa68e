/** Actors: the list (`dyad actors`) and one actor's dossier (`dyad actor ID`). */
import { sql } from "kysely";
import type { Store } from "../connection.js";
import { containsPattern, keyNames, num, QueryError, resolveActor } from "./common.js";
import type { ActorDossier, ActorSummary } from "./types.js";

export type { ActorDossier, ActorSummary, Counterpart } from "./types.js";

export interface ActorListOptions {
  kind?: string;
  /** Part of an id, a name or a mention text, case-insensitive. */
  q?: string;
  limit?: number;
}

export async function listActors(store: Store, opts: ActorListOptions = {}): Promise<ActorSummary[]> {
  const mentions = store.db
    .selectFrom("mentions")
    .innerJoin("documents", "documents.id", "mentions.document_id")
    .where("documents.is_current", "=", 1)
    .select((eb) => ["mentions.actor_id as actor_id", eb.fn.countAll<number>().as("n")])
    .groupBy("mentions.actor_id");
  const asActor = store.db
    .selectFrom("events")
    .where("live", "=", 1)
    .select((eb) => ["actor_id", eb.fn.countAll<number>().as("n")])
    .groupBy("actor_id");
  const asRecipient = store.db
    .selectFrom("events")
    .where("live", "=", 1)
    .where("recipient_id", "is not", null)
    .select((eb) => ["recipient_id", eb.fn.countAll<number>().as("n")])
    .groupBy("recipient_id");
  let query = store.db
    .selectFrom("actors")
    .leftJoin(mentions.as("m"), "m.actor_id", "actors.id")
    .leftJoin(asActor.as("a"), "a.actor_id", "actors.id")
    .leftJoin(asRecipient.as("r"), "r.recipient_id", "actors.id")
    .selectAll("actors")
    .select(["m.n as mentions", "a.n as as_actor", "r.n as as_recipient"]);
  if (opts.kind) query = query.where("actors.kind", "=", opts.kind);
  if (opts.q) {
    const pattern = containsPattern(opts.q);
    const aliasOf = store.db
      .selectFrom("mentions")
      .select("actor_id")
      .where(sql<boolean>`lower(text) like ${pattern} escape '\\'`);
    query = query.where((eb) =>
      eb.or([
        sql<boolean>`lower(actors.id) like ${pattern} escape '\\'`,
        sql<boolean>`lower(actors.name) like ${pattern} escape '\\'`,
        eb("actors.id", "in", aliasOf),
      ]),
    );
  }
  const rows = await query
    .orderBy(sql`coalesce(m.n, 0)`, "desc")
    .orderBy("actors.id")
    .limit(opts.limit ?? 100)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    country: r.country,
    sector: r.sector,
    affiliation: r.affiliation_id
      ? { id: r.affiliation_id, name: r.affiliation_name ?? r.affiliation_id }
      : null,
    mentions: num(r.mentions),
    asActor: num(r.as_actor),
    asRecipient: num(r.as_recipient),
  }));
}

/** The dossier of one actor, found by id, name or alias; ambiguous names are refused with the candidates. */
export async function actorDossier(store: Store, query: string): Promise<ActorDossier> {
  const id = await pickActor(store, query);
  const a = await store.db.selectFrom("actors").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  const scope = a.kind === "state" ? "state" : "actor";
  const current = (table: "mentions") =>
    store.db
      .selectFrom(table)
      .innerJoin("documents", "documents.id", "mentions.document_id")
      .where("documents.is_current", "=", 1)
      .where("mentions.actor_id", "=", id);
  const names = await current("mentions")
    .select((eb) => ["mentions.text as text", eb.fn.countAll<number>().as("n")])
    .groupBy("mentions.text")
    .orderBy("n", "desc")
    .orderBy("mentions.text")
    .limit(30)
    .execute();
  const identities = await current("mentions")
    .select((eb) => [
      "mentions.country as country",
      "mentions.sector as sector",
      "mentions.affiliation_id as affiliation_id",
      "mentions.affiliation_name as affiliation_name",
      eb.fn.min("documents.published").as("first"),
      eb.fn.max("documents.published").as("last"),
      eb.fn.countAll<number>().as("n"),
    ])
    .groupBy(["mentions.country", "mentions.sector", "mentions.affiliation_id", "mentions.affiliation_name"])
    .orderBy("first")
    .execute();
  const docs = await current("mentions")
    .select((eb) => eb.fn.count<number>("mentions.document_id").distinct().as("n"))
    .executeTakeFirst();
  const side = (s: "actor" | "recipient") =>
    scope === "state" ? (`${s}_key` as const) : (`${s}_id` as const);
  const byType = async (s: "actor" | "recipient") => {
    const rows = await store.db
      .selectFrom("events")
      .select((eb) => ["event_type", eb.fn.countAll<number>().as("n")])
      .where("live", "=", 1)
      .where(side(s), "=", id)
      .groupBy("event_type")
      .orderBy("event_type")
      .execute();
    return Object.fromEntries(rows.map((r) => [r.event_type, num(r.n)]));
  };
  const others = async (s: "actor" | "recipient") => {
    const other = s === "actor" ? "recipient_key" : "actor_key";
    const rows = await store.db
      .selectFrom("events")
      .select((eb) => [`${other} as key`, eb.fn.countAll<number>().as("n")])
      .where("live", "=", 1)
      .where(side(s), "=", id)
      .where(other, "is not", null)
      .where(other, "!=", id)
      .groupBy(other)
      .execute();
    return new Map(rows.map((r) => [r.key as string, num(r.n)]));
  };
  const toThem = await others("actor");
  const fromThem = await others("recipient");
  const keys = new Set([...toThem.keys(), ...fromThem.keys()]);
  const names2 = await keyNames(store, keys);
  const counterparts = [...keys]
    .map((key) => {
      const asRecipient = toThem.get(key) ?? 0;
      const asActor = fromThem.get(key) ?? 0;
      return { key, name: names2.get(key) ?? key, asRecipient, asActor, total: asRecipient + asActor };
    })
    .sort((x, y) => y.total - x.total || x.key.localeCompare(y.key))
    .slice(0, 15);
  return {
    actor: {
      id: a.id,
      name: a.name,
      kind: a.kind,
      country: a.country,
      sector: a.sector,
      affiliation: a.affiliation_id
        ? { id: a.affiliation_id, name: a.affiliation_name ?? a.affiliation_id }
        : null,
      firstSeen: a.first_seen,
    },
    scope,
    names: names.map((r) => ({ text: r.text, count: num(r.n) })),
    identities: identities.map((r) => ({
      country: r.country,
      sector: r.sector,
      affiliation: r.affiliation_id
        ? { id: r.affiliation_id, name: r.affiliation_name ?? r.affiliation_id }
        : null,
      first: (r.first as string | null) ?? null,
      last: (r.last as string | null) ?? null,
      mentions: num(r.n),
    })),
    documents: num(docs?.n),
    asActor: await byType("actor"),
    asRecipient: await byType("recipient"),
    counterparts,
  };
}

async function pickActor(store: Store, query: string): Promise<string> {
  const exact = await store.db
    .selectFrom("actors")
    .select("id")
    .where((eb) => eb(eb.fn("lower", ["id"]), "=", query.trim().toLowerCase()))
    .executeTakeFirst();
  if (exact) return exact.id;
  const match = await resolveActor(store, query);
  if (match.ids.length === 1) return match.ids[0];
  if (match.ids.length === 0)
    throw new QueryError(
      `no actor has the id "${query}" (its organs and people are there: dyad actors --q ${query})`,
    );
  const shown = match.ids.slice(0, 6).join(", ");
  throw new QueryError(
    `"${query}" may be ${shown}${match.ids.length > 6 ? ", …" : ""}: give one id`,
    "ambiguous",
  );
}
