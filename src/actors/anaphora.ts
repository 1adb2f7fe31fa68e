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

/**
 * Definite descriptions of one armed group or organisation: "the group", "the militant group",
 * "the movement", "the insurgents", "the alliance". They stand for the last one named of that kind.
 */
const GROUP_HEADS: Record<string, "armed_group" | "igo"> = {
  group: "armed_group",
  movement: "armed_group",
  militants: "armed_group",
  insurgents: "armed_group",
  militia: "armed_group",
  alliance: "igo",
  bloc: "igo",
  organisation: "igo",
  organization: "igo",
};
const GROUP_ADJECTIVES = new Set(
  "militant insurgent terrorist extremist islamist jihadist armed rebel radical hardline military political".split(
    " ",
  ),
);
/** How many sentences back "the group" may look for its antecedent. */
const GROUP_REACH = 4;

/** "the (militant) group" at token i: the head noun's index and kind, or null. */
function definiteGroupAt(
  doc: Document,
  i: number,
  end: number,
): { end: number; kind: "armed_group" | "igo" } | null {
  const t = doc.tokens;
  if (t.lower[i] !== "the") return null;
  let j = i + 1;
  if (j < end && GROUP_ADJECTIVES.has(t.lower[j])) j++;
  const kind = j < end ? GROUP_HEADS[t.lower[j]] : undefined;
  if (!kind) return null;
  // "the group of experts", "the organization of the games" are something else ("accused the
  // alliance of provocation" is not).
  const head = t.lower[j];
  if (
    t.pos[j + 1] === "PROPN" ||
    (t.lower[j + 1] === "of" && (head === "group" || head.startsWith("organi")))
  )
    return null;
  return { end: j + 1, kind };
}

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

/** A mention of `antecedent` on the phrase [start, end) of sentence si. */
function coreferent(
  doc: Document,
  antecedent: ActorMention,
  si: number,
  start: number,
  end: number,
  noun: string,
): ActorMention {
  const t = doc.tokens;
  return {
    ...antecedent,
    text: doc.text.slice(t.start[start], t.end[end - 1]),
    start: t.start[start],
    end: t.end[end - 1],
    sentence: si,
    tokenStart: start,
    tokenEnd: end,
    via: "coreference",
    role: noun,
  };
}

/** A mention inside a prepositional phrase ("the aims of Islamic State") is less likely taken up again. */
function oblique(doc: Document, m: ActorMention): boolean {
  const t = doc.tokens;
  let i = m.tokenStart - 1;
  while (i >= 0 && (t.pos[i] === "DET" || t.pos[i] === "ADJ")) i--;
  return i >= 0 && t.pos[i] === "ADP";
}

/**
 * The last mention of that kind before token `before` of sentence si, a few sentences back at
 * most: one that is a subject or object first ("the Taliban are a local movement that does not
 * share the aims of Islamic State ... contacts with the group" is the Taliban), else any.
 */
function lastOfKind(
  doc: Document,
  bySentence: Map<number, ActorMention[]>,
  si: number,
  before: number,
  kind: "armed_group" | "igo",
): ActorMention | null {
  let fallback: ActorMention | null = null;
  for (let back = si; back >= 0 && back >= si - GROUP_REACH; back--) {
    const list = bySentence.get(back) ?? [];
    for (let k = list.length - 1; k >= 0; k--) {
      const m = list[k];
      if (m.tokenEnd > before || m.id.startsWith("role:") || m.kind === "unknown" || m.kind !== kind)
        continue;
      if (!oblique(doc, m)) return m;
      fallback ??= m;
    }
  }
  return fallback;
}

const GOVERNMENT_HEADS = new Set(["government", "authorities", "regime", "leadership", "junta"]);
const GOVERNMENT_ADJECTIVES = new Set("central new national federal interim local current ruling".split(" "));

/** "the (central) government" at token i, standing alone (no "of"/"in" after it): its end, or -1. */
function bareGovernmentAt(doc: Document, i: number, end: number): number {
  const t = doc.tokens;
  if (t.lower[i] !== "the") return -1;
  let j = i + 1;
  if (j < end && GOVERNMENT_ADJECTIVES.has(t.lower[j])) j++;
  if (j >= end || !GOVERNMENT_HEADS.has(t.lower[j])) return -1;
  const next = t.lower[j + 1];
  // "the government of X", "the government in Y", "the government websites": not a bare reference.
  if (next === "of" || next === "in" || next === "'s" || t.pos[j + 1] === "PROPN" || t.pos[j + 1] === "NOUN")
    return -1;
  return j + 1;
}

/**
 * The one state the text is about just here: the state named in the two sentences before, when
 * there is exactly one and this sentence names none before it; else null ("the government" stays nobody's).
 * A state named in the same sentence ("the mayor of Guatemala ... the national government") is
 * left alone: the text would have said "its government".
 */
function soleState(bySentence: Map<number, ActorMention[]>, si: number, before: number): ActorMention | null {
  const countries = new Set<string>();
  let state: ActorMention | null = null;
  for (const m of bySentence.get(si) ?? [])
    if (m.tokenEnd <= before && m.country && !m.id.startsWith("role:")) return null;
  for (let back = si - 1; back >= 0 && back >= si - 2; back--) {
    for (const m of bySentence.get(back) ?? []) {
      if (!m.country || m.kind === "unknown" || m.id.startsWith("role:")) continue;
      countries.add(m.country);
      if (m.kind === "state" && m.id === m.country && !state) state = m;
    }
  }
  return countries.size === 1 ? state : null;
}

/** Words that can follow "the"/"both" in any phrase above: most "the"s are passed over at once. */
const STARTERS = new Set([
  ...Object.keys(NUMBERS),
  ...GROUP_NOUNS,
  ...Object.keys(GROUP_HEADS),
  ...GROUP_ADJECTIVES,
  ...GOVERNMENT_HEADS,
  ...GOVERNMENT_ADJECTIVES,
]);

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
      if ((lower !== "the" && lower !== "both") || !STARTERS.has(t.lower[i + 1])) continue;
      const govEnd = bareGovernmentAt(doc, i, s.tokenEnd);
      if (govEnd > 0) {
        const state = soleState(bySentence, si, i);
        if (state) {
          for (const m of bySentence.get(si) ?? [])
            if (m.tokenStart < govEnd && m.tokenEnd > i) replaced.add(m);
          added.push(coreferent(doc, state, si, i, govEnd, t.lower[govEnd - 1]));
          i = govEnd - 1;
          continue;
        }
      }
      const one = definiteGroupAt(doc, i, s.tokenEnd);
      if (one) {
        const antecedent = lastOfKind(doc, bySentence, si, i, one.kind);
        if (antecedent) {
          for (const m of bySentence.get(si) ?? [])
            if (m.tokenStart < one.end && m.tokenEnd > i) replaced.add(m);
          added.push(coreferent(doc, antecedent, si, i, one.end, t.lower[one.end - 1]));
          i = one.end - 1;
          continue;
        }
      }
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
      for (const g of group) added.push(coreferent(doc, g, si, a.start, a.end, a.noun));
      i = a.end - 1;
    }
  });
  if (added.length === 0) return mentions;
  return [...mentions.filter((m) => !replaced.has(m)), ...added].sort(
    (x, y) => x.start - y.start || x.end - y.end,
  );
}
