/**
 * What a database holds, independent of the order documents were written in:
 * every live event with its document's source, its record and its story's
 * key and counts (not the ids, nor the anchor day, which depend on who wrote first). Two ingests of the same
 * corpus must give equal digests, however they were run.
 */
import { openStore, resolveTarget } from "../src/store/index.js";

export async function storeDigest(env: Record<string, string>): Promise<string[]> {
  const store = await openStore(resolveTarget({ env }), { mustExist: true });
  try {
    const rows = await store.db
      .selectFrom("events as e")
      .innerJoin("documents as d", "d.id", "e.document_id")
      .innerJoin("stories as s", "s.id", "e.story_id")
      .select([
        "d.source_key",
        "d.version",
        "d.content_hash",
        "e.record_id",
        "e.event_type",
        "e.modality",
        "e.date",
        "e.actor_id",
        "e.recipient_id",
        "e.sentence",
        "e.trigger_start",
        "e.pattern",
        "e.live",
        "s.actor_key",
        "s.recipient_key",
        "s.event_count",
        "s.document_count",
      ])
      .execute();
    return rows.map((r) => JSON.stringify(r)).sort();
  } finally {
    await store.close();
  }
}
