/** What the query modules share: their user-facing error, actor matching, key names. */
import type { ExpressionBuilder } from "kysely";
import type { Store } from "../connection.js";
import type { DB } from "../schema.js";

/** Something the user asked for does not exist or is ambiguous: one line, exit code 2. */
export class QueryError extends Error {
  override name = "QueryError";
  /** "not-found": nothing has that id or name; "ambiguous": several actors do (the message lists them). */
  constructor(
    message: string,
    readonly reason: "not-found" | "ambiguous" = "not-found",
  ) {
    super(message);
  }
}

/** What an actor filter ("RUS", "russia", "Putin", "VLADIMIR_PUTIN") stands for. */
export interface ActorMatch {
  query: string;
  /** Actor ids whose id, name or a mention text equals the query (case-insensitive). */
  ids: string[];
  /** An ISO 3166 alpha-3 code: the state with its organs and officials. */
  countries: string[];
}

export async function resolveActor(store: Store, query: string): Promise<ActorMatch> {
  const q = query.trim();
  const lower = q.toLowerCase();
  const direct = await store.db
    .selectFrom("actors")
    .select("id")
    .where((eb) => eb.or([eb(eb.fn("lower", ["id"]), "=", lower), eb(eb.fn("lower", ["name"]), "=", lower)]))
    .execute();
  const aliases = await store.db
    .selectFrom("mentions")
    .select("actor_id")
    .distinct()
    .where(({ eb, fn }) => eb(fn("lower", ["text"]), "=", lower))
    .execute();
  const ids = [...new Set([...direct.map((r) => r.id), ...aliases.map((r) => r.actor_id)])].sort();
  const countries: string[] = [];
  if (/^[A-Za-z]{3}$/.test(q)) {
    const code = q.toUpperCase();
    const known = await store.db
      .selectFrom("actors")
      .select("id")
      .where("country", "=", code)
      .limit(1)
      .execute();
    if (known.length) countries.push(code);
  }
  if (ids.length === 0 && countries.length === 0)
    throw new QueryError(`no actor matches "${q}" (dyad actors --q ${JSON.stringify(q)} lists near names)`);
  return { query: q, ids, countries };
}

type EventSide = "actor" | "recipient";

/**
 * Events whose actor (or recipient) is the match: the actor itself, anyone
 * counted as it (members of a group, organs of a state), or the state of a code.
 */
export function sideMatches(eb: ExpressionBuilder<DB, "events">, side: EventSide, m: ActorMatch) {
  const id = side === "actor" ? "events.actor_id" : "events.recipient_id";
  const key = side === "actor" ? "events.actor_key" : "events.recipient_key";
  const keys = [...new Set([...m.ids, ...m.countries])];
  const terms = [eb(key, "in", keys)];
  if (m.ids.length) terms.push(eb(id, "in", m.ids));
  return eb.or(terms);
}

/** What the actors table says of an actor (key or id). */
export interface ActorInfo {
  name: string;
  kind: string;
  country: string | null;
}

/** The actors among `ids` the table knows, read 500 at a time; unknown ids are left out. */
export async function actorInfo(store: Store, ids: Iterable<string>): Promise<Map<string, ActorInfo>> {
  const list = [...new Set(ids)];
  const known = new Map<string, ActorInfo>();
  for (let i = 0; i < list.length; i += 500) {
    const rows = await store.db
      .selectFrom("actors")
      .select(["id", "name", "kind", "country"])
      .where("id", "in", list.slice(i, i + 500))
      .execute();
    for (const r of rows) known.set(r.id, { name: r.name, kind: r.kind, country: r.country });
  }
  return known;
}

/** Display names of actor keys (ISO codes name their state). */
export async function keyNames(store: Store, keys: Iterable<string>): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const [id, a] of await actorInfo(store, keys)) names.set(id, a.name);
  return names;
}

/** pg counts come back as numbers (see dialect.ts), SQLite's already are; this settles the types. */
export const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/** A LIKE pattern that finds `text` anywhere, with the user's % and _ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A document as listings name it, from a row that joined `documents`. */
export function documentBrief(r: {
  document_id: number;
  doc_id: string;
  source: string;
  title: string | null;
  published: string | null;
}) {
  return { id: r.document_id, docId: r.doc_id, source: r.source, title: r.title, published: r.published };
}
