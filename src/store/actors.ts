/**
 * The actors table: every actor ever seen. Most documents name actors that
 * are stored already with the same identity, so the writer remembers (per
 * store, from committed transactions only) what it wrote and skips those.
 */
import type { Insertable, Transaction } from "kysely";
import { afterCommit, type Store } from "./connection.js";
import type { ActorsTable, DB } from "./schema.js";

const IDENTITY = ["name", "kind", "country", "sector", "affiliation_id", "affiliation_name"] as const;

/** Actor id -> identity, as stored by a committed transaction of this process. */
const written = new WeakMap<Store, Map<string, string>>();

const identityOf = (a: Insertable<ActorsTable>) => JSON.stringify(IDENTITY.map((c) => a[c] ?? null));

/** Inserts new actors; updates the identity of known ones where it changed (first_seen stays). */
export async function upsertActors(trx: Transaction<DB>, store: Store, rows: Insertable<ActorsTable>[]) {
  let known = written.get(store);
  if (!known) {
    known = new Map();
    written.set(store, known);
  }
  const cache = known;
  const todo = rows.filter((a) => cache.get(a.id) !== identityOf(a));
  const per = Math.floor(store.dialect.maxParams / (IDENTITY.length + 2));
  for (let i = 0; i < todo.length; i += per) {
    await trx
      .insertInto("actors")
      .values(todo.slice(i, i + per))
      .onConflict((oc) =>
        oc
          .column("id")
          .doUpdateSet((eb) => Object.fromEntries(IDENTITY.map((c) => [c, eb.ref(`excluded.${c}`)])))
          // Leave unchanged rows (and their index entries) alone.
          .where((eb) =>
            eb.or(IDENTITY.map((c) => eb(`actors.${c}`, "is distinct from", eb.ref(`excluded.${c}`)))),
          ),
      )
      .execute();
  }
  afterCommit(trx, () => {
    for (const a of todo) cache.set(a.id, identityOf(a));
  });
}
