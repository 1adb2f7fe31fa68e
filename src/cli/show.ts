/** `dyad show EVENT_ID` and `dyad stats`: one record in full, and what the store holds. */
import { type EventDetail, eventDetail, stats } from "../store/index.js";
import { type DbOptions, parseFormat, withStore } from "./db.js";
import { UsageError, writeOut } from "./io.js";

export async function showCommand(id: string, opts: DbOptions & { format?: string }): Promise<number> {
  const format = parseFormat(opts.format, ["text", "json"] as const, "text");
  if (!/^\d+$/.test(id.trim()))
    throw new UsageError(`show takes an event id (a number from dyad events), not "${id}"`);
  return withStore(
    opts,
    async (store) => {
      const detail = await eventDetail(store, Number(id));
      await writeOut(format === "json" ? `${JSON.stringify(detail, null, 2)}\n` : formatDetail(detail));
      return 0;
    },
    { mustExist: true },
  );
}

/** The evidence sentence with [A actor], {trigger} and [R recipient] marked, as extract --explain does. */
export function markSpans(d: EventDetail): string {
  if (!d.sentence) return "(sentence not stored)";
  const base = d.sentence.start;
  const r = d.record;
  const spans: { start: number; end: number; open: string; close: string }[] = [
    { start: r.actor.start, end: r.actor.end, open: "[A ", close: "]" },
    { start: r.evidence.trigger.start, end: r.evidence.trigger.end, open: "{", close: "}" },
  ];
  if (r.recipient) spans.push({ start: r.recipient.start, end: r.recipient.end, open: "[R ", close: "]" });
  let text = d.sentence.text;
  // Right to left, so earlier offsets stay valid; spans outside the sentence are left out.
  for (const s of spans.sort((a, b) => b.start - a.start)) {
    const from = s.start - base;
    const to = s.end - base;
    if (from < 0 || to > text.length || from >= to) continue;
    text = text.slice(0, from) + s.open + text.slice(from, to) + s.close + text.slice(to);
  }
  return text.replace(/\s+/g, " ");
}

function formatDetail(d: EventDetail): string {
  const r = d.record;
  const who = (a: { name: string; id: string; text: string } | null) =>
    a ? `${a.name} (${a.id}), "${a.text}"` : "(none)";
  const doc = d.document;
  const lines = [
    `event ${d.id}: ${r.event}${r.mode ? `/${r.mode}` : ""}, ${r.modality}${r.date ? `, ${r.date}` : ""}` +
      (d.live ? "" : "  [replaced: from an older version of its document]"),
    `  actor       ${who(r.actor)}`,
    `  recipient   ${who(r.recipient)}`,
  ];
  if (r.reported_by) lines.push(`  reported by ${who(r.reported_by)}`);
  if (r.location)
    lines.push(`  location    ${r.location.name}${r.location.country ? ` (${r.location.country})` : ""}`);
  if (r.quantities.length) lines.push(`  quantities  ${r.quantities.map((q) => q.text).join(", ")}`);
  lines.push(`  pattern     ${r.pattern}`);
  lines.push(`  evidence    sentence ${r.evidence.sentence}: ${markSpans(d)}`);
  const s = d.story;
  const span = s.firstDate
    ? `, ${s.firstDate}${s.lastDate && s.lastDate !== s.firstDate ? ` – ${s.lastDate}` : ""}`
    : "";
  lines.push(
    `  story ${s.id}: ${s.events} event${s.events === 1 ? "" : "s"} from ${s.documents} document${s.documents === 1 ? "" : "s"}${span}`,
  );
  for (const o of s.others)
    lines.push(`    event ${o.id}  ${o.date ?? "undated"}  ${o.title ?? o.docId} (${o.source})`);
  lines.push(
    `  document    ${doc.title ?? "(untitled)"} [${doc.docId}], ${doc.source}`,
    `              published ${doc.published ?? "unknown"}, version ${doc.version}${doc.current ? " (current)" : ""}, ` +
      `sha256 ${doc.contentHash.slice(0, 12)}…, first seen ${doc.firstSeen.slice(0, 19)}`,
  );
  return `${lines.join("\n")}\n`;
}

export async function statsCommand(opts: DbOptions & { format?: string }): Promise<number> {
  const format = parseFormat(opts.format, ["text", "json"] as const, "text");
  return withStore(
    opts,
    async (store) => {
      const s = await stats(store);
      if (format === "json") {
        await writeOut(`${JSON.stringify(s)}\n`);
        return 0;
      }
      const lines = [
        `${store.label}`,
        `  documents ${s.documents}, sentences ${s.sentences}, actors ${s.actors}, events ${s.events}, stories ${s.stories}`,
        "  runs (newest first):",
        ...s.runs.map(
          (r) =>
            `    ${r.id} ${r.command} ${r.startedAt.slice(0, 19)} ${r.status}: ${r.documents.new} new, ` +
            `${r.documents.unchanged} unchanged, ${r.documents.changed} changed, ${r.documents.failed} failed; ` +
            `+${r.events.added} -${r.events.removed} events; ${r.seconds} s`,
        ),
      ];
      await writeOut(`${lines.join("\n")}\n`);
      return 0;
    },
    { mustExist: true },
  );
}
