/** `dyad actors` (the list) and `dyad actor ID` (one actor's dossier). */
import { ACTOR_KINDS } from "../model/actor.js";
import { type ActorDossier, type ActorSummary, actorDossier, listActors } from "../store/index.js";
import { type DbOptions, parseCount, parseFormat, withStore } from "./db.js";
import { type Column, csvHeader, csvLine, formatTable } from "./format.js";
import { UsageError, writeOut } from "./io.js";

export interface ActorsCommandOptions extends DbOptions {
  kind?: string;
  q?: string;
  limit?: string;
  format?: string;
}

const COLUMNS: Column<ActorSummary>[] = [
  { header: "id", value: (a) => a.id, max: 32 },
  { header: "name", value: (a) => a.name, max: 32 },
  { header: "kind", value: (a) => a.kind },
  { header: "country", value: (a) => a.country },
  { header: "sector", value: (a) => a.sector },
  { header: "affiliation", value: (a) => a.affiliation?.id },
  { header: "mentions", value: (a) => a.mentions },
  { header: "as_actor", value: (a) => a.asActor },
  { header: "as_recipient", value: (a) => a.asRecipient },
];

export async function actorsCommand(opts: ActorsCommandOptions): Promise<number> {
  const format = parseFormat(opts.format, ["table", "csv", "jsonl"] as const, "table");
  if (opts.kind !== undefined && !(ACTOR_KINDS as readonly string[]).includes(opts.kind))
    throw new UsageError(`--kind takes ${ACTOR_KINDS.join(", ")}, not "${opts.kind}"`);
  const limit = parseCount("--limit", opts.limit, 100);
  return withStore(
    opts,
    async (store) => {
      const rows = await listActors(store, { kind: opts.kind, q: opts.q, limit: limit || undefined });
      if (format === "table") await writeOut(rows.length ? formatTable(rows, COLUMNS) : "no actors match\n");
      else if (format === "csv")
        await writeOut(csvHeader(COLUMNS) + rows.map((r) => csvLine(r, COLUMNS)).join(""));
      else await writeOut(rows.map((r) => `${JSON.stringify(r)}\n`).join(""));
      return 0;
    },
    { mustExist: true },
  );
}

export async function actorCommand(id: string, opts: DbOptions & { format?: string }): Promise<number> {
  const format = parseFormat(opts.format, ["text", "json"] as const, "text");
  return withStore(
    opts,
    async (store) => {
      const dossier = await actorDossier(store, id);
      await writeOut(format === "json" ? `${JSON.stringify(dossier, null, 2)}\n` : formatDossier(dossier));
      return 0;
    },
    { mustExist: true },
  );
}

const counts = (c: Record<string, number>) =>
  Object.entries(c)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([t, n]) => `${t} ${n}`)
    .join(", ") || "none";

export function formatDossier(d: ActorDossier): string {
  const a = d.actor;
  const lines = [
    `${a.name} (${a.id})`,
    `  kind ${a.kind}${a.country ? `, country ${a.country}` : ""}${a.sector ? `, sector ${a.sector}` : ""}` +
      `${a.affiliation ? `, affiliated with ${a.affiliation.name} (${a.affiliation.id})` : ""}`,
    `  in ${d.documents} document${d.documents === 1 ? "" : "s"}, first stored ${a.firstSeen.slice(0, 10)}`,
    `  named as: ${d.names.map((n) => `"${n.text}" ${n.count}`).join(", ") || "(no mentions)"}`,
  ];
  if (d.identities.length > 1 || d.identities.some((i) => i.affiliation)) {
    lines.push("  over time:");
    for (const i of d.identities) {
      const who = [i.country, i.sector, i.affiliation ? `${i.affiliation.name}` : null]
        .filter(Boolean)
        .join(" ");
      lines.push(
        `    ${i.first ?? "?"} – ${i.last ?? "?"}  ${who || "(no country or sector)"}  (${i.mentions} mentions)`,
      );
    }
  }
  const scope = d.scope === "state" ? " (with its organs and officials)" : "";
  lines.push(`  as actor${scope}: ${counts(d.asActor)}`);
  lines.push(`  as recipient${scope}: ${counts(d.asRecipient)}`);
  if (d.counterparts.length) {
    lines.push("  top counterparts (events to them / from them):");
    for (const c of d.counterparts) lines.push(`    ${c.name} (${c.key})  ${c.asRecipient} / ${c.asActor}`);
  }
  return `${lines.join("\n")}\n`;
}
