/**
 * The writer's bulk inserts on SQLite, straight through better-sqlite3 with
 * statements prepared once: building each multi-row INSERT in Kysely and
 * preparing it anew cost as much as SQLite's own work. The inserts run only
 * inside a write transaction (the connection is the one Kysely's transaction
 * holds), so they commit or roll back with it. Rows go in the order given:
 * ids come out the same as from one multi-row INSERT.
 */
import type BetterSqlite3 from "better-sqlite3";
import type { Value } from "./doc-rows.js";

type Db = BetterSqlite3.Database;

/** Rows per multi-row INSERT, largest first: one step for many rows, and few statements to keep prepared. */
const CHUNKS = [128, 16, 1];

const statements = new WeakMap<Db, Map<string, BetterSqlite3.Statement>>();

/** `text` prepared once per connection. */
export function prepared(db: Db, text: string): BetterSqlite3.Statement {
  let cache = statements.get(db);
  if (!cache) {
    cache = new Map();
    statements.set(db, cache);
  }
  let stmt = cache.get(text);
  if (!stmt) {
    stmt = db.prepare(text);
    cache.set(text, stmt);
  }
  return stmt;
}

function insertText(table: string, columns: readonly string[], rows: number, suffix: string): string {
  const one = `(${columns.map(() => "?").join(", ")})`;
  return `insert into "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) values ${Array(rows).fill(one).join(", ")}${suffix}`;
}

/** Inserts flat `values` (`columns.length` per row) into `table`, in order. */
export function insertRows(
  db: Db,
  table: string,
  columns: readonly string[],
  values: readonly Value[],
  suffix = "",
): void {
  const width = columns.length;
  const rows = values.length / width;
  let i = 0;
  for (const size of CHUNKS) {
    if (rows - i < size) continue;
    const stmt = prepared(db, insertText(table, columns, size, suffix));
    for (; i + size <= rows; i += size) stmt.run(values.slice(i * width, (i + size) * width));
  }
}

/** One row; returns its new id. */
export function insertRow(
  db: Db,
  table: string,
  columns: readonly string[],
  values: readonly Value[],
): number {
  return Number(prepared(db, insertText(table, columns, 1, "")).run(values).lastInsertRowid);
}
