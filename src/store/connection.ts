/** Opening a store: connect, migrate, and speak of failures in one line naming the database. */
import type BetterSqlite3 from "better-sqlite3";
import type { Kysely, Transaction } from "kysely";
import type { DatabaseTarget } from "./config.js";
import { connect, type Dialect } from "./dialect.js";
import { toStoreError } from "./errors.js";
import { migrate } from "./migrations.js";
import type { DB } from "./schema.js";

export interface Store {
  readonly db: Kysely<DB>;
  readonly dialect: Dialect;
  /**
   * SQLite: the connection under `db`. Only for statements inside a transaction
   * of `db` (writeTransaction), where Kysely holds this same connection.
   */
  readonly sqlite: BetterSqlite3.Database | null;
  readonly target: DatabaseTarget;
  /** How messages name the database: the path as given, or the URL without its password. */
  readonly label: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Query commands: a missing SQLite file is an error, not a new empty database. */
  mustExist?: boolean;
}

export async function openStore(target: DatabaseTarget, opts: OpenOptions = {}): Promise<Store> {
  let db: Kysely<DB> | undefined;
  try {
    const conn = connect(target, opts);
    db = conn.db;
    await migrate(conn.db, conn.dialect, target.label);
    const opened = conn.db;
    return {
      db: opened,
      dialect: conn.dialect,
      sqlite: conn.sqlite,
      target,
      label: target.label,
      close: () => opened.destroy(),
    };
  } catch (err) {
    await db?.destroy().catch(() => {});
    throw toStoreError(err, target.label);
  }
}

interface Hooks {
  before: (() => Promise<void>)[];
  after: (() => void)[];
}

const commitHooks = new WeakMap<Transaction<DB>, Hooks>();

/** One write transaction, writers serialised (see Dialect.lockForWrite). */
export async function writeTransaction<T>(
  store: Store,
  fn: (trx: Transaction<DB>) => Promise<T>,
): Promise<T> {
  const hooks: Hooks = { before: [], after: [] };
  const result = await store.db.transaction().execute(async (trx) => {
    commitHooks.set(trx, hooks);
    await store.dialect.lockForWrite(trx);
    const value = await fn(trx);
    for (const hook of hooks.before) await hook();
    return value;
  });
  for (const hook of hooks.after) hook();
  return result;
}

/**
 * Runs `fn` inside `trx` just before it commits (deferred writes). False when
 * `trx` did not come from writeTransaction: then nothing was registered.
 */
export function beforeCommit(trx: Transaction<DB>, fn: () => Promise<void>): boolean {
  const hooks = commitHooks.get(trx);
  hooks?.before.push(fn);
  return hooks !== undefined;
}

/**
 * Runs `fn` once `trx` has committed (never if it rolls back). False when
 * `trx` did not come from writeTransaction, so nothing can be promised.
 */
export function afterCommit(trx: Transaction<DB>, fn: () => void): boolean {
  const hooks = commitHooks.get(trx);
  hooks?.after.push(fn);
  return hooks !== undefined;
}
