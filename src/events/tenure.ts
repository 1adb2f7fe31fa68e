/**
 * When an undated article was written, as far as the offices it names allow: "US President
 * Joe Biden" and "President Ashraf Ghani" in one text put it between January and August 2021.
 * Each person named with a title is taken to hold that title as the text is written.
 */
import type { ActorDictionary } from "../actors/dictionary.js";
import type { Document } from "../model/document.js";

/** Words that make a title someone else's or another office: "former president", "vice president". */
const QUALIFIERS = [
  "former",
  "vice",
  "deputy",
  "acting",
  "assistant",
  "first",
  "then",
  "ex",
  "late",
  "interim",
];

function qualifiers(title: string): string {
  return title
    .toLowerCase()
    .split(/[\s-]+/)
    .filter((w) => QUALIFIERS.includes(w))
    .sort()
    .join(" ");
}

const lastWord = (s: string) => s.toLowerCase().split(/\s+/).at(-1) ?? "";

/** Do the title in the text and the office in the dictionary name the same post? */
function sameOffice(textTitle: string, office: string): boolean {
  return lastWord(textTitle) === lastWord(office) && qualifiers(textTitle) === qualifiers(office);
}

/** The span [from, until] (YYYY-MM-DD or shorter, inclusive) in which every titled person held the title; null if none or if they never overlap. */
export function titledTenure(dict: ActorDictionary, doc: Document): { from: string; until: string } | null {
  let from = "";
  let until = "9999";
  let found = false;
  for (const mention of doc.mentions) {
    // "the government of President Ashraf Ghani" names him with his title too.
    const m = mention.leader ?? (mention.kind === "person" ? mention : null);
    if (!m?.role || mention.via === "coreference") continue;
    const role = m.role;
    const periods = dict.entries.get(m.id)?.periods;
    const held = periods?.filter((p) => p.title && sameOffice(role, p.title));
    // One stint in the office; two (a second term after a gap) leave the date open.
    if (held?.length !== 1) continue;
    const p = held[0];
    if (p.from && p.from > from) from = p.from;
    if (p.until && p.until < until) until = p.until;
    found = true;
  }
  if (!found || !from || from.slice(0, until.length) > until) return null;
  return { from, until };
}
