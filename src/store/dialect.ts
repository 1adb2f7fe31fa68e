/**
 * Everything that differs between SQLite and PostgreSQL, except full-text
 * search (fts.ts): opening a connection, auto-increment keys, JSON columns,
 * serialising writers. Queries elsewhere are written once, in Kysely.
 */
import { existsSync, mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import {
  type CreateTableBuilder,
  Kysely,
  PostgresDialect,
  type RawBuilder,
  type SqliteDatabase,
  SqliteDialect,
  sql,
} from "kysely";
import pg from "pg";
import type { DatabaseTarget } from "./config.js";
import { StoreError } from "./errors.js";
import type { DB } from "./schema.js";

export type DialectKind = "sqlite" | "postgres";

export interface Dialect {
  readonly kind: DialectKind;
  /** Column type for JSON documents. */
  readonly jsonType: "text" | "jsonb";
  /** Bind parameters allowed in one statement (SQLite 32766, PostgreSQL 65535), with a margin. */
  readonly maxParams: number;
  /** A JSON column's value as JS: SQLite hands back text, pg has parsed JSONB already. */
  readJson<T>(value: unknown): T;
  /** Adds an auto-increment integer primary key `id`. */
  addId<TB extends string>(table: CreateTableBuilder<TB, never>): CreateTableBuilder<TB, "id">;
  /**
   * First statement of every write transaction. PostgreSQL: an advisory lock,
   * so concurrent writers assign stories one at a time. SQLite needs none: its
   * transactions begin IMMEDIATE (see openSqlite), which takes the write lock.
   */
  lockForWrite(db: Kysely<DB>): Promise<void>;
  /** A value inside a JSON column, as text (null when absent): `path` names object keys. */
  jsonText(column: RawBuilder<unknown>, path: string[]): RawBuilder<string | null>;
  /** True when the JSON array at `path` in the column holds any of `values` (strings). */
  jsonArrayHasAny(column: RawBuilder<unknown>, path: string[], values: string[]): RawBuilder<boolean>;
}

/** How long a writer waits for another one before SQLITE_BUSY (DYAD_BUSY_TIMEOUT_MS overrides). */
export function busyTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const ms = env.DYAD_BUSY_TIMEOUT_MS?.trim();
  return ms && /^\d+$/.test(ms) ? Number(ms) : 10_000;
}
/** Any constant: the advisory lock key that serialises dyad's writers on PostgreSQL. */
const PG_WRITE_LOCK = 0x6479_6164; // "dyad"

const sqliteDialect: Dialect = {
  kind: "sqlite",
  jsonType: "text",
  maxParams: 30_000,
  readJson: <T>(value: unknown) => (value === null ? null : JSON.parse(value as string)) as T,
  addId: (table) => table.addColumn("id", "integer", (c) => c.primaryKey().autoIncrement()),
  lockForWrite: async () => {},
  jsonText: (column, path) => sql<string | null>`json_extract(${column}, ${sqlitePath(path)})`,
  jsonArrayHasAny: (column, path, values) =>
    sql<boolean>`exists (select 1 from json_each(${column}, ${sqlitePath(path)}) as j where j.value in (${sql.join(values)}))`,
};

/** `$."a"."b"`: a JSON path for SQLite with every key quoted. */
function sqlitePath(path: string[]): string {
  return `$${path.map((k) => `."${k.replace(/"/g, "")}"`).join("")}`;
}

const postgresDialect: Dialect = {
  kind: "postgres",
  jsonType: "jsonb",
  maxParams: 60_000,
  readJson: <T>(value: unknown) => value as T,
  addId: (table) => table.addColumn("id", "serial", (c) => c.primaryKey()),
  lockForWrite: async (db) => {
    await sql`select pg_advisory_xact_lock(${PG_WRITE_LOCK})`.execute(db);
  },
  jsonText: (column, path) => sql<string | null>`(${column} #>> ${path}::text[])`,
  jsonArrayHasAny: (column, path, values) =>
    sql<boolean>`coalesce(jsonb_exists_any(${column} #> ${path}::text[], ${values}::text[]), false)`,
};

export interface Connection {
  db: Kysely<DB>;
  dialect: Dialect;
  /** SQLite: the one connection under `db`, for the writer's bulk inserts (sqlite-rows.ts). */
  sqlite: Database.Database | null;
}

export function connect(target: DatabaseTarget, opts: { mustExist?: boolean } = {}): Connection {
  if (target.kind !== "sqlite")
    return { db: openPostgres(target.url), dialect: postgresDialect, sqlite: null };
  const { db, raw } = openSqlite(target, opts.mustExist ?? false);
  return { db, dialect: sqliteDialect, sqlite: raw };
}

/** Statements kept prepared, by SQL text; Kysely itself prepares anew on every call. */
const STATEMENT_CACHE_SIZE = 256;
/** Longer statements (multi-row inserts) are prepared for one use. */
const STATEMENT_CACHE_MAX_TEXT = 4000;

function openSqlite(
  target: Extract<DatabaseTarget, { kind: "sqlite" }>,
  mustExist: boolean,
): { db: Kysely<DB>; raw: Database.Database } {
  if (mustExist && !existsSync(target.path))
    throw new StoreError(`no database at ${target.label}: run dyad ingest first (or pass --db PATH)`);
  if (existsSync(target.path) && statSync(target.path).isDirectory())
    throw new StoreError(`${target.label} is a folder, not a database file`);
  if (target.isDefault) mkdirSync(dirname(target.path), { recursive: true });
  else if (!existsSync(dirname(target.path)))
    throw new StoreError(`cannot open ${target.label}: its folder ${dirname(target.path)} does not exist`);
  const raw = new Database(target.path, { timeout: busyTimeoutMs() });
  try {
    // WAL: readers never block the writer; NORMAL sync is crash-safe for the
    // process (kill -9), and only an OS crash can lose the last commits.
    raw.pragma("journal_mode = WAL");
    raw.pragma("synchronous = NORMAL");
    // Checkpoints (each with two fsyncs) every 32 MB of WAL rather than 4 MB: an ingest's commits
    // spent half their time in them. The WAL file is cut back to 64 MB after each.
    raw.pragma("wal_autocheckpoint = 8192");
    raw.pragma("journal_size_limit = 67108864");
    raw.pragma("foreign_keys = ON");
  } catch (err) {
    raw.close();
    throw err;
  }
  const cache = new Map<string, Database.Statement>();
  const database: SqliteDatabase = {
    close: () => raw.close(),
    prepare(text: string) {
      // IMMEDIATE takes the write lock at BEGIN, where the busy timeout applies;
      // a deferred transaction that reads first can fail at once with SQLITE_BUSY.
      const query = text === "begin" ? "begin immediate" : text;
      let stmt = cache.get(query);
      if (!stmt) {
        stmt = raw.prepare(query);
        // Multi-row inserts come in every row count and hold megabytes each once prepared: cached,
        // even a few of them grow a long ingest by hundreds of MB; preparing them anew costs little.
        if (query.length > STATEMENT_CACHE_MAX_TEXT) return stmt;
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
        cache.set(query, stmt);
      }
      return stmt;
    },
  };
  return { db: new Kysely<DB>({ dialect: new SqliteDialect({ database }) }), raw };
}

/** bigint (count(*), sum) and numeric come back from pg as strings; dyad's numbers fit a double. */
const NUMERIC_OIDS = new Set([20, 1700]);

function openPostgres(url: string): Kysely<DB> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 4,
    connectionTimeoutMillis: 10_000,
    application_name: "dyad",
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        NUMERIC_OIDS.has(oid) ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as never,
    },
  });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on("error", () => {});
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}
