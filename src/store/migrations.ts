/**
 * Numbered schema migrations, defined in code and applied on open, each in its
 * own transaction and recorded in `dyad_schema`. A database whose schema is
 * newer than this build is refused, never downgraded or written to.
 */
import { type Kysely, sql } from "kysely";
import type { Dialect } from "./dialect.js";
import { SchemaTooNewError } from "./errors.js";
import { createSentenceIndex } from "./fts.js";
import type { DB } from "./schema.js";

export interface Migration {
  version: number;
  name: string;
  up(db: Kysely<DB>, dialect: Dialect): Promise<void>;
}

async function initial(db: Kysely<DB>, d: Dialect): Promise<void> {
  const s = db.schema;
  await d
    .addId(s.createTable("runs"))
    .addColumn("command", "text", (c) => c.notNull())
    .addColumn("started_at", "text", (c) => c.notNull())
    .addColumn("finished_at", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("dyad_version", "text", (c) => c.notNull())
    .addColumn("versions", d.jsonType, (c) => c.notNull())
    .addColumn("options", d.jsonType, (c) => c.notNull())
    .addColumn("documents_new", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("documents_unchanged", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("documents_changed", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("documents_failed", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("events_added", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("events_removed", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("bytes", "bigint", (c) => c.notNull().defaultTo(0))
    .addColumn("seconds", "real", (c) => c.notNull().defaultTo(0))
    .execute();

  await d
    .addId(s.createTable("documents"))
    .addColumn("source_key", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("is_current", "integer", (c) => c.notNull())
    .addColumn("doc_id", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("format", "text", (c) => c.notNull())
    .addColumn("title", "text")
    .addColumn("published", "text")
    .addColumn("published_source", "text")
    .addColumn("url", "text")
    .addColumn("author", "text")
    .addColumn("language", "text", (c) => c.notNull())
    .addColumn("content_hash", "text", (c) => c.notNull())
    .addColumn("raw_text", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("chars", "integer", (c) => c.notNull())
    .addColumn("reader", d.jsonType, (c) => c.notNull())
    .addColumn("extractor", "text", (c) => c.notNull())
    .addColumn("versions", d.jsonType, (c) => c.notNull())
    .addColumn("output", d.jsonType, (c) => c.notNull())
    .addColumn("sentence_count", "integer", (c) => c.notNull())
    .addColumn("mention_count", "integer", (c) => c.notNull())
    .addColumn("event_count", "integer", (c) => c.notNull())
    .addColumn("first_run", "integer", (c) => c.notNull().references("runs.id"))
    .addColumn("last_run", "integer", (c) => c.notNull().references("runs.id"))
    .addColumn("extracted_run", "integer", (c) => c.notNull().references("runs.id"))
    .addColumn("first_seen", "text", (c) => c.notNull())
    .addColumn("last_seen", "text", (c) => c.notNull())
    .addUniqueConstraint("documents_source_version", ["source_key", "version"])
    .execute();
  await s.createIndex("documents_current").on("documents").columns(["source_key", "is_current"]).execute();
  await s.createIndex("documents_hash").on("documents").column("content_hash").execute();
  await s.createIndex("documents_published").on("documents").columns(["is_current", "published"]).execute();

  await d
    .addId(s.createTable("sentences"))
    .addColumn("document_id", "integer", (c) => c.notNull().references("documents.id"))
    .addColumn("idx", "integer", (c) => c.notNull())
    .addColumn("start", "integer", (c) => c.notNull())
    .addColumn("end", "integer", (c) => c.notNull())
    .addColumn("language", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addUniqueConstraint("sentences_document_idx", ["document_id", "idx"])
    .execute();
  await createSentenceIndex(db, d);

  await s
    .createTable("actors")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("country", "text")
    .addColumn("sector", "text")
    .addColumn("affiliation_id", "text")
    .addColumn("affiliation_name", "text")
    .addColumn("first_seen", "text", (c) => c.notNull())
    .execute();
  await s.createIndex("actors_name").on("actors").expression(sql`lower(name)`).execute();
  await s.createIndex("actors_country").on("actors").column("country").execute();

  await d
    .addId(s.createTable("mentions"))
    .addColumn("document_id", "integer", (c) => c.notNull().references("documents.id"))
    .addColumn("actor_id", "text", (c) => c.notNull().references("actors.id"))
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("start", "integer", (c) => c.notNull())
    .addColumn("end", "integer", (c) => c.notNull())
    .addColumn("sentence", "integer", (c) => c.notNull())
    .addColumn("via", "text", (c) => c.notNull())
    .addColumn("role", "text")
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("country", "text")
    .addColumn("sector", "text")
    .addColumn("affiliation_id", "text")
    .addColumn("affiliation_name", "text")
    .execute();
  await s.createIndex("mentions_actor").on("mentions").column("actor_id").execute();
  await s.createIndex("mentions_document").on("mentions").column("document_id").execute();
  await s.createIndex("mentions_text").on("mentions").expression(sql`lower(text)`).execute();

  await d
    .addId(s.createTable("stories"))
    .addColumn("actor_key", "text", (c) => c.notNull())
    .addColumn("event_type", "text", (c) => c.notNull())
    .addColumn("recipient_key", "text", (c) => c.notNull())
    .addColumn("anchor_day", "integer")
    .addColumn("first_date", "text")
    .addColumn("last_date", "text")
    .addColumn("event_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("document_count", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await s
    .createIndex("stories_key")
    .on("stories")
    .columns(["actor_key", "event_type", "recipient_key", "anchor_day"])
    .execute();

  await d
    .addId(s.createTable("events"))
    .addColumn("document_id", "integer", (c) => c.notNull().references("documents.id"))
    .addColumn("record_id", "text", (c) => c.notNull())
    .addColumn("event_type", "text", (c) => c.notNull())
    .addColumn("mode", "text")
    .addColumn("modality", "text", (c) => c.notNull())
    .addColumn("date", "text")
    .addColumn("date_start", "text", (c) => c.notNull())
    .addColumn("date_end", "text", (c) => c.notNull())
    .addColumn("actor_id", "text", (c) => c.notNull())
    .addColumn("actor_name", "text", (c) => c.notNull())
    .addColumn("actor_country", "text")
    .addColumn("actor_key", "text", (c) => c.notNull())
    .addColumn("recipient_id", "text")
    .addColumn("recipient_name", "text")
    .addColumn("recipient_country", "text")
    .addColumn("recipient_key", "text")
    .addColumn("reported_by_id", "text")
    .addColumn("sentence", "integer", (c) => c.notNull())
    .addColumn("trigger_start", "integer", (c) => c.notNull())
    .addColumn("trigger_end", "integer", (c) => c.notNull())
    .addColumn("pattern", "text", (c) => c.notNull())
    .addColumn("story_id", "integer", (c) => c.notNull().references("stories.id"))
    .addColumn("live", "integer", (c) => c.notNull())
    .addColumn("run_id", "integer", (c) => c.notNull().references("runs.id"))
    .addColumn("record", d.jsonType, (c) => c.notNull())
    .execute();
  const eventIndexes: [string, string[]][] = [
    ["events_date", ["live", "date_start", "id"]],
    ["events_type", ["event_type", "date_start"]],
    ["events_actor", ["actor_id"]],
    ["events_recipient", ["recipient_id"]],
    ["events_dyad", ["actor_key", "recipient_key"]],
    ["events_recipient_key", ["recipient_key"]],
    ["events_story", ["story_id"]],
    ["events_document", ["document_id"]],
  ];
  for (const [name, columns] of eventIndexes)
    await s.createIndex(name).on("events").columns(columns).execute();
}

export const MIGRATIONS: readonly Migration[] = [{ version: 1, name: "initial schema", up: initial }];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

export async function schemaVersion(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom("dyad_schema")
    .select((eb) => eb.fn.max("version").as("v"))
    .executeTakeFirst();
  return Number(row?.v ?? 0);
}

/** Brings the schema up to date; refuses a schema newer than MIGRATIONS knows. */
export async function migrate(
  db: Kysely<DB>,
  dialect: Dialect,
  label: string,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<void> {
  const known = migrations[migrations.length - 1].version;
  await db.schema
    .createTable("dyad_schema")
    .ifNotExists()
    .addColumn("version", "integer", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("applied_at", "text", (c) => c.notNull())
    .execute();
  let current = await schemaVersion(db);
  if (current > known) throw new SchemaTooNewError(label, current, known);
  for (const m of migrations) {
    if (m.version <= current) continue;
    await db.transaction().execute(async (trx) => {
      await dialect.lockForWrite(trx);
      // Another process may have migrated while this one waited for the lock.
      if ((await schemaVersion(trx)) >= m.version) return;
      await m.up(trx, dialect);
      await trx
        .insertInto("dyad_schema")
        .values({ version: m.version, name: m.name, applied_at: new Date().toISOString() })
        .execute();
    });
    current = m.version;
  }
}
