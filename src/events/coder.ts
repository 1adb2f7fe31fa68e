/**
 * The event coder: for each English sentence, triggers -> patterns -> roles ->
 * records with modality, attribution, date, place and quantities. Each record
 * keeps the spans it was made from and the pattern that fired.
 */
import type { ActorDictionary } from "../actors/dictionary.js";
import { identityAt } from "../actors/resolve.js";
import type { ActorMention, ActorRef } from "../model/actor.js";
import type { Document } from "../model/document.js";
import type { DatePrecision, EventRecord } from "../model/event.js";
import { type ContextCues, contextsAt } from "./contexts.js";
import {
  dateForTense,
  eventDate,
  eventLocation,
  eventQuantities,
  FactsCache,
  pastTense,
  type SentenceFacts,
} from "./facts.js";
import { modalityOf, SPEECH_VERBS } from "./modality.js";
import { nearbyRecipients, wantsNearbyRecipient } from "./nearby.js";
import type { PatternSet } from "./patterns.js";
import {
  coordinated,
  findAfterPreposition,
  findAgent,
  findBetween,
  findObject,
  findOf,
  findPossessive,
  findSubject,
  isPassive,
  ownerAt,
  reducedPassiveHead,
  type SentenceView,
  viewOf,
} from "./roles.js";
import type { Pattern } from "./schema.js";
import { titledTenure } from "./tenure.js";
import { findTriggers, type Trigger } from "./triggers.js";

const VERB_ACTOR = ["subject"];
const VERB_RECIPIENT = ["object", "prep:to", "prep:with", "prep:against", "prep:on"];
const NOUN_ACTOR = ["possessive", "between", "subject"];
const NOUN_RECIPIENT = ["between", "prep:with", "prep:to", "prep:against", "prep:on"];
/** Types whose pairs are one record, visitor -> host or in text order (EVENTS.md). */
const SYMMETRIC = new Set(["CONSULT", "COOPERATE"]);
/**
 * "Russia says Israel must end its strikes": a speaker saying what another
 * must do makes a demand on them (REQUEST, mode change), not the act itself.
 * Returns the token of "must"/"should" when the trigger is such a demand.
 */
function demandMarker(v: SentenceView, trig: Trigger): number {
  const t = v.tokens;
  for (let j = trig.index - 1; j >= v.tokenStart && j >= trig.index - 3; j--) {
    if (t.lower[j] === "must" || t.lower[j] === "should") return j;
  }
  return -1;
}

/** Cooperative types: offering one of them is a promise. */
const COOPERATIVE = new Set(["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"]);

/** "willing to", "ready to", "prepared to" right before the trigger (an adverb may stand between). */
function offered(t: Document["tokens"], trigger: number, from: number): boolean {
  let j = trigger - 1;
  if (j > from && t.pos[j] === "ADV") j--;
  if (j <= from || t.lower[j] !== "to") return false;
  return ["willing", "ready", "prepared", "eager", "open"].includes(t.lower[j - 1]);
}

/**
 * "will not lift the ban", "won't end the strike", "did not give permission":
 * refusing to concede or retreat is itself a rejection (EVENTS.md: REJECT is
 * refuse, deny a request), not a yielding that did not happen. Past "did not"
 * counts only for concessions ("did not withdraw" may just report a fact).
 */
function refused(t: Document["tokens"], trigger: number, from: number, event: string): boolean {
  if (event !== "CONCEDE" && event !== "RETREAT") return false;
  let negation = false;
  for (let j = trigger - 1; j >= from && j >= trigger - 6; j--) {
    const w = t.lower[j];
    if (w === "," || w === ";") break;
    if (w === "not" || w === "n't") negation = true;
    else if (w === "never") return true;
    else if (negation && (w === "will" || w === "wo" || w === "would" || w === "shall" || w === "'ll"))
      return true;
    else if (negation && event === "CONCEDE" && (w === "did" || w === "does" || w === "do")) return true;
  }
  return false;
}

/** Types where two coordinated subjects act on each other: one record per direction (EVENTS.md). */
const RECIPROCAL = new Set(["AGREE", "ASSAULT", "ACCUSE", "THREATEN"]);
/**
 * "Armenia and Azerbaijan clashed", "accused each other": the coordinated
 * subjects act on one another. "Russia and China criticised the freezing of
 * the assets" has an object of its own, and they act together on it.
 */
function reciprocalUse(v: SentenceView, trig: Trigger): boolean {
  const t = v.tokens;
  for (let j = trig.after; j < v.tokenEnd - 1; j++) {
    if (
      (t.lower[j] === "each" && t.lower[j + 1] === "other") ||
      (t.lower[j] === "one" && t.lower[j + 1] === "another")
    )
      return true;
  }
  if (t.lower.slice(Math.max(v.tokenStart, trig.index - 3), trig.index).includes("mutually")) return true;
  let k = trig.after;
  if (k < v.tokenEnd && t.pos[k] === "ADV") k++;
  if (k >= v.tokenEnd) return true;
  const pos = t.pos[k];
  return !(
    pos === "DET" ||
    pos === "NOUN" ||
    pos === "PROPN" ||
    pos === "ADJ" ||
    pos === "NUM" ||
    pos === "PRON"
  );
}

/** Types whose recipient is a partner, never the object of an infinitive they govern. */
const PARTNER_TYPES = new Set(["AGREE", "CONSULT", "COOPERATE"]);

/** Types that take the event they govern into themselves: "refused to negotiate" is one REJECT. */
/**
 * Acts only a state's authorities do (and releasing those they held): an agentless passive of
 * them is the doing of the state it happened in.
 */
const STATE_ACTS = new Set(["COERCE", "SANCTION"]);

/** "was arrested in Rwanda": the state named right after "in" in the trigger's clause, or -1. */
function stateWhere(v: SentenceView, trig: Trigger): number {
  const t = v.tokens;
  for (let k = 0; k < v.mentions.length; k++) {
    const m = v.mentions[k];
    if (m.tokenStart < trig.after || m.tokenStart > trig.after + 6) continue;
    if (m.kind === "state" && m.id === m.country && t.lower[m.tokenStart - 1] === "in") return k;
  }
  return -1;
}

/** Acts that stop another: what they take as object does not happen. */
const BLOCKING = new Set(["REJECT", "SANCTION", "COERCE"]);
const COOPERATIVE_ACTS = new Set(["AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"]);
/** Words of a noun phrase before its head: "an EU aid package", "the planned peace". */
const OBJECT_PHRASE = new Set(["DET", "ADJ", "NOUN", "PROPN", "NUM", "PART"]);

/** Hostile acts whose announcement by the actor itself is a threat (EVENTS.md: THREATEN). */
const HOSTILE = new Set(["PROTEST", "SANCTION", "COERCE", "ASSAULT"]);

/** Types whose "for <gerund>" names the charge: "arrested for spying". */
const PUNISHING = new Set(["COERCE", "SANCTION", "ACCUSE"]);
const GOVERNING = new Set(["REJECT", "REQUEST", "THREATEN", "AGREE", "SUPPORT", "ACCUSE"]);

export interface CoderContext {
  dict: ActorDictionary;
  patterns: PatternSet;
  contexts: ContextCues;
}

/**
 * "A bomber struck the crowd, killing 13 soldiers": a participle after a comma
 * shares the subject of the clause's main verb, not the nearest noun. Returns
 * the token whose subject to look for.
 */
function participleHost(v: SentenceView, i: number): number {
  const t = v.tokens;
  const participle = t.lower[i].endsWith("ing") && i - 1 > v.tokenStart && t.lower[i - 1] === ",";
  // "Rahmon used the summit on Friday to demand ...": a purpose infinitive shares the main subject.
  // "urged Russia to act" keeps the object right before "to" as the one who acts.
  const purpose =
    i - 1 > v.tokenStart &&
    t.lower[i - 1] === "to" &&
    ownerAt(v, i - 2) < 0 &&
    (t.pos[i - 2] === "NOUN" || t.pos[i - 2] === "PROPN" || t.pos[i - 2] === "NUM");
  // "will reduce its forces ... and withdraw the rest": a verb after "and" shares the first verb's subject.
  const coordinatedVerb = i - 1 > v.tokenStart && t.lower[i - 1] === "and" && t.pos[i] === "VERB";
  if (!participle && !purpose && !coordinatedVerb) return i;
  for (let j = i - 2; j >= v.tokenStart && j > i - 25; j--) {
    if (t.lower[j] === ";") break;
    if (t.pos[j] === "VERB" && !t.lower[j].endsWith("ing")) return j;
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
      return !SPEECH_VERBS.has(t.lemma[j]) && !NOT_GOVERNING.has(t.lemma[j]);
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

function assignRoles(v: SentenceView, trig: Trigger): Roles {
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

/** An infinitive or gerund governed by an earlier trigger: "refused to negotiate", "called for improving". */
function isGoverned(t: Document["tokens"], trig: Trigger, earlier: Trigger[]): boolean {
  for (const g of earlier) {
    const gap = trig.index - g.after;
    // "arrested for collaborating with Boko Haram", "jailed for spying": the charge, not a second act.
    if (
      PUNISHING.has(g.pattern.event) &&
      gap >= 0 &&
      gap <= 6 &&
      t.lower[trig.index - 1] === "for" &&
      t.lower[trig.index].endsWith("ing")
    )
      return true;
    // "Hungary blocked an EU aid package", "Kabul rejected the peace deal": a cooperative act
    // named as what is blocked did not happen; the blocking is the event.
    if (
      BLOCKING.has(g.pattern.event) &&
      trig.pattern.pos === "NOUN" &&
      COOPERATIVE_ACTS.has(trig.pattern.event) &&
      gap >= 0 &&
      gap <= 4 &&
      t.pos.slice(g.after, trig.index).every((pos) => OBJECT_PHRASE.has(pos))
    )
      return true;
    if (!GOVERNING.has(g.pattern.event)) continue;
    // "called on the Taliban on Thursday not to launch": a to-infinitive may stand further off.
    const infinitive =
      t.lower[trig.index - 1] === "to" ||
      (t.lower[trig.index - 2] === "to" && t.pos[trig.index - 1] === "ADV");
    if (gap < 0 || gap > (infinitive ? 9 : 5)) continue;
    const between = t.lower.slice(g.after, trig.index);
    if (
      between.includes("to") ||
      between.includes("for") ||
      between.length === 0 ||
      t.lower[trig.index].endsWith("ing")
    ) {
      if (!between.some((w) => w === "," || w === "and" || w === "but" || w === ";")) return true;
    }
  }
  return false;
}

/** "..., Kabulov said" or "Kabulov said ..." or "according to X": the one whose claim this is. */
function speakerOf(v: SentenceView, trig: Trigger): number | null {
  const t = v.tokens;
  for (let j = v.tokenStart; j < v.tokenEnd; j++) {
    if (j === trig.index) continue;
    const isSpeech = SPEECH_VERBS.has(t.lemma[j]) && (t.pos[j] === "VERB" || t.pos[j] === "AUX");
    const according = t.lower[j] === "according" && t.lower[j + 1] === "to";
    if (according) {
      const k = findAfterPreposition(v, j + 1, "to");
      if (k.length) return k[0];
    } else if (isSpeech) {
      if (j < trig.index) {
        const k = findSubject(v, j);
        if (k.length) return k[0];
      } else {
        // Speaker after the report: ", the ministry said" / "said Lavrov". ", it said" is the actor speaking.
        if (t.pos[j - 1] === "PRON" && t.lower[j - 2] === ",") continue;
        const before = findSubject(v, j);
        if (before.length && v.mentions[before[0]].tokenStart > trig.index) return before[0];
        const after = findObject(v, j + 1);
        if (after.length && t.lower[j - 1] === ",") return after[0];
      }
    }
  }
  return null;
}

function refOf(ctx: CoderContext, m: ActorMention, date: string | null): ActorRef {
  const entry = ctx.dict.entries.get(m.id);
  // Dictionary actors are resolved against the event's date: the Taliban before and after August 2021.
  const identity = entry?.periods?.length ? identityAt(entry, date) : m;
  return {
    id: m.id,
    name: identity.name,
    kind: identity.kind,
    country: identity.country,
    sector: identity.sector,
    affiliation: identity.affiliation ?? null,
    text: m.text,
    start: m.start,
    end: m.end,
  };
}

/**
 * "Putin visited Dushanbe": a visit's host is the state of the city or country
 * named right after the trigger (the capital is the place, its state the host).
 */
function visitedState(
  ctx: CoderContext,
  doc: Document,
  facts: SentenceFacts,
  trig: Trigger,
): ActorRef | null {
  const t = doc.tokens;
  // Right after the trigger, or after its "to": "visited Kabul", "a visit to Kabul", not "a visit by Iran's ...".
  let at = trig.after;
  if (t.lower[at] === "to") at++;
  if (at >= t.start.length) return null;
  const place = facts.places.find((pl) => pl.start === t.start[at] && pl.country);
  const entry = place?.country ? ctx.dict.entries.get(place.country) : undefined;
  if (!place || !entry) return null;
  const identity = entry.periods?.length ? identityAt(entry, doc.published) : entry;
  return {
    id: entry.id,
    name: identity.name,
    kind: identity.kind,
    country: identity.country,
    sector: identity.sector,
    affiliation: identity.affiliation ?? null,
    text: place.text,
    start: place.start,
    end: place.end,
  };
}

const SUBJECT_PRONOUNS = new Set(["he", "she", "it", "they"]);

/**
 * "He urged", "She later said", "It also sent", "They then attacked": the index of a pronoun that
 * is the verb's subject, or -1. In the passive ("it was agreed", "they were forced") it acts on no one.
 */
function pronounBefore(v: SentenceView, i: number): number {
  const t = v.tokens;
  let j = i - 1;
  let passive = false;
  while (j >= v.tokenStart && (t.pos[j] === "ADV" || t.pos[j] === "AUX" || t.lower[j] === "not")) {
    if (t.lemma[j] === "be") passive = true;
    j--;
  }
  if (j < v.tokenStart || !SUBJECT_PRONOUNS.has(t.lower[j])) return -1;
  // "He was arrested", "They are forced to": the pronoun is the one acted on.
  if (passive && !t.lower[i].endsWith("ing")) return -1;
  // Only a pronoun that opens its sentence or clause: "He urged", "..., and he said".
  const before = j > v.tokenStart ? t.lower[j - 1] : "";
  return j === v.tokenStart ||
    before === "," ||
    before === "and" ||
    before === "but" ||
    before === "“" ||
    before === '"'
    ? j
    : -1;
}

export function codeDocument(ctx: CoderContext, doc: Document): EventRecord[] {
  const events: EventRecord[] = [];
  const bySentence = new Map<number, ActorMention[]>();
  for (const m of doc.mentions) {
    const list = bySentence.get(m.sentence) ?? [];
    list.push(m);
    bySentence.set(m.sentence, list);
  }
  const facts = new FactsCache(doc, () => titledTenure(ctx.dict, doc));
  // The person a sentence-initial "He"/"She" stands for: the last one named, a few sentences back at most.
  let lastPerson: { mention: ActorMention; sentence: number } | null = null;
  // What "It"/"They" stands for: the last sentence's acting state, organisation or group.
  let lastGroup: { mentions: ActorMention[]; sentence: number } | null = null;
  doc.sentences.forEach((s, si) => {
    if (s.skip) return;
    const mentions = bySentence.get(si) ?? [];
    const group = lastGroup && si - lastGroup.sentence <= 1 ? lastGroup.mentions : [];
    if (mentions.length === 0 && group.length === 0) return;
    const v = viewOf(doc.tokens, mentions, s.tokenStart, s.tokenEnd);
    const triggers = findTriggers(v, ctx.patterns);
    const kept: Trigger[] = [];
    const firstOfSentence = events.length;
    const antecedents: Antecedents = {
      person: lastPerson && si - lastPerson.sentence <= 3 ? lastPerson.mention : null,
      group,
    };
    for (const trig of triggers) {
      if (isGoverned(doc.tokens, trig, kept)) continue;
      kept.push(trig);
      events.push(...recordsFor(ctx, doc, v, si, trig, () => facts.get(si), events, antecedents));
    }
    const ownRecords = events.slice(firstOfSentence);
    // "It also sent ... It then ...": a group that acted again through its pronoun stays current.
    const again = group.length > 0 && ownRecords.some((e) => group.some((m) => m.id === e.actor.id));
    lastGroup = groupOf(mentions, ownRecords, si) ?? (again ? { mentions: group, sentence: si } : lastGroup);
    // Subjects come first: the person who acted in this sentence, else the first person it names.
    const actedIds = new Set(events.slice(firstOfSentence).map((e) => e.actor.id));
    const person =
      mentions.find((m) => m.kind === "person" && actedIds.has(m.id)) ??
      mentions.find((m) => m.kind === "person");
    if (person) lastPerson = { mention: person, sentence: si };
  });
  return dedupe(events);
}

interface Antecedents {
  person: ActorMention | null;
  group: ActorMention[];
}

/**
 * The states, organisations or groups that acted in a sentence (by their mentions), else one
 * that opens it as its subject; null when there is none.
 */
function groupOf(
  mentions: ActorMention[],
  records: EventRecord[],
  si: number,
): { mentions: ActorMention[]; sentence: number } | null {
  const acted: ActorMention[] = [];
  for (const e of records) {
    const m = mentions.find((x) => x.start === e.actor.start && x.id === e.actor.id);
    if (m && m.kind !== "person" && m.kind !== "unknown" && !acted.some((a) => a.id === m.id)) acted.push(m);
  }
  if (acted.length) return { mentions: acted, sentence: si };
  return null;
}

function recordsFor(
  ctx: CoderContext,
  doc: Document,
  v: SentenceView,
  si: number,
  trig: Trigger,
  factsOf: () => SentenceFacts,
  earlier: EventRecord[],
  antecedents: Antecedents,
): EventRecord[] {
  const p = trig.pattern;
  const t = doc.tokens;
  let { actors, recipients } = assignRoles(v, trig);
  if (p.speakerActs) {
    // "X said Y must ...": X asks Y; without a speaker the obligation is no one's request.
    const speaker = speakerOf(v, trig);
    if (speaker === null || actors.includes(speaker) || actors.length === 0) return [];
    recipients = actors;
    actors = [speaker];
  }
  if (p.event === "REQUEST" && recipients.length === 0) {
    // "demanded that Moscow treat its allies with respect": the one asked is the that-clause's subject.
    let k = trig.after;
    if (t.lower[k] === "that") k++;
    if (k > trig.after && k < v.tokenEnd && t.pos[k] === "DET") k++;
    const asked = k > trig.after && k < v.tokenEnd ? ownerAt(v, k) : -1;
    if (asked >= 0 && !actors.includes(asked)) recipients = [asked];
  }
  let pronoun = actors.length === 0 ? pronounBefore(v, trig.index) : -1;
  const personal = pronoun >= 0 && (t.lower[pronoun] === "he" || t.lower[pronoun] === "she");
  const standsFor =
    pronoun < 0 ? [] : personal ? (antecedents.person ? [antecedents.person] : []) : antecedents.group;
  if (standsFor.length === 0) pronoun = -1;
  // No one to act: done before the sentence's dates, places and quantities are read (the costly part).
  const where =
    actors.length === 0 &&
    pronoun < 0 &&
    (STATE_ACTS.has(p.event) || p.mode === "release") &&
    recipients.length &&
    p.pos === "VERB"
      ? isPassive(t, trig.index, v.tokenStart)
        ? stateWhere(v, trig)
        : -1
      : -1;
  if (actors.length === 0 && pronoun < 0 && where < 0 && !(p.subjectIsRecipient && recipients.length))
    return [];
  const facts = factsOf();
  let date = eventDate(facts, t, trig.index);
  let inherited: ActorRef[] = [];
  if (pronoun >= 0) {
    // "He urged the Taliban ...", "They then attacked ...": who the pronoun stands for, marked on the pronoun.
    inherited = standsFor.map((m) => ({
      ...refOf(ctx, m, date?.date ?? doc.published),
      text: t.text[pronoun],
      start: t.start[pronoun],
      end: t.end[pronoun],
    }));
  }
  let inheritedDate: { date: string; precision: DatePrecision } | null = null;
  /** The actor is the state where an agentless passive happened ("+where"). */
  let agentless = false;
  if (actors.length === 0 && p.subjectIsRecipient && recipients.length) {
    // "The Tajik army received tanks": the giver is the one who last gave to the same side.
    const to = v.mentions[recipients[0]];
    const before = [...earlier]
      .reverse()
      .find((e) => e.event === p.event && e.recipient?.country && e.recipient.country === to.country);
    if (before) {
      inherited = [before.actor];
      // The same transfer seen from the receiving side: when the sentence names no date, it keeps the giver's.
      if (before.date && before.date_precision && facts.dates.length === 0) {
        inheritedDate = { date: before.date, precision: before.date_precision };
      }
    }
  }
  if (actors.length === 0 && inherited.length === 0 && where >= 0 && !recipients.includes(where)) {
    // "Ingabire was arrested in Rwanda": with no one named, the state it happened in arrested her.
    inherited = [refOf(ctx, v.mentions[where], date?.date ?? doc.published)];
    agentless = true;
  }
  if (actors.length === 0 && inherited.length === 0) return [];
  if (inheritedDate) date = inheritedDate;
  let speaker = p.speakerActs ? null : speakerOf(v, trig);
  let modality = modalityOf(t, trig.index, v.tokenStart);
  // "will reduce its forces ... and withdraw the rest": the first verb's "will" carries over.
  if (modality === "asserted" && t.lower[trig.index - 1] === "and" && p.pos === "VERB") {
    const host = participleHost(v, trig.index);
    const hostModality = host !== trig.index ? modalityOf(t, host, v.tokenStart) : "asserted";
    if (hostModality === "future" || hostModality === "hypothetical") modality = hostModality;
  }
  // "is willing to withdraw", "ready to send troops": offering a cooperative act is a promise (AGREE).
  const promise = COOPERATIVE.has(p.event) && p.event !== "AGREE" && offered(t, trig.index, v.tokenStart);
  // "X says Y must ...": X demands of Y.
  const must = demandMarker(v, trig);
  const demand = must >= 0 && speaker !== null && !actors.includes(speaker) && inherited.length === 0;
  let firstToken = trig.index;
  // Only a tense the text shows moves a year-less date: "to begin on March 10" stays where chrono put it.
  if (date) date = dateForTense(date, facts.reference, modality === "future", pastTense(t, trig.index));
  if (promise) modality = "asserted";
  // Not resigning is no refusal to anyone.
  const refusal =
    !promise &&
    modality === "negated" &&
    p.mode !== "resign" &&
    refused(t, trig.index, v.tokenStart, p.event);
  if (refusal) modality = "asserted";
  if (demand) {
    recipients = [actors[0]];
    actors = [speaker!];
    speaker = null;
    modality = "asserted";
    firstToken = must;
  }
  // "Nigeria announced it would boycott the forum": an actor stating its own coming hostile act threatens it.
  const threat =
    !demand && modality === "future" && HOSTILE.has(p.event) && speaker !== null && actors.includes(speaker);
  if (threat) modality = "asserted";
  const variant = threat
    ? "+threat"
    : demand
      ? "+demand"
      : promise
        ? "+promise"
        : refusal
          ? "+refused"
          : agentless
            ? "+where"
            : "";
  const base: Omit<EventRecord, "id" | "actor" | "recipient" | "date" | "date_precision" | "reported_by"> = {
    event: threat
      ? ("THREATEN" as const)
      : demand
        ? ("REQUEST" as const)
        : promise
          ? ("AGREE" as const)
          : refusal
            ? ("REJECT" as const)
            : p.event,
    mode: threat ? null : demand ? "change" : promise ? null : refusal ? "yield" : p.mode,
    // Material events take contexts from their whole sentence ("received tanks, howitzers"), others from the trigger's phrase.
    context: contextsAt(
      ctx.contexts,
      t,
      Math.max(v.tokenStart, trig.index - 3),
      Math.min(v.tokenEnd, trig.after + 12),
      p.context,
    ),
    modality,
    quantities: demand ? [] : eventQuantities(facts, p),
    location: eventLocation(facts, v, trig.index),
    pattern: p.id + variant,
    versions: doc.versions,
    evidence: {
      sentence: si,
      sentence_start: doc.sentences[si].start,
      sentence_end: doc.sentences[si].end,
      trigger: {
        text: doc.text.slice(t.start[firstToken], t.end[trig.after - 1]),
        start: t.start[firstToken],
        end: t.end[trig.after - 1],
      },
    },
  };
  const actorRefs: ActorRef[] = inherited.length
    ? inherited
    : actors.map((k) => refOf(ctx, v.mentions[k], date?.date ?? doc.published));
  // "Honduras is willing to withdraw its troops": the actor's own forces are what it acts with, not on.
  const ownCountries = new Set(actorRefs.map((a) => a.country));
  let recipientRefs: (ActorRef | null)[] = recipients
    .filter((k) => !(v.mentions[k].via === "possessive" && ownCountries.has(v.mentions[k].country)))
    .map((k) => refOf(ctx, v.mentions[k], date?.date ?? doc.published));
  if (p.event === "MOBILIZE" && p.id.includes("exercise")) {
    // A show of force is one side's; exercises held together ("Russia and China held drills",
    // "drills with Belarus") are joint action between partners (EVENTS.md: COOPERATE).
    const partners = findAfterPreposition(v, trig.after, "with").filter((k) => !actors.includes(k));
    if (partners.length || actorRefs.length >= 2) {
      base.event = "COOPERATE";
      base.mode = null;
      base.pattern = `${base.pattern}+joint`;
      recipientRefs = partners.map((k) => refOf(ctx, v.mentions[k], date?.date ?? doc.published));
      // "Russian and Chinese warships held drills": one pair, in text order.
      if (recipientRefs.length === 0) recipientRefs = actorRefs.splice(1);
    }
  }
  if (p.event === "CONSULT" && recipientRefs.length === 0 && joinsEarlierMeeting(t, trig, v.tokenEnd)) {
    // "Delegations from ten countries took part in the negotiations": the talks just reported, with their convenor.
    const recent = earlier.filter(
      (e) => e.event === "CONSULT" && e.evidence.sentence < si && e.evidence.sentence >= si - 3,
    );
    // The host of the talks convenes them; else whoever held the last ones.
    const convenor = (recent.find((e) => e.pattern.startsWith("CONSULT.host")) ?? recent.at(-1))?.actor;
    if (
      convenor &&
      !actorRefs.some((a) => a.id === convenor.id || (a.country && a.country === convenor.country))
    )
      recipientRefs = [convenor];
  }
  if (SYMMETRIC.has(p.event) && recipientRefs.length === 0 && actorRefs.length >= 2) {
    // "Russia and Tajikistan agreed to join forces": one pair, in text order.
    recipientRefs = actorRefs.splice(1);
  }
  if (p.mode === "visit") {
    // The place right after "visited" is where the visit went, before any later "in Ukraine".
    const host = visitedState(ctx, doc, facts, trig);
    if (host && recipientRefs.every((r) => r !== null && r.start > host.start)) recipientRefs = [host];
  }
  // "Russian forces shelled Kharkiv": a place struck or seized stands for the state it lies in.
  let struckPlace = false;
  if ((base.event === "ASSAULT" || base.event === "COERCE") && recipientRefs.length === 0) {
    const place = visitedState(ctx, doc, facts, trig);
    if (place && !actorRefs.some((a) => a.country === place.country)) {
      recipientRefs = [place];
      struckPlace = true;
    }
  }
  /** Whether the recipient was read from the sentence around the trigger, not from its syntax. */
  let nearby = false;
  const speakerRef = speaker !== null ? refOf(ctx, v.mentions[speaker], doc.published) : null;
  if (
    (RECIPROCAL.has(p.event) || p.mutual) &&
    recipientRefs.length === 0 &&
    actorRefs.length >= 2 &&
    (p.event === "AGREE" || p.mutual || reciprocalUse(v, trig))
  ) {
    // "Armenia and Azerbaijan agreed", "the two sides clashed": one record per direction.
    return actorRefs.flatMap((actor) =>
      actorRefs.filter((other) => other.id !== actor.id).map((other) => record(actor, other)),
    );
  }
  if (recipientRefs.length === 0 && wantsNearbyRecipient(base.event, p.noRecipient, actorRefs)) {
    const found = nearbyRecipients(
      v,
      trig,
      actors,
      speaker,
      new Set(actorRefs.map((a) => a.id)),
      // An armed group's country is where it fights, not its side.
      new Set(
        actorRefs
          .filter((a) => a.kind !== "armed_group")
          .map((a) => a.country)
          .filter((c) => c !== null),
      ),
    );
    if (found.length) {
      recipientRefs = found.map((k) => refOf(ctx, v.mentions[k], date?.date ?? doc.published));
      nearby = true;
    }
  }
  if (recipientRefs.length === 0 && wantsNearbyRecipient(base.event, p.noRecipient, actorRefs)) {
    // "The UN acknowledged the new peace push": the act just reported, and so whoever made it.
    const makers = earlierActMakers(t, trig, v.tokenEnd, earlier, si, actorRefs, () => {
      const before = openingSubjects(ctx, doc, si - 1);
      return before.length ? before : openingSubjects(ctx, doc, si - 2);
    });
    if (makers.length) {
      recipientRefs = makers;
      base.pattern = `${base.pattern}+earlier`;
    }
  }
  // A meeting or joint action needs two sides; alone it says nothing about a dyad.
  if (SYMMETRIC.has(p.event) && recipientRefs.length === 0) return [];
  if (recipientRefs.length === 0) recipientRefs = [null];
  const out: EventRecord[] = [];
  for (const actor of actorRefs) {
    for (const recipient of recipientRefs) {
      if (recipient && recipient.id === actor.id) continue;
      out.push(record(actor, recipient));
    }
  }
  return out;

  function record(actor: ActorRef, recipient: ActorRef | null): EventRecord {
    return {
      id: "",
      ...base,
      pattern: nearby ? `${base.pattern}+nearby` : struckPlace ? `${base.pattern}+place` : base.pattern,
      actor,
      recipient,
      date: date?.date ?? null,
      date_precision: date?.precision ?? null,
      reported_by: speakerRef && speakerRef.id !== actor.id ? speakerRef : null,
    };
  }
}

/** Nouns that name an act someone made: "the move", "this decision", "the new peace push". */
const ACT_NOUNS = new Set(
  (
    "move decision plan proposal proposals initiative push offer deal agreement attack attacks strike strikes " +
    "step steps measure measures policy effort efforts bid demand demands statement announcement accord truce " +
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
};

/**
 * When the trigger's object is a definite description of an act ("acknowledged the new peace
 * push", "condemned the move"), the actors of the last act reported in the two sentences before.
 */
function earlierActMakers(
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
  const last = [...earlier]
    .reverse()
    .find((e) =>
      kinds
        ? kinds.includes(e.event) &&
          e.evidence.sentence < si &&
          e.evidence.sentence >= si - 8 &&
          !own(e.actor)
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

/** The actors a sentence opens with, as its subject: "Russia, Iran and Turkey announced ...". */
function openingSubjects(ctx: CoderContext, doc: Document, si: number): ActorRef[] {
  const s = doc.sentences[si];
  if (!s || s.skip) return [];
  const mentions = doc.mentions.filter((m) => m.sentence === si);
  if (mentions.length === 0 || mentions[0].tokenStart > s.tokenStart + 2) return [];
  const v = viewOf(doc.tokens, mentions, s.tokenStart, s.tokenEnd);
  return coordinated(v, 0, { from: s.tokenStart, to: s.tokenEnd }).map((k) =>
    refOf(ctx, v.mentions[k], doc.published),
  );
}

const MEETING_NOUNS = new Set(
  "talks negotiations meeting meetings summit conference consultations forum session round".split(" "),
);

/** "took part in the negotiations", "attended these talks": a meeting the text has already named. */
function joinsEarlierMeeting(t: Document["tokens"], trig: Trigger, end: number): boolean {
  let j = trig.after;
  if (t.lower[j] === "in" || t.lower[j] === "at") j++;
  if (!(t.lower[j] === "the" || t.lower[j] === "these" || t.lower[j] === "this" || t.lower[j] === "that"))
    return false;
  j++;
  if (j < end && t.pos[j] === "ADJ") j++;
  return j < end && MEETING_NOUNS.has(t.lower[j]);
}

/** One fact reported twice is one record: same actor, type, recipient and modality. */
function dedupe(events: EventRecord[]): EventRecord[] {
  const seen = new Map<string, EventRecord>();
  const out: EventRecord[] = [];
  // "X and Y exchanged fire, killing 40": X's attack without a recipient says less than X's attack on Y
  // in the same sentence, and is the same fact.
  const withRecipient = new Set(
    events.filter((e) => e.recipient).map((e) => `${e.evidence.sentence}|${e.actor.id}|${e.event}`),
  );
  for (const e of events) {
    if (!e.recipient && withRecipient.has(`${e.evidence.sentence}|${e.actor.id}|${e.event}`)) continue;
    const key = `${e.actor.id}|${e.event}|${e.recipient?.id ?? ""}|${e.modality}|${e.date ?? ""}`;
    const first = seen.get(key);
    if (first) {
      if (first.quantities.length === 0 && e.quantities.length) first.quantities = e.quantities;
      continue;
    }
    seen.set(key, e);
    out.push(e);
  }
  out.forEach((e, k) => {
    e.id = `${k + 1}`;
  });
  return out;
}

export type { Pattern };
