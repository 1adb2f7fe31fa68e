/**
 * The document view's text as pieces: the cleaned text cut at every sentence,
 * mention, trigger and role boundary, each piece knowing what covers it. The
 * renderer turns pieces into text nodes (never HTML), so article text cannot
 * inject markup. Pure: unit-tested in Node.
 */

export interface Range {
  start: number;
  end: number;
}

export interface MentionSpan extends Range {
  actor: string;
  name: string;
  kind: string;
}

export interface EventSpans {
  id: number;
  event: string;
  trigger: Range | null;
  actorSpan: Range | null;
  recipientSpan: Range | null;
}

export interface Piece {
  text: string;
  start: number;
  end: number;
  mention: MentionSpan | null;
  /** Events whose trigger, actor span or recipient span covers this piece. */
  triggerOf: EventSpans[];
  actorOf: number[];
  recipientOf: number[];
}

export interface Block {
  /** Sentence index, or null for text between sentences. */
  sentence: number | null;
  pieces: Piece[];
}

const covers = (r: Range | null | undefined, a: number, b: number) => !!r && r.start <= a && r.end >= b;

export function cutText(
  text: string,
  sentences: { index: number; start: number; end: number }[],
  mentions: MentionSpan[],
  events: EventSpans[],
): Block[] {
  const n = text.length;
  const clamp = (x: number) => Math.max(0, Math.min(n, Math.floor(x)));
  const valid = (r: Range | null | undefined): r is Range => !!r && clamp(r.start) < clamp(r.end);
  const cuts = new Set<number>([0, n]);
  const add = (r: Range | null | undefined) => {
    if (!valid(r)) return;
    cuts.add(clamp(r.start));
    cuts.add(clamp(r.end));
  };
  const sents = [...sentences].filter(valid).sort((a, b) => a.start - b.start);
  sents.forEach(add);
  const ments = mentions.filter(valid).sort((a, b) => a.start - b.start || b.end - a.end);
  ments.forEach(add);
  for (const e of events) {
    add(e.trigger);
    add(e.actorSpan);
    add(e.recipientSpan);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const blocks: Block[] = [];
  let si = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    while (si < sents.length && sents[si].end <= a) si++;
    const sentence = si < sents.length && sents[si].start <= a && sents[si].end >= b ? sents[si].index : null;
    // The innermost (shortest) mention that covers the piece.
    let mention: MentionSpan | null = null;
    for (const m of ments) {
      if (m.start > a) break;
      if (covers(m, a, b) && (!mention || m.end - m.start < mention.end - mention.start)) mention = m;
    }
    const piece: Piece = {
      text: text.slice(a, b),
      start: a,
      end: b,
      mention,
      triggerOf: events.filter((e) => covers(e.trigger, a, b)),
      actorOf: events.filter((e) => covers(e.actorSpan, a, b)).map((e) => e.id),
      recipientOf: events.filter((e) => covers(e.recipientSpan, a, b)).map((e) => e.id),
    };
    const last = blocks[blocks.length - 1];
    if (last && last.sentence === sentence) last.pieces.push(piece);
    else blocks.push({ sentence, pieces: [piece] });
  }
  return blocks;
}

/** The query's words in `text`, as alternating plain and matched parts (for search hits). */
export function markTerms(text: string, query: string): { text: string; hit: boolean }[] {
  const words = [
    ...new Set(
      query
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w.length > 1 && !["and", "or", "not", "near"].includes(w)),
    ),
  ];
  if (words.length === 0 || !text) return [{ text, hit: false }];
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join("|")})[\\p{L}\\p{N}]*`, "giu");
  const out: { text: string; hit: boolean }[] = [];
  let at = 0;
  for (const m of text.matchAll(re)) {
    const i = m.index ?? 0;
    if (i > at) out.push({ text: text.slice(at, i), hit: false });
    out.push({ text: m[0], hit: true });
    at = i + m[0].length;
  }
  if (at < text.length) out.push({ text: text.slice(at), hit: false });
  return out;
}
