/**
 * Full-text search over sentences, the one place the two backends really
 * differ: SQLite keeps an FTS5 table in step with `sentences` by triggers;
 * PostgreSQL a generated tsvector column with a GIN index. Both stem English
 * (porter / 'english'), and both take the user's query only as a parameter.
 */
import { type Kysely, sql } from "kysely";
import type { Dialect } from "./dialect.js";
import type { DB } from "./schema.js";

/** DDL of the index; part of the first migration. */
export async function createSentenceIndex(db: Kysely<DB>, dialect: Dialect): Promise<void> {
  if (dialect.kind === "postgres") {
    await sql`alter table sentences add column tsv tsvector
      generated always as (to_tsvector('english', text)) stored`.execute(db);
    await sql`create index sentences_tsv on sentences using gin (tsv)`.execute(db);
    return;
  }
  await sql`create virtual table sentence_fts using fts5(
      text, content='sentences', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')`.execute(
    db,
  );
  await sql`create trigger sentences_fts_insert after insert on sentences begin
      insert into sentence_fts(rowid, text) values (new.id, new.text); end`.execute(db);
  await sql`create trigger sentences_fts_delete after delete on sentences begin
      insert into sentence_fts(sentence_fts, rowid, text) values ('delete', old.id, old.text); end`.execute(
    db,
  );
}

export interface SentenceMatch {
  /** sentences.id */
  id: number;
  /** Lower is better. */
  rank: number;
}

/**
 * A derived table of the sentences matching `query` (websearch syntax: words,
 * "quoted phrases", OR, -excluded), to join on sentences.id. Null when the
 * query has no searchable word, so callers can answer "nothing" at once.
 */
export function sentenceMatches(dialect: Dialect, query: string) {
  if (dialect.kind === "postgres") {
    if (!/[\p{L}\p{N}]/u.test(query)) return null;
    return sql<SentenceMatch>`(select id, -ts_rank(tsv, websearch_to_tsquery('english', ${query})) as rank
      from sentences where tsv @@ websearch_to_tsquery('english', ${query}))`;
  }
  const match = toFts5Query(query);
  if (match === null) return null;
  return sql<SentenceMatch>`(select rowid as id, rank as rank from sentence_fts where sentence_fts match ${match})`;
}

/**
 * The websearch syntax PostgreSQL understands, as an FTS5 expression in which
 * every word is a quoted string, so no user input is ever read as FTS5 syntax.
 */
export function toFts5Query(query: string): string | null {
  const groups: { plus: string[]; minus: string[] }[] = [{ plus: [], minus: [] }];
  for (const m of query.matchAll(/(-?)"([^"]*)"?|(\S+)/g)) {
    const negated = m[1] === "-" || (m[3]?.startsWith("-") ?? false);
    const text = m[2] ?? m[3].replace(/^-/, "");
    if (m[3] === "OR") {
      groups.push({ plus: [], minus: [] });
      continue;
    }
    if (!/[\p{L}\p{N}]/u.test(text)) continue;
    const quoted = `"${text.replace(/"/g, '""')}"`;
    groups[groups.length - 1][negated ? "minus" : "plus"].push(quoted);
  }
  const parts = groups
    .filter((g) => g.plus.length > 0)
    .map((g) => `(${[g.plus.join(" AND "), ...g.minus].join(" NOT ")})`);
  return parts.length ? parts.join(" OR ") : null;
}
