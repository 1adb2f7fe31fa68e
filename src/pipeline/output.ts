/** The JSON shape `dyad extract` prints per document (see README and EVENTS.md). */
import type { ResolvedActor } from "../model/actor.js";
import type { Document } from "../model/document.js";
import type { EventRecord } from "../model/event.js";

export interface ExtractOutput {
  doc: {
    id: string;
    source: string;
    title: string | null;
    published: string | null;
    published_source: string | null;
    language: string;
    chars: number;
    url?: string | null;
    author?: string | null;
    versions: Record<string, string>;
  };
  sentences: { start: number; end: number; language: string }[];
  actors: ResolvedActor[];
  events: EventRecord[];
  text?: string;
  warnings?: string[];
}

/** The language most of the text is in, by characters. */
export function documentLanguage(doc: Document): string {
  const chars = new Map<string, number>();
  for (const p of doc.paragraphs) chars.set(p.language, (chars.get(p.language) ?? 0) + (p.end - p.start));
  let best = "und";
  let most = -1;
  for (const [lang, n] of chars) {
    if (lang !== "und" && n > most) {
      best = lang;
      most = n;
    }
  }
  return best;
}

export function toOutput(doc: Document, opts: { withText?: boolean } = {}): ExtractOutput {
  const out: ExtractOutput = {
    doc: {
      id: doc.id,
      source: doc.source,
      title: doc.title,
      published: doc.published,
      published_source: doc.publishedSource,
      language: documentLanguage(doc),
      chars: doc.text.length,
      url: doc.url,
      author: doc.author,
      versions: doc.versions,
    },
    sentences: doc.sentences.map((s) => ({ start: s.start, end: s.end, language: s.language })),
    actors: doc.actors,
    events: doc.events,
  };
  if (doc.warnings.length) out.warnings = doc.warnings;
  if (opts.withText) out.text = doc.text;
  return out;
}
