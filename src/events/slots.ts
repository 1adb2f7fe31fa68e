/**
 * Who fills each role of a trigger: the actor and recipient slots a pattern names
 * (subject, object, possessive, "of", "between", prepositions), the passive and
 * reduced-passive voice, and the subject a participle or purpose infinitive shares
 * with its main clause.
 */
import { STATE_ACTS } from "./clauses.js";
import { SPEECH_VERBS } from "./modality.js";
import {
  COMMENTING,
  completesNoun,
  findAfterPreposition,
  findAgent,
  findBetween,
  findObject,
  findOf,
  findPossessive,
  findSubject,
  isPassive,
  ownerAt,
  REDUCED_UNNAMED,
  reducedPassiveHead,
  reducedPassiveIn,
  type SentenceView,
} from "./roles.js";
import type { Trigger } from "./triggers.js";

const VERB_ACTOR = ["subject"];
const VERB_RECIPIENT = ["object", "prep:to", "prep:with", "prep:against", "prep:on"];
const NOUN_ACTOR = ["possessive", "between", "subject"];
const NOUN_RECIPIENT = ["between", "prep:with", "prep:to", "prep:against", "prep:on"];
/** Types whose recipient is a partner, never the object of an infinitive they govern. */
const PARTNER_TYPES = new Set(["AGREE", "CONSULT", "COOPERATE"]);

/**
 * "A bomber struck the crowd, killing 13 soldiers": a participle after a comma
 * shares the subject of the clause's main verb, not the nearest noun. Returns
 * the token whose subject to look for.
 */
export function participleHost(v: SentenceView, i: number): number {
  const t = v.tokens;
  const participle = t.lower[i].endsWith("ing") && i - 1 > v.tokenStart && t.lower[i - 1] === ",";
  // "Rahmon used the summit on Friday to demand ...": a purpose infinitive shares the main subject.
  // "urged Russia to act" keeps the object right before "to" as the one who acts.
  const purpose =
    i - 1 > v.tokenStart &&
    t.lower[i - 1] === "to" &&
    ownerAt(v, i - 2) < 0 &&
    (t.pos[i - 2] === "NOUN" || t.pos[i - 2] === "PROPN" || t.pos[i - 2] === "NUM") &&
    !completesNoun(v, i);
  // "will reduce its forces ... and withdraw the rest": a verb after "and" shares the first verb's subject.
  // "and did not discuss", "and will also send": auxiliaries and adverbs may stand after the "and".
  let a = i - 1;
  while (
    a > v.tokenStart &&
    i - a <= 4 &&
    (t.pos[a] === "AUX" || t.pos[a] === "ADV" || t.lower[a] === "not" || t.lower[a] === "n't")
  )
    a--;
  const coordinatedVerb = a > v.tokenStart && t.lower[a] === "and" && t.pos[i] === "VERB";
  if (!participle && !purpose && !coordinatedVerb) return i;
  for (let j = (coordinatedVerb ? a : i) - 2; j >= v.tokenStart && j > i - 25; j--) {
    if (t.lower[j] === ";") break;
    // "urged Kyiv to stop shelling Donetsk and threatened": an infinitive is no clause's main verb.
    if (t.pos[j] === "VERB" && !t.lower[j].endsWith("ing") && !(coordinatedVerb && t.lower[j - 1] === "to"))
      return j;
  }
  return i;
}

function fill(v: SentenceView, slot: string, trig: Trigger): number[] {
  switch (slot) {
    case "subject":
      // A nominal event takes the clause's subject only as the object of a verb: "Russia held talks".
      if (trig.pattern.pos === "NOUN" && !objectOfVerb(v, trig.index, PARTNER_TYPES.has(trig.pattern.event)))
        return [];
      {
        const found = findSubject(v, participleHost(v, trig.index));
        return found.length || trig.pattern.pos !== "VERB" ? found : instrumentAgent(v, trig.index);
      }
    case "object":
      return findObject(v, trig.after, PARTNER_TYPES.has(trig.pattern.event));
    case "possessive":
      return findPossessive(v, trig.index);
    case "of":
      return findOf(v, trig.after);
    case "between":
      return findBetween(v, trig.after);
    default:
      return slot.startsWith("prep:") ? findAfterPreposition(v, trig.after, slot.slice(5)) : [];
  }
}

/**
 * "The missiles fired by the Israeli military struck a depot": with no subject of its own, a verb
 * whose subject is a thing made or sent by someone ("N fired/launched/dropped by X") has X act.
 */
function instrumentAgent(v: SentenceView, i: number): number[] {
  const t = v.tokens;
  for (let k = v.mentions.length - 1; k >= 0; k--) {
    const m = v.mentions[k];
    if (m.tokenEnd > i) continue;
    let by = m.tokenStart - 1;
    if (by > v.tokenStart && t.pos[by] === "DET") by--;
    if (by - 2 < v.tokenStart || t.lower[by] !== "by") return [];
    if (t.pos[by - 1] !== "VERB" || !t.lower[by - 1].endsWith("ed")) return [];
    if (t.pos[by - 2] !== "NOUN" && t.pos[by - 2] !== "PROPN") return [];
    for (let j = m.tokenEnd; j < i; j++) if (t.pos[j] === "VERB" || t.lower[j] === ",") return [];
    return [k];
  }
  return [];
}

const NOT_GOVERNING = new Set(["be", "have", "become", "seem", "remain"]);

/**
 * "held [the first] talks", "oversaw the transfer": a verb governs the noun at i. "Have" does
 * only for partners ("Pakistan has close cooperation with China"): "has the support of" reverses roles.
 */
function objectOfVerb(v: SentenceView, i: number, partner = false): boolean {
  const t = v.tokens;
  for (let j = i - 1; j >= v.tokenStart && j >= i - 4; j--) {
    const pos = t.pos[j];
    if (pos === "VERB" || (partner && pos === "AUX" && t.lemma[j] === "have")) {
      if (partner && t.lemma[j] === "have") return true;
      return !SPEECH_VERBS.has(t.lemma[j]) && !NOT_GOVERNING.has(t.lemma[j]) && !COMMENTING.has(t.lemma[j]);
    }
    if (
      !(pos === "DET" || pos === "ADJ" || pos === "NUM" || pos === "NOUN" || pos === "PRON" || pos === "ADV")
    )
      return false;
  }
  return false;
}

/** The first slot that finds anyone, and which slot it was. */
function firstFilled(v: SentenceView, slots: string[], trig: Trigger): { slot: string; found: number[] } {
  for (const slot of slots) {
    const found = fill(v, slot, trig);
    if (found.length) return { slot, found };
  }
  return { slot: "", found: [] };
}

interface Roles {
  actors: number[];
  recipients: number[];
}

export function assignRoles(v: SentenceView, trig: Trigger): Roles {
  const p = trig.pattern;
  const t = v.tokens;
  if (p.pos === "VERB" && isPassive(t, trig.index, v.tokenStart)) {
    // "Weapons were transferred to the Tajik military by Russia": the by-agent acts.
    const actors = findAgent(v, trig.after);
    const subject = findSubject(v, trig.index);
    const recipients = p.noRecipient
      ? []
      : subject.length
        ? subject
        : firstFilled(
            v,
            (p.recipient ?? VERB_RECIPIENT).filter((s) => s !== "object"),
            trig,
          ).found;
    return { actors, recipients };
  }
  if (p.pos === "VERB") {
    const head = reducedPassiveHead(v, trig.index, trig.after);
    if (head >= 0) return { actors: findAgent(v, trig.after), recipients: p.noRecipient ? [] : [head] };
    // "the Taliban, banned in Russia": no agent named; the state where it was done may act (+where).
    const described = STATE_ACTS.has(p.event) ? reducedPassiveIn(v, trig.index, trig.after) : -1;
    if (described >= 0) return { actors: [], recipients: [described] };
    if (described === REDUCED_UNNAMED) return { actors: [], recipients: [] };
  }
  if (p.subjectIsRecipient) {
    return { actors: findAfterPreposition(v, trig.after, "from"), recipients: findSubject(v, trig.index) };
  }
  const actorSlots = p.actor ?? (p.pos === "VERB" ? VERB_ACTOR : NOUN_ACTOR);
  const a = firstFilled(v, actorSlots, trig);
  if (a.slot === "between") return { actors: [a.found[0]], recipients: a.found.slice(1) };
  if (p.noRecipient) return { actors: a.found, recipients: [] };
  const r = firstFilled(v, p.recipient ?? (p.pos === "VERB" ? VERB_RECIPIENT : NOUN_RECIPIENT), trig);
  const recipients = r.found.filter((k) => !a.found.includes(k));
  return { actors: a.found, recipients };
}
