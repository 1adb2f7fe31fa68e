/**
 * Group anaphora: "the two sides", "both countries", "the parties", "the three leaders" stand
 * for the actors a recent sentence named together. Each such phrase becomes one mention per
 * antecedent, sharing the phrase's span (as a collective's members do), via "coreference".
 */
import type { ActorMention } from "../model/actor.js";
import type { Document } from "../model/document.js";

const NUMBERS: Record<string, number> = { two: 2, three: 3, four: 4, both: 2 };
/** Nouns that take a number or "both" to point back at a group. */
const GROUP_NOUNS = new Set(
  (
    "sides parties countries nations states governments leaders presidents delegations " +
    "neighbours neighbors capitals powers allies ministers"
  ).split(" "),
);
/** Nouns that point back without a number: "the parties agreed", "the sides discussed". */
const BARE_GROUP_NOUNS = new Set(["sides", "parties"]);
const PERSON_NOUNS = new Set(["leaders", "presidents", "ministers"]);
const STATE_NOUNS = new Set([
  "countries",
  "nations",
  "states",
  "governments",
  "capitals",
  "neighbours",
  "neighbors",
]);
/** How many sentences back an antecedent group may be. */
const REACH = 3;

interface Anaphor {
  start: number;
  end: number;
  count: number | null;
  noun: string;
}

/** The group phrase starting at token i of the sentence, if any: [the] (two|three|four|both) NOUN | the (sides|parties). */
function anaphorAt(doc: Document, i: number, end: number): Anaphor | null {
  const t = doc.tokens;
  let j = i;
  const lead = t.lower[j];
  if (lead === "the") j++;
  else if (lead !== "both") return null;
  const count = NUMBERS[t.lower[j]] ?? null;
  if (count !== null) j++;
  if (j >= end) return null;
  const noun = t.lower[j];
  if (count === null ? !BARE_GROUP_NOUNS.has(noun) : !GROUP_NOUNS.has(noun)) return null;
  // "the two sides' positions" is still them; "the parties' leaders" too. "the sides of the road" is not a group.
  if (t.lower[j + 1] === "of") return null;
  return { start: i, end: j + 1, count, noun };
}

/** The distinct actors one sentence names: by state for states and their people, else by id. */
function distinctActors(mentions: ActorMention[]): ActorMention[] {
  const seen = new Set<string>();
  const out: ActorMention[] = [];
  for (const m of mentions) {
    if (m.kind === "unknown" || m.id.startsWith("role:")) continue;
    const key = m.country ?? m.id;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(m);
  }
  return out;
}

function antecedents(group: ActorMention[], a: Anaphor): ActorMention[] | null {
  let pool = group;
  if (a.count !== null && pool.length > a.count) {
    const kind = PERSON_NOUNS.has(a.noun) ? "person" : STATE_NOUNS.has(a.noun) ? "state" : null;
    const ofKind = kind ? pool.filter((m) => m.kind === kind) : pool;
    if (ofKind.length >= a.count) pool = ofKind;
    pool = pool.slice(0, a.count);
  }
  if (pool.length < 2 || (a.count !== null && pool.length !== a.count)) return null;
  return pool;
}

/** Adds the mentions group anaphora stand for; returns the document's mentions in text order. */
export function resolveGroupAnaphora(doc: Document, mentions: ActorMention[]): ActorMention[] {
  const t = doc.tokens;
  const bySentence = new Map<number, ActorMention[]>();
  for (const m of mentions) {
    const list = bySentence.get(m.sentence) ?? [];
    list.push(m);
    bySentence.set(m.sentence, list);
  }
  const added: ActorMention[] = [];
  const replaced = new Set<ActorMention>();
  doc.sentences.forEach((s, si) => {
    if (s.skip) return;
    for (let i = s.tokenStart; i < s.tokenEnd - 1; i++) {
      const lower = t.lower[i];
      if (lower !== "the" && lower !== "both") continue;
      const a = anaphorAt(doc, i, s.tokenEnd);
      if (!a) continue;
      let group: ActorMention[] | null = null;
      for (let back = si - 1; back >= 0 && back >= si - REACH && !group; back--) {
        const found = distinctActors(bySentence.get(back) ?? []);
        if (found.length >= 2) group = antecedents(found, a);
      }
      if (!group) continue;
      // The phrase replaces whatever role mention covered it ("leaders").
      for (const m of bySentence.get(si) ?? [])
        if (m.tokenStart < a.end && m.tokenEnd > a.start) replaced.add(m);
      for (const g of group) {
        added.push({
          ...g,
          text: doc.text.slice(t.start[a.start], t.end[a.end - 1]),
          start: t.start[a.start],
          end: t.end[a.end - 1],
          sentence: si,
          tokenStart: a.start,
          tokenEnd: a.end,
          via: "coreference",
          role: a.noun,
        });
      }
      i = a.end - 1;
    }
  });
  if (added.length === 0) return mentions;
  return [...mentions.filter((m) => !replaced.has(m)), ...added].sort(
    (x, y) => x.start - y.start || x.end - y.end,
  );
}
