/** `dyad events`: stored events, filtered, as a table, CSV or JSON Lines. */
import { EVENT_TYPES, MODALITIES } from "../model/event.js";
import { type EventFilter, type EventSummary, findEvents } from "../store/index.js";
import { checkDate, type DbOptions, parseCount, parseFormat, withStore } from "./db.js";
import { type Column, csvHeader, csvLine, formatTable } from "./format.js";
import { UsageError, writeOut } from "./io.js";

export interface EventsCommandOptions extends DbOptions {
  actor?: string;
  recipient?: string;
  dyad?: string;
  type?: string;
  modality?: string;
  since?: string;
  until?: string;
  text?: string;
  limit?: string;
  format?: string;
}

const FORMATS = ["table", "csv", "jsonl"] as const;

const TABLE: Column<EventSummary>[] = [
  { header: "id", value: (e) => e.id },
  { header: "date", value: (e) => e.date ?? (e.day ? `(${e.day})` : "") },
  { header: "event", value: (e) => e.event },
  { header: "modality", value: (e) => e.modality },
  { header: "actor", value: (e) => e.actor.name, max: 28 },
  { header: "recipient", value: (e) => e.recipient?.name ?? "", max: 28 },
  {
    header: "story",
    value: (e) => `${e.story.id} (${e.story.documents} doc${e.story.documents === 1 ? "" : "s"})`,
  },
  { header: "document", value: (e) => e.document.title ?? e.document.docId, max: 40 },
];

const CSV: Column<EventSummary>[] = [
  { header: "id", value: (e) => e.id },
  { header: "date", value: (e) => e.date },
  { header: "day", value: (e) => e.day },
  { header: "event", value: (e) => e.event },
  { header: "mode", value: (e) => e.mode },
  { header: "modality", value: (e) => e.modality },
  { header: "actor_id", value: (e) => e.actor.id },
  { header: "actor_name", value: (e) => e.actor.name },
  { header: "actor_key", value: (e) => e.actor.key },
  { header: "recipient_id", value: (e) => e.recipient?.id },
  { header: "recipient_name", value: (e) => e.recipient?.name },
  { header: "recipient_key", value: (e) => e.recipient?.key },
  { header: "story_id", value: (e) => e.story.id },
  { header: "story_documents", value: (e) => e.story.documents },
  { header: "doc_id", value: (e) => e.document.docId },
  { header: "source", value: (e) => e.document.source },
  { header: "title", value: (e) => e.document.title },
  { header: "published", value: (e) => e.document.published },
  { header: "trigger", value: (e) => e.record.evidence.trigger.text },
  { header: "pattern", value: (e) => e.record.pattern },
];

/** "assault,coerce" -> ["ASSAULT", "COERCE"], each checked against the 16 PLOVER types. */
export function parseTypes(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const types = value.split(",").map((t) => t.trim().toUpperCase());
  for (const t of types) {
    if (!(EVENT_TYPES as readonly string[]).includes(t))
      throw new UsageError(`--type takes PLOVER types (${EVENT_TYPES.join(", ")}), not "${t}"`);
  }
  return types;
}

export function parseModalities(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const list = value.split(",").map((m) => m.trim().toLowerCase());
  for (const m of list) {
    if (!(MODALITIES as readonly string[]).includes(m))
      throw new UsageError(`--modality takes ${MODALITIES.join(", ")}, not "${m}"`);
  }
  return list;
}

export function parseDyad(value: string | undefined): [string, string] | undefined {
  if (value === undefined) return undefined;
  const parts = value.split(",").map((p) => p.trim());
  if (parts.length !== 2 || !parts[0] || !parts[1])
    throw new UsageError(`--dyad takes two actors separated by a comma (e.g. RUS,UKR), not "${value}"`);
  return [parts[0], parts[1]];
}

/** The filters `dyad events` and `dyad export` share, checked; `defaultLimit` 0 means all. */
export function eventFilter(opts: EventsCommandOptions, defaultLimit: number): EventFilter {
  return {
    actor: opts.actor,
    recipient: opts.recipient,
    dyad: parseDyad(opts.dyad),
    types: parseTypes(opts.type),
    modalities: parseModalities(opts.modality),
    since: checkDate("--since", opts.since),
    until: checkDate("--until", opts.until),
    text: opts.text,
    limit: parseCount("--limit", opts.limit, defaultLimit),
  };
}

export async function eventsCommand(opts: EventsCommandOptions): Promise<number> {
  const format = parseFormat(opts.format, FORMATS, "table");
  // A table is for reading: 100 rows unless asked; csv and jsonl get everything.
  const filter = eventFilter(opts, format === "table" ? 100 : 0);
  return withStore(
    opts,
    async (store) => {
      if (format === "table") {
        const rows: EventSummary[] = [];
        for await (const e of findEvents(store, filter)) rows.push(e);
        await writeOut(rows.length ? formatTable(rows, TABLE) : "no events match\n");
        return 0;
      }
      if (format === "csv") await writeOut(csvHeader(CSV));
      for await (const e of findEvents(store, filter)) {
        await writeOut(
          format === "csv"
            ? csvLine(e, CSV)
            : `${JSON.stringify({ id: e.id, story: e.story, document: e.document, record: e.record })}\n`,
        );
      }
      return 0;
    },
    { mustExist: true },
  );
}
