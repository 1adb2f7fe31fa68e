/** `dyad dyads`: actor pairs, their events per type and a cooperation–conflict score per month. */
import { type DyadSummary, dyads, loadPloverTypes } from "../store/index.js";
import { type DbOptions, parseCount, parseFormat, withStore } from "./db.js";
import { csvRow, formatTable, signed } from "./format.js";
import { writeOut } from "./io.js";

export interface DyadsCommandOptions extends DbOptions {
  min?: string;
  limit?: string;
  format?: string;
  dictionaries?: string;
}

export async function dyadsCommand(opts: DyadsCommandOptions): Promise<number> {
  const format = parseFormat(opts.format, ["table", "csv", "jsonl"] as const, "table");
  const min = parseCount("--min", opts.min, 1);
  const limit = parseCount("--limit", opts.limit, format === "table" ? 50 : 0);
  const types = loadPloverTypes(opts.dictionaries);
  return withStore(
    opts,
    async (store) => {
      const rows = await dyads(store, types, { min, limit: limit || undefined });
      if (format === "jsonl") await writeOut(rows.map((r) => `${JSON.stringify(r)}\n`).join(""));
      else if (format === "csv") await writeOut(toCsv(rows));
      else await writeOut(rows.length ? toTable(rows) : "no actor pairs match\n");
      return 0;
    },
    { mustExist: true },
  );
}

function toTable(rows: DyadSummary[]): string {
  return formatTable(rows, [
    { header: "actor", value: (r) => `${r.actor.name} (${r.actor.key})`, max: 30 },
    { header: "recipient", value: (r) => `${r.recipient.name} (${r.recipient.key})`, max: 30 },
    { header: "events", value: (r) => r.events },
    { header: "score", value: (r) => signed(r.score) },
    {
      header: "types",
      value: (r) =>
        Object.entries(r.types)
          .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
          .map(([t, n]) => `${t} ${n}`)
          .join(", "),
      max: 50,
    },
    {
      header: "months (score)",
      value: (r) => r.months.map((m) => `${m.month || "undated"} ${signed(m.score)}`).join(", "),
      max: 80,
    },
  ]);
}

/** One line per pair and month: the shape spreadsheets and plotting tools take. */
function toCsv(rows: DyadSummary[]): string {
  const out = [
    csvRow(["actor_key", "actor_name", "recipient_key", "recipient_name", "month", "events", "score"]),
  ];
  for (const r of rows) {
    for (const m of r.months)
      out.push(
        csvRow([r.actor.key, r.actor.name, r.recipient.key, r.recipient.name, m.month, m.events, m.score]),
      );
  }
  return out.join("");
}
