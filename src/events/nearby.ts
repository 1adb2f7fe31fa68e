/**
 * The recipient a sentence implies when its syntax names none. EVENTS.md gives every type
 * but MOBILIZE and PROTEST a recipient; "Tajikistan is the only one in the region that
 * refuses to recognise the new government" is refused to the government the sentence
 * is about. The nearest other actor of the sentence stands in: after the trigger first,
 * else before it. Records that get one say so in their pattern id ("+nearby").
 */
import type { ActorIdentity, ActorMention } from "../model/actor.js";
import type { EventType } from "../model/event.js";
import { coordinated, ownerAt, RELATIVE_PRONOUNS, relativeClauseBefore, type SentenceView } from "./roles.js";

/** Types that may stand without a recipient (EVENTS.md): no one is guessed for them. */
const RECIPIENT_OPTIONAL = new Set<EventType>(["MOBILIZE", "PROTEST"]);

/**
 * Whether a record may take a recipient from around its trigger: a type that needs one, done by
 * a political actor (a state, its organs and people, an IGO or an armed group). "Disney provided
 * $200,000" or "the company agreed to pay" have no side worth guessing.
 */
export function wantsNearbyRecipient(
  event: EventType,
  noRecipient: boolean | undefined,
  actors: ActorIdentity[],
): boolean {
  if (noRecipient || RECIPIENT_OPTIONAL.has(event) || actors.length === 0) return false;
  return actors.every(
    (a) =>
      a.kind === "state" ||
      a.kind === "igo" ||
      a.kind === "armed_group" ||
      (a.kind !== "unknown" && a.country !== null),
  );
}

/** A mention that names a political actor someone can act on: not a bare role ("troops") or an unknown name. */
function isResolved(m: ActorMention): boolean {
  return m.kind !== "unknown" && !m.id.startsWith("role:") && !m.id.startsWith("unknown:");
}

/**
 * Indices (into v.mentions) of the nearest resolved mention that is neither an actor, the speaker,
 * nor on the actors' side (same id or same country), with the list it stands in ("his
 * counterparts from Tajikistan and Uzbekistan"), one per state; [] when there is none.
 */
export function nearbyRecipients(
  v: SentenceView,
  trigger: { index: number; after: number },
  actors: number[],
  speaker: number | null,
  actorIds: Set<string>,
  actorCountries: Set<string | null>,
  event: EventType,
): number[] {
  const side = { actors, speaker, actorIds, actorCountries, material: MATERIAL.has(event) };
  const k = nearest(v, trigger, side);
  if (k < 0) return [];
  const seen = new Set<string>();
  const out: number[] = [];
  for (const j of coordinated(v, k, { from: v.tokenStart, to: v.tokenEnd })) {
    const key = v.mentions[j].country ?? v.mentions[j].id;
    if (seen.has(key) || !otherSide(v, j, side)) continue;
    seen.add(key);
    out.push(j);
  }
  return out.length ? out : [k];
}

/** Verbs of going somewhere: what follows their "to" is a destination. */
const MOTION = new Set(
  "retreat withdraw flee escape move return go travel cross relocate evacuate redeploy pull fall".split(" "),
);

/** Words that make what follows a topic, not a party: "talks on Syria", "concern about Iran". */
const TOPIC_WORDS = new Set([
  "on",
  "about",
  "over",
  "regarding",
  "concerning",
  "amid",
  "despite",
  "towards",
  "toward",
]);

/** Acts done to things in a place: "destroyed a reactor in Syria", "food to families in Somalia". */
const MATERIAL = new Set<EventType>([
  "ASSAULT",
  "COERCE",
  "AID",
  "RETREAT",
  "SANCTION",
  "MOBILIZE",
  "COOPERATE",
]);

function aboutTopic(v: SentenceView, m: ActorMention, material: boolean): boolean {
  const t = v.tokens;
  let i = m.tokenStart - 1;
  // Over "the new", "the post-Soviet" (a name-like modifier that names no one).
  while (
    i > v.tokenStart &&
    m.tokenStart - i <= 3 &&
    (t.pos[i] === "DET" || t.pos[i] === "ADJ" || (t.pos[i] === "PROPN" && ownerAt(v, i) < 0))
  )
    i--;
  if (i < v.tokenStart) return false;
  // "talks on the crisis in Afghanistan", "peace in Syria": the place a noun is set in. A material
  // act on something in a state ("destroyed a reactor in Syria") is done to that state.
  if (!material && t.lower[i] === "in" && i > v.tokenStart && t.pos[i - 1] === "NOUN") return true;
  // "retreated to Tajik territory", "fled into Iran": where someone went.
  if ((t.lower[i] === "to" || t.lower[i] === "into") && i > v.tokenStart && MOTION.has(t.lemma[i - 1]))
    return true;
  // "at the border with the republics of Central Asia": a border's other side is a place.
  if (
    t.lower[i] === "with" &&
    i > v.tokenStart &&
    (t.lemma[i - 1] === "border" || t.lemma[i - 1] === "frontier")
  )
    return true;
  // "an organization banned in Russia", "(banned in Russia)", "which is based in Qatar": where a
  // participle places a noun.
  if (
    t.lower[i] === "in" &&
    i - 1 > v.tokenStart &&
    t.pos[i - 1] === "VERB" &&
    t.lower[i - 1].endsWith("ed") &&
    (t.pos[i - 2] === "NOUN" || t.lower[i - 2] === "(" || t.lower[i - 2] === "," || t.lemma[i - 2] === "be")
  )
    return true;
  return TOPIC_WORDS.has(t.lower[i]);
}

/**
 * A name used to modify another noun is no party: "UK condom maker SSL", "US insurance firms",
 * "Brazil's Petrobras".
 */
function modifier(v: SentenceView, m: ActorMention): boolean {
  const t = v.tokens;
  const next = m.tokenEnd;
  if (next >= v.tokenEnd) return false;
  // "Brazil's Petrobras", "Norway's peace negotiator Erik Solheim" own the actor; "the Taliban's
  // offensive" is a party to it.
  if (t.lower[next] === "'s" || t.lower[next] === "’s") {
    for (let j = next + 1; j < v.tokenEnd && j <= next + 3; j++) if (ownerAt(v, j) >= 0) return true;
    return false;
  }
  // "Netherlands-based group".
  if (t.text[next] === "-" && t.start[next] === t.end[next - 1]) return true;
  // "Taliban prisoners", "Kurdish positions" are that side's people and places.
  if (SIDE_NOUNS.has(t.lemma[next])) return false;
  return t.pos[next] === "NOUN" || t.pos[next] === "PROPN" || t.pos[next] === "ADJ";
}

/** Who acts (mention indices, speaker) and whose side they are on (ids, states). */
interface ActingSide {
  actors: number[];
  speaker: number | null;
  actorIds: Set<string>;
  actorCountries: Set<string | null>;
  /** A material act, done to things in a place (see aboutTopic). */
  material: boolean;
}

/** Mention k names a resolved actor that is neither one of the actors nor on their side. */
function otherSide(v: SentenceView, k: number, side: ActingSide): boolean {
  const m = v.mentions[k];
  if (side.actors.includes(k) || !isResolved(m) || side.actorIds.has(m.id)) return false;
  // An armed group's country is where it fights, not its side: "the Taliban" face Kabul.
  return m.kind === "armed_group" || !(m.country !== null && side.actorCountries.has(m.country));
}

/** Where the clause that starts at token `from` ends: a coordinated verb, a participle after a comma, ";". */
function clauseEnd(v: SentenceView, from: number): number {
  const t = v.tokens;
  for (let j = from; j < v.tokenEnd - 1; j++) {
    if (t.lower[j] === ";") return j;
    // "the war that neither the UN nor the West could end": a relative clause is another clause.
    if ((t.lower[j] === "that" || RELATIVE_PRONOUNS.has(t.lower[j])) && j > from && t.pos[j - 1] === "NOUN")
      return j;
    // "discuss and develop an approach" share what follows; "remained committed to the deal and accused" do not.
    const joined = t.lower[j] === "and" || t.lower[j] === "but";
    if (j > from + 1 && joined && (t.pos[j + 1] === "VERB" || t.pos[j + 1] === "AUX")) return j;
    if (
      t.lower[j] === "," &&
      t.pos[j + 1] === "VERB" &&
      t.lower[j + 1].endsWith("ing") &&
      t.lower[j + 1] !== "including"
    )
      return j;
  }
  return v.tokenEnd;
}

function afterPreposition(v: SentenceView, m: ActorMention): boolean {
  const t = v.tokens;
  let i = m.tokenStart - 1;
  while (i > v.tokenStart && (t.pos[i] === "DET" || t.pos[i] === "ADJ")) i--;
  return i >= v.tokenStart && t.pos[i] === "ADP";
}

/** A mention that opens the sentence or a clause, or is followed by its verb: someone who acts. */
function subjectLike(v: SentenceView, m: ActorMention): boolean {
  const t = v.tokens;
  const next = m.tokenEnd < v.tokenEnd ? t.pos[m.tokenEnd] : "";
  return next === "VERB" || next === "AUX" || m.tokenStart === v.tokenStart;
}

/** Nouns whose modifier names the side they belong to: the prisoners, positions or ships of a party. */
const SIDE_NOUNS = new Set(
  (
    "prisoner detainee captive hostage national citizen civilian soldier fighter militant position base target " +
    "ship vessel aircraft plane convoy embassy consulate territory village town city outpost camp stronghold"
  ).split(" "),
);

function nearest(v: SentenceView, trigger: { index: number; after: number }, side: ActingSide): number {
  const usable = (k: number): boolean =>
    otherSide(v, k, side) &&
    k !== side.speaker &&
    !aboutTopic(v, v.mentions[k], side.material) &&
    !modifier(v, v.mentions[k]);
  // After the trigger, within its clause: "remained committed to the deal and accused the US" stops at "and accused".
  const end = clauseEnd(v, trigger.after);
  for (let k = 0; k < v.mentions.length; k++) {
    const m = v.mentions[k];
    if (m.tokenStart >= trigger.after && m.tokenStart < end && usable(k)) return k;
  }
  // Before it, not a subject of its own: "Lavrov urged the Afghan sides to accelerate the negotiations"
  // are the sides' negotiations, not Lavrov's; "amid the dispute with Kyrgyzstan" names a party;
  // "Hamas, which attacked Israel, rejected" says nothing of whom the rejection is for.
  const relative = relativeClauseBefore(v, trigger.index);
  for (let k = v.mentions.length - 1; k >= 0; k--) {
    const m = v.mentions[k];
    if (relative && m.tokenStart > relative[0] && m.tokenEnd <= relative[1]) continue;
    if (m.tokenEnd <= trigger.index && usable(k) && (afterPreposition(v, m) || !subjectLike(v, m))) return k;
  }
  return -1;
}
