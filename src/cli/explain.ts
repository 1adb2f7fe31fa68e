/** `--explain`: each record as its sentence with the spans marked, and the pattern that made it. */
import type { Document } from "../model/document.js";

function mark(
  text: string,
  spans: { start: number; end: number; open: string; close: string }[],
  base: number,
): string {
  const sorted = [...spans].sort((a, b) => b.start - a.start);
  let out = text;
  for (const s of sorted) {
    const a = s.start - base;
    const b = s.end - base;
    if (a < 0 || b > out.length || a >= b) continue;
    out = out.slice(0, a) + s.open + out.slice(a, b) + s.close + out.slice(b);
  }
  return out;
}

export function formatExplain(doc: Document): string {
  const lines: string[] = [];
  lines.push(
    `== ${doc.source}  (${doc.title ?? "untitled"}; published ${doc.published ?? "unknown"} via ${doc.publishedSource ?? "-"})`,
  );
  lines.push(
    `   actors: ${doc.actors.map((a) => `${a.name} [${a.kind}${a.country ? ` ${a.country}` : ""}${a.sector ? ` ${a.sector}` : ""}]`).join("; ") || "none"}`,
  );
  if (doc.events.length === 0) lines.push("   no events");
  for (const e of doc.events) {
    const s = doc.sentences[e.evidence.sentence];
    const sentence = doc.text.slice(s.start, s.end);
    const spans = [
      { start: e.actor.start, end: e.actor.end, open: "[A ", close: "]" },
      { start: e.evidence.trigger.start, end: e.evidence.trigger.end, open: "{", close: "}" },
    ];
    if (e.recipient) spans.push({ start: e.recipient.start, end: e.recipient.end, open: "[R ", close: "]" });
    const who = `${e.actor.name}${e.actor.country ? ` (${e.actor.country})` : ""}`;
    const whom = e.recipient
      ? `${e.recipient.name}${e.recipient.country ? ` (${e.recipient.country})` : ""}`
      : "-";
    lines.push(
      `-- ${who} -> ${e.event}${e.mode ? `/${e.mode}` : ""} -> ${whom}  date ${e.date ?? "?"}  ${e.modality}` +
        `${e.context.length ? `  context ${e.context.join(",")}` : ""}${e.reported_by ? `  reported by ${e.reported_by.name}` : ""}`,
    );
    if (e.quantities.length)
      lines.push(`   quantities: ${e.quantities.map((q) => `${q.value} ${q.unit}`).join("; ")}`);
    if (e.location)
      lines.push(`   location: ${e.location.name}${e.location.country ? ` (${e.location.country})` : ""}`);
    lines.push(`   pattern ${e.pattern}`);
    lines.push(`   ${mark(sentence, spans, s.start)}`);
  }
  return `${lines.join("\n")}\n\n`;
}
