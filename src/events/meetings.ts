/**
 * Who takes part in a meeting the syntax leaves without its sides: the parties that announce
 * it, its host, those named "with the participation of", the subject of a clause it is the
 * scene of ("After talks with Modi, Biden said"), and "an offensive on the part of X".
 */
import type { Document } from "../model/document.js";
import {
  coordinated,
  findAfterPreposition,
  findSubject,
  ownerAt,
  RELATIVE_PRONOUNS,
  type SentenceView,
} from "./roles.js";
import type { Trigger } from "./triggers.js";

/** Verbs by which the parties to a meeting make it known. */
const ANNOUNCING = new Set(["announce", "say", "confirm", "declare", "state"]);

/**
 * "Russia, Iran and Turkey announced that a new round of talks will open": a meeting that only
 * its announcers can hold is theirs. The subjects of the announcing verb before the trigger
 * (at most 15 words before it, in the same sentence), or none.
 */
export function announcersOf(v: SentenceView, trig: Trigger): number[] {
  const t = v.tokens;
  // "confirmed to all gathered at the meeting": a meeting after a preposition is where it was said.
  let h = trig.index - 1;
  while (
    h > v.tokenStart &&
    t.lower[h] !== "that" &&
    ["DET", "ADJ", "NUM", "NOUN", "PROPN"].includes(t.pos[h])
  )
    h--;
  if (t.pos[h] === "ADP" && t.lower[h] !== "of") return [];
  // "talks ... had been cancelled": no meeting to hold.
  for (let j = trig.after; j < v.tokenEnd && j < trig.after + 8; j++)
    if (CALLED_OFF.has(t.lemma[j])) return [];
  for (let j = trig.index - 1; j >= v.tokenStart && j >= trig.index - 15; j--) {
    if (t.lower[j] === ";") break;
    if (ANNOUNCING.has(t.lemma[j]) && t.pos[j] === "VERB") {
      // "said the meeting was useless" judges a meeting; "said talks will resume" or "had ended" reports one.
      if (
        !FORMAL_ANNOUNCING.has(t.lemma[j]) &&
        !announcedAhead(t, trig, v.tokenEnd) &&
        !happensNext(t, trig, v.tokenEnd)
      )
        return [];
      return findSubject(v, j);
    }
  }
  return [];
}

/** Verbs by which a meeting takes place or ends: "talks had ended", "were held", "resumed". */
const HAPPENING = new Set([
  "begin",
  "start",
  "open",
  "resume",
  "continue",
  "end",
  "conclude",
  "close",
  "finish",
  "convene",
]);
/** What follows "will" when a named act is to take place: "talks will begin", "will be held". */
const TAKING_PLACE = new Set([...HAPPENING, "take", "be", "go", "happen"]);

/** The next full verb after the meeting noun says it took place: "talks had ended", "were held in Doha". */
function happensNext(t: Document["tokens"], trig: Trigger, end: number): boolean {
  for (let j = trig.after; j < end && j < trig.after + 8; j++) {
    if (t.pos[j] === "AUX") continue;
    if (t.pos[j] === "VERB")
      return (
        HAPPENING.has(t.lemma[j]) ||
        t.lower[j] === "held" ||
        (t.lemma[j] === "take" && t.lower[j + 1] === "place")
      );
  }
  return false;
}

/** Verbs that make a meeting known by themselves, whatever its tense. */
const FORMAL_ANNOUNCING = new Set(["announce", "confirm", "declare"]);
/** What happens to a meeting that will not be held. */
const CALLED_OFF = new Set(["cancel", "postpone", "suspend", "collapse", "delay", "scrap", "stall", "fail"]);

/**
 * An announced meeting is still to come when the announcement names it outright ("announced
 * talks") or says it will happen ("talks will open", "are to resume"), not when it reports
 * one held ("said the talks had ended").
 */
export function announcedAhead(t: Document["tokens"], trig: Trigger, end: number): boolean {
  for (let j = trig.after; j < end && j < trig.after + 8; j++) {
    const w = t.lower[j];
    if (w === "will" || w === "would" || w === "shall" || w === "'ll" || w === "to") return true;
    if (t.pos[j] === "AUX" || t.pos[j] === "VERB") return false;
    if (w === "," || w === ";") break;
  }
  // "announced talks": the verb itself names them.
  let j = trig.index - 1;
  while (j >= 0 && (t.pos[j] === "DET" || t.pos[j] === "ADJ" || t.pos[j] === "NUM" || t.pos[j] === "NOUN"))
    j--;
  return j >= 0 && t.pos[j] === "VERB";
}

const HOSTING = new Set(["host", "organize", "organise", "convene", "sponsor", "chair", "broker", "mediate"]);

/**
 * "took part in the negotiations hosted by Russia": the host a meeting is named with, within
 * the trigger's clause (indices into v.mentions), or [].
 */
export function hostNamedAfter(v: SentenceView, trig: Trigger): number[] {
  const t = v.tokens;
  for (let j = trig.after; j < v.tokenEnd - 1 && j < trig.after + 8; j++) {
    if (t.lower[j] === ";" || (t.lower[j] === "," && j > trig.after + 1)) return [];
    if (HOSTING.has(t.lemma[j]) && t.lower[j + 1] === "by") return findAfterPreposition(v, j + 1, "by");
  }
  return [];
}

/**
 * "hosted the meeting with the participation of a delegation of the Taliban": those named as
 * taking part, within 15 words after the trigger (indices into v.mentions), or [].
 */
export function participantsNamed(v: SentenceView, trig: Trigger): number[] {
  const t = v.tokens;
  for (let j = trig.after; j < v.tokenEnd - 1 && j < trig.after + 15; j++) {
    if (t.lower[j] === ";") return [];
    if (t.lower[j] === "participation" && t.lower[j + 1] === "of") {
      const named = findAfterPreposition(v, j + 1, "of");
      if (named.length) return named;
      // "of a delegation of the Taliban": the delegation's side.
      for (let n = j + 2; n < v.tokenEnd && n <= j + 6; n++) {
        if (t.lower[n] === "of") return findAfterPreposition(v, n, "of");
      }
      return [];
    }
  }
  return [];
}

/** Prepositions that set a scene the clause's subject took part in: "after talks with Putin". */
const SCENE_PREPOSITIONS = new Set(["after", "during", "following", "before", "at", "amid", "since"]);

/**
 * "After talks with Putin, Erdogan said ...", "retreated after a battle with the Taliban": a
 * meeting, or a fight with someone, named as the scene of a clause was the subject's own. The
 * subject's mentions (indices into v.mentions), or [].
 */
export function sceneParticipants(v: SentenceView, trig: Trigger): number[] {
  const t = v.tokens;
  const p = trig.pattern;
  if (p.pos !== "NOUN") return [];
  const fight =
    p.event === "ASSAULT" && (t.lower[trig.after] === "with" || t.lower[trig.after] === "against");
  if (!(p.event === "CONSULT" || p.event === "COOPERATE" || fight)) return [];
  let j = trig.index - 1;
  while (j > v.tokenStart && (t.pos[j] === "DET" || t.pos[j] === "ADJ" || t.pos[j] === "NUM")) j--;
  if (!SCENE_PREPOSITIONS.has(t.lower[j])) return [];
  if (j === v.tokenStart) {
    // The scene opens the sentence: its subject follows the comma that closes it.
    for (let c = trig.after; c < v.tokenEnd - 1 && c < trig.after + 25; c++) {
      if (t.lower[c] !== ",") continue;
      // ", which took place in December," describes the scene: its subject comes after.
      if (RELATIVE_PRONOUNS.has(t.lower[c + 1]) || t.lower[c + 1] === "when") continue;
      const k = ownerAt(v, c + 1) >= 0 ? ownerAt(v, c + 1) : t.pos[c + 1] === "DET" ? ownerAt(v, c + 2) : -1;
      return k >= 0 ? coordinated(v, k, { from: c + 1, to: v.tokenEnd }) : [];
    }
    return [];
  }
  // The scene closes its clause: the subject of the verb before it.
  for (let k = j - 1; k >= v.tokenStart && k > j - 12; k--) {
    if (t.lower[k] === "," || t.lower[k] === ";") return [];
    if (t.pos[k] === "VERB") return findSubject(v, k);
  }
  return [];
}

/** "an offensive on the part of Taliban militants": who acts, named after the nominal trigger. */
export function onThePartOf(v: SentenceView, trig: Trigger): number[] {
  const t = v.tokens;
  const a = trig.after;
  if (t.lower[a] !== "on" || t.lower[a + 1] !== "the" || t.lower[a + 2] !== "part" || t.lower[a + 3] !== "of")
    return [];
  return findAfterPreposition(v, a + 2, "of");
}

/**
 * "talks between Kabul and the Taliban will begin": a noun whose own happening is announced with
 * "will"/"would" is to come ("Russian support will have consequences" is support that exists).
 */
export function willFollow(t: Document["tokens"], from: number, end: number): boolean {
  for (let j = from; j < end && j < from + 10; j++) {
    const w = t.lower[j];
    if (w === "will" || w === "would" || w === "shall" || w === "'ll") {
      let k = j + 1;
      while (k < end && t.pos[k] === "ADV") k++;
      return TAKING_PLACE.has(t.lemma[k]);
    }
    if (t.pos[j] === "VERB" || w === "," || w === ";") return false;
  }
  return false;
}
