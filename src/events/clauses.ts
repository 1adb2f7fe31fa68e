/**
 * Readings of the clause around a trigger that reshape its record: demands ("X says Y
 * must"), promises ("ready to"), refusals, reciprocal use, acts governed by another
 * ("refused to negotiate", "arrested for spying", "blocked an aid package"), the
 * speaker of a claim, pronoun subjects (opening a clause, a report or a condition), the
 * state where an agentless act happened, and support someone seeks or holds. Who takes
 * part in a meeting is read in meetings.ts.
 */
import type { Document } from "../model/document.js";
import { SPEECH_VERBS } from "./modality.js";
import { findAfterPreposition, findObject, findSubject, type SentenceView, SUBORDINATORS } from "./roles.js";
import type { Trigger } from "./triggers.js";

/**
 * "Russia says Israel must end its strikes": a speaker saying what another
 * must do makes a demand on them (REQUEST, mode change), not the act itself.
 * Returns the token of "must"/"should" when the trigger is such a demand.
 */
export function demandMarker(v: SentenceView, trig: Trigger): number {
  const t = v.tokens;
  for (let j = trig.index - 1; j >= v.tokenStart && j >= trig.index - 3; j--) {
    if (t.lower[j] === "must" || t.lower[j] === "should") return j;
  }
  return -1;
}

/** Cooperative types: offering one of them is a promise. */
export const COOPERATIVE = new Set(["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"]);

/** "willing to", "ready to", "prepared to" right before the trigger (an adverb may stand between). */
export function offered(t: Document["tokens"], trigger: number, from: number): boolean {
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
export function refused(t: Document["tokens"], trigger: number, from: number, event: string): boolean {
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
export const RECIPROCAL = new Set(["AGREE", "ASSAULT", "ACCUSE", "THREATEN"]);
/**
 * "Armenia and Azerbaijan clashed", "accused each other": the coordinated
 * subjects act on one another. "Russia and China criticised the freezing of
 * the assets" has an object of its own, and they act together on it.
 */
export function reciprocalUse(v: SentenceView, trig: Trigger): boolean {
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

/** Types that take the event they govern into themselves: "refused to negotiate" is one REJECT. */
/**
 * Acts only a state's authorities do (and releasing those they held): an agentless passive of
 * them is the doing of the state it happened in.
 */
export const STATE_ACTS = new Set(["COERCE", "SANCTION"]);

/** "was arrested in Rwanda": the state named right after "in" in the trigger's clause, or -1. */
export function stateWhere(v: SentenceView, trig: Trigger): number {
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
export const HOSTILE = new Set(["PROTEST", "SANCTION", "COERCE", "ASSAULT"]);

/** Types whose "for <gerund>" names the charge: "arrested for spying". */
const PUNISHING = new Set(["COERCE", "SANCTION", "ACCUSE"]);
const GOVERNING = new Set(["REJECT", "REQUEST", "THREATEN", "AGREE", "SUPPORT", "ACCUSE"]);

/** "to accelerate the negotiations": a nominal trigger that is the object of an infinitive. */
function objectOfInfinitive(t: Document["tokens"], i: number): boolean {
  let j = i - 1;
  while (j > 0 && i - j <= 3 && (t.pos[j] === "DET" || t.pos[j] === "ADJ")) j--;
  return t.pos[j] === "VERB" && t.lower[j - 1] === "to";
}

/** An infinitive or gerund governed by an earlier trigger: "refused to negotiate", "called for improving". */
export function isGoverned(t: Document["tokens"], trig: Trigger, earlier: Trigger[]): boolean {
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
    // "hosted the third meeting", "signed the agreement": the verb's object names the same act.
    if (
      g.pattern.event === trig.pattern.event &&
      g.pattern.pos === "VERB" &&
      trig.pattern.pos === "NOUN" &&
      gap >= 0 &&
      gap <= 4 &&
      t.pos.slice(g.after, trig.index).every((pos) => OBJECT_PHRASE.has(pos))
    )
      return true;
    // "negotiations to resolve the crisis": what talks are for has not happened.
    if (g.pattern.event === "CONSULT" && g.pattern.pos === "NOUN" && gap === 1 && t.lower[g.after] === "to")
      return true;
    if (!GOVERNING.has(g.pattern.event)) continue;
    // "called on the Taliban on Thursday not to launch": a to-infinitive may stand further off.
    const infinitive =
      t.lower[trig.index - 1] === "to" ||
      (t.lower[trig.index - 2] === "to" && t.pos[trig.index - 1] === "ADV") ||
      objectOfInfinitive(t, trig.index);
    const between = t.lower.slice(g.after, trig.index);
    // "urged the Taliban to open an office and take part in talks": a second infinitive shares the first's "to".
    if (
      gap >= 0 &&
      gap <= 14 &&
      (t.lower[trig.index - 1] === "and" ||
        (t.lower[trig.index - 1] === "to" && t.lower[trig.index - 2] === "and")) &&
      t.lower[trig.index] === t.lemma[trig.index] &&
      between.includes("to") &&
      t.lower[g.index - 1] !== "to" &&
      !between.some((w) => w === ";" || w === "but")
    )
      return true;
    if (gap < 0 || gap > (infinitive ? 9 : 5)) continue;
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
export function speakerOf(v: SentenceView, trig: Trigger): number | null {
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
        // The speaker stands after the comma that closes the report: ", a spokesman for the
        // federation said" is the federation's word, not that of a name inside the report.
        let comma = j - 1;
        while (comma > trig.index && t.lower[comma] !== ",") comma--;
        const before = findSubject(v, j);
        if (before.length && v.mentions[before[0]].tokenStart > Math.max(trig.index, comma)) return before[0];
        if (comma > trig.index) {
          for (let k = 0; k < v.mentions.length; k++) {
            const m = v.mentions[k];
            if (m.tokenStart > comma && m.tokenEnd <= j && !m.id.startsWith("unknown:")) return k;
          }
        }
        const after = findObject(v, j + 1);
        if (after.length && t.lower[j - 1] === ",") return after[0];
      }
    }
  }
  return null;
}

const SUBJECT_PRONOUNS = new Set(["he", "she", "it", "they"]);

/**
 * "He urged", "She later said", "It also sent", "They then attacked": the index of a pronoun that
 * is the verb's subject, or -1. In the passive ("it was agreed", "they were forced") it acts on no one.
 */
export function pronounBefore(v: SentenceView, i: number): number {
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
  // Only a pronoun that opens its sentence or clause: "He urged", "..., and he said", "and now he is".
  let o = j - 1;
  while (o > v.tokenStart && t.pos[o] === "ADV" && j - o <= 2) o--;
  if (o < v.tokenStart || (o === v.tokenStart && t.pos[o] === "ADV")) return j;
  const before = t.lower[o];
  // "said he would veto", "said Thursday he had rejected", "stressed that it will not": a reported
  // clause opens with its pronoun.
  for (let k = j - 1; k >= v.tokenStart && k >= j - 4; k--) {
    if (SPEECH_VERBS.has(t.lemma[k]) || t.lower[k] === "that") return j;
    if (!["ADV", "PROPN", "NUM", "ADP", "NOUN", "DET"].includes(t.pos[k])) break;
  }
  return before === "," || before === "and" || before === "but" || before === "“" || before === '"' ? j : -1;
}

/** Where a subordinate clause may start: a subordinator, "as", a colon or a semicolon. */
const CLAUSE_STARTS = new Set([...SUBORDINATORS, "as", ":", ";"]);

/**
 * "much depends on Iran: if it agrees to talks", "Kyiv said that when they attacked": a pronoun
 * subject opening a subordinate clause stands for the nearest state, organisation or group named
 * before it in the sentence. Its mention index, or -1.
 */
export function subordinatePronounReferent(v: SentenceView, i: number): number {
  const t = v.tokens;
  let j = i - 1;
  while (j > v.tokenStart && (t.pos[j] === "ADV" || t.pos[j] === "AUX" || t.lower[j] === "not")) j--;
  const pronoun = t.lower[j];
  if ((pronoun !== "it" && pronoun !== "they") || j - 1 <= v.tokenStart || !CLAUSE_STARTS.has(t.lower[j - 1]))
    return -1;
  for (let k = v.mentions.length - 1; k >= 0; k--) {
    const m = v.mentions[k];
    if (m.tokenEnd > j - 1) continue;
    // The nearest name decides: "expelled the envoy's aides after they called" are the aides.
    if (m.kind === "person" || m.kind === "unknown" || m.id.startsWith("role:")) return -1;
    // So does a noun of the pronoun's number between them ("expelled ten ambassadors after they").
    for (let n = m.tokenEnd; n < j - 1; n++) {
      if (t.pos[n] === "NOUN" && t.lower[n].endsWith("s") === (pronoun === "they")) return -1;
    }
    return m.kind === "armed_group" || m.kind === "igo" || m.kind === "state" ? k : -1;
  }
  return -1;
}

/** Verbs that ask for what their object names: "sought the backing of NATO". */
const SEEKING = new Set(["seek", "enlist", "solicit", "request", "court", "woo", "canvass"]);

/**
 * "Kyiv sought the backing of NATO", "trying to enlist the support of Erdogan": support or aid
 * named as what someone seeks is their request to its giver. The seeking verb's index, or -1.
 */
export function soughtBy(t: Document["tokens"], trig: Trigger, from: number): number {
  const e = trig.pattern.event;
  if (trig.pattern.pos !== "NOUN" || (e !== "SUPPORT" && e !== "AID")) return -1;
  let j = trig.index - 1;
  while (j > from && trig.index - j <= 3 && (t.pos[j] === "DET" || t.pos[j] === "ADJ")) j--;
  if (t.pos[j] === "ADP" && t.lower[j] === "for" && j - 1 >= from) j--; // "asked for the support of"
  return (SEEKING.has(t.lemma[j]) || (t.lemma[j] === "ask" && t.lower[j + 1] === "for")) &&
    t.pos[j] === "VERB"
    ? j
    : -1;
}

/**
 * "he is trying to enlist", "they want to win": a subject pronoun before the verb at i, over
 * auxiliaries, adverbs and a catenative verb with its "to"; the pronoun's index, or -1.
 */
export function pronounSubjectBefore(v: SentenceView, i: number): number {
  const t = v.tokens;
  for (let j = i - 1; j >= v.tokenStart && j >= i - 5; j--) {
    if (SUBJECT_PRONOUNS.has(t.lower[j])) return j;
    const skip = t.pos[j] === "AUX" || t.pos[j] === "ADV" || t.lower[j] === "to" || t.pos[j] === "VERB";
    if (!skip) return -1;
  }
  return -1;
}

/** Verbs by which someone holds support given to them: "has the backing of", "won the support of". */
const HOLDING = new Set(["have", "enjoy", "win", "gain", "receive", "get", "secure", "retain"]);

/**
 * "Israel has the support of the United States", "Kyiv won the backing of Poland": support or aid
 * someone holds is given to them. The holding verb's index, or -1.
 */
export function heldBy(t: Document["tokens"], trig: Trigger, from: number): number {
  const e = trig.pattern.event;
  if (trig.pattern.pos !== "NOUN" || (e !== "SUPPORT" && e !== "AID")) return -1;
  let j = trig.index - 1;
  while (j > from && trig.index - j <= 3 && (t.pos[j] === "DET" || t.pos[j] === "ADJ")) j--;
  return HOLDING.has(t.lemma[j]) && (t.pos[j] === "VERB" || t.pos[j] === "AUX") ? j : -1;
}
