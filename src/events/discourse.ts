/**
 * Links across sentences for records whose partner the sentence does not name: an act
 * named again by a definite description ("welcomed the deal") and the talks others
 * then join ("took part in the negotiations").
 */
import type { ActorRef } from "../model/actor.js";
import type { Document } from "../model/document.js";
import type { EventRecord } from "../model/event.js";
import type { Trigger } from "./triggers.js";

/** Nouns that name an act someone made: "the move", "this decision", "the new peace push". */
const ACT_NOUNS = new Set(
  (
    "move decision plan proposal proposals initiative push offer deal agreement attack attacks strike strikes " +
    "step steps measure measures policy effort efforts bid demand demands request statement announcement accord truce " +
    "ceasefire sanctions action actions operation offensive invasion visit remarks comments decree law ban"
  ).split(" "),
);

/** Act nouns that say what kind of act they name. */
const ACT_NOUN_TYPES: Record<string, string[]> = {
  deal: ["AGREE"],
  agreement: ["AGREE"],
  accord: ["AGREE"],
  truce: ["AGREE", "RETREAT"],
  ceasefire: ["AGREE", "RETREAT"],
  attack: ["ASSAULT"],
  attacks: ["ASSAULT"],
  strike: ["ASSAULT"],
  strikes: ["ASSAULT"],
  offensive: ["ASSAULT"],
  invasion: ["ASSAULT"],
  operation: ["ASSAULT", "MOBILIZE", "COERCE"],
  sanctions: ["SANCTION"],
  ban: ["COERCE", "SANCTION"],
  visit: ["CONSULT"],
  demand: ["REQUEST"],
  demands: ["REQUEST"],
  request: ["REQUEST"],
  proposal: ["REQUEST", "AGREE"],
  offer: ["AGREE"],
};

/**
 * When the trigger's object is a definite description of an act ("acknowledged the new peace
 * push", "condemned the move"), the actors of the last act reported in the two sentences before.
 */
export function earlierActMakers(
  t: Document["tokens"],
  trig: Trigger,
  end: number,
  earlier: EventRecord[],
  si: number,
  actorRefs: ActorRef[],
  subjectsBefore: () => ActorRef[],
): ActorRef[] {
  let j = trig.after;
  if (
    !(
      t.lower[j] === "the" ||
      t.lower[j] === "this" ||
      t.lower[j] === "that" ||
      t.lower[j] === "these" ||
      t.lower[j] === "such"
    )
  )
    return [];
  j++;
  for (let k = 0; k < 3 && j < end && !ACT_NOUNS.has(t.lower[j]); k++) {
    if (t.pos[j] !== "ADJ" && t.pos[j] !== "NOUN") return [];
    j++;
  }
  if (j >= end || !ACT_NOUNS.has(t.lower[j]) || t.lower[j + 1] === "of" || t.lower[j + 1] === "by") return [];
  const own = (r: ActorRef) =>
    actorRefs.some((a) => a.id === r.id || (a.country !== null && a.country === r.country));
  // A noun that names a kind of act ("the deal", "the attack") looks further back for one of that kind.
  const kinds = ACT_NOUN_TYPES[t.lower[j]];
  // "India urged Pakistan to act, and Islamabad rejected the demand": earlier in this sentence too.
  const before = (e: EventRecord) =>
    e.evidence.sentence < si || (e.evidence.sentence === si && e.evidence.trigger.end <= t.start[trig.index]);
  const last = [...earlier]
    .reverse()
    .find((e) =>
      kinds
        ? kinds.includes(e.event) && before(e) && e.evidence.sentence >= si - 8 && !own(e.actor)
        : e.evidence.sentence < si && e.evidence.sentence >= si - 2 && !own(e.actor),
    );
  // No act coded there ("Russia, Iran and Turkey announced that talks will open"): those who opened the sentence before.
  if (!last) return kinds ? [] : subjectsBefore().filter((r) => !own(r));
  // Everyone who made that act: "Russia, Iran and Turkey announced" is three records on one trigger.
  const makers: ActorRef[] = [];
  for (const e of earlier) {
    if (e.evidence.trigger.start !== last.evidence.trigger.start || own(e.actor)) continue;
    if (!makers.some((m) => m.id === e.actor.id)) makers.push(e.actor);
  }
  return makers;
}

const MEETING_NOUNS = new Set(
  "talks negotiations meeting meetings summit conference consultations forum session round format process".split(
    " ",
  ),
);

/** "took part in the negotiations", "attended these talks": a meeting the text has already named. */
export function joinsEarlierMeeting(t: Document["tokens"], trig: Trigger, end: number): boolean {
  let j = trig.after;
  if (t.lower[j] === "in" || t.lower[j] === "at" || t.lower[j] === "to") j++;
  if (!(t.lower[j] === "the" || t.lower[j] === "these" || t.lower[j] === "this" || t.lower[j] === "that"))
    return false;
  j++;
  if (j < end && t.pos[j] === "ADJ") j++;
  return j < end && MEETING_NOUNS.has(t.lower[j]);
}

const JOINING = new Set(["participate", "attend", "join", "rejoin", "return"]);

/**
 * "refused to take part in this format", "declined to attend the talks": the index after the
 * joining verb when a refusal's infinitive joins a meeting the text has named, else -1.
 */
export function refusedMeetingEnd(t: Document["tokens"], trig: Trigger, end: number): number {
  let j = trig.after;
  if (t.lower[j] !== "to") return -1;
  j++;
  if (t.lemma[j] === "take" && t.lower[j + 1] === "part") j += 2;
  else if (JOINING.has(t.lemma[j])) j++;
  else return -1;
  return joinsEarlierMeeting(t, { ...trig, after: j }, end) ? j : -1;
}

/**
 * Who convened the meeting reported in the 3 sentences before sentence si: its host, else
 * whoever held the last one; null when that is the actor itself (or its state).
 */
export function convenorOf(earlier: EventRecord[], si: number, actorRefs: ActorRef[]): ActorRef | null {
  const recent = earlier.filter(
    (e) => e.event === "CONSULT" && e.evidence.sentence < si && e.evidence.sentence >= si - 3,
  );
  const convenor = (recent.find((e) => e.pattern.startsWith("CONSULT.host")) ?? recent.at(-1))?.actor;
  if (!convenor) return null;
  return actorRefs.some((a) => a.id === convenor.id || (a.country && a.country === convenor.country))
    ? null
    : convenor;
}
