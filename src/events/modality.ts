/**
 * Modality and attribution of a trigger: did it happen, will it, might it,
 * or did it not; and is it only someone's claim ("Kabulov said ...").
 */

import type { Tokens } from "../model/document.js";
import type { Modality } from "../model/event.js";

const NEGATIONS = new Set(["not", "n't", "never", "no", "without", "neither", "nor", "refrain", "refrained"]);
const HYPOTHETICAL = new Set([
  "could",
  "might",
  "may",
  "can",
  "would",
  "should",
  "if",
  "unless",
  "possibly",
  "perhaps",
  "likely",
  "ready",
  "willing",
  "prepared",
  "able",
  // "reluctant to agree", "unlikely to attend": an act held back is not one that happened.
  "reluctant",
  "unwilling",
  "unlikely",
  "hesitant",
  "loath",
]);
const PLAN_NOUNS = new Set(["plan", "plans"]);
const FUTURE = new Set([
  "will",
  "'ll",
  "shall",
  "plan",
  "plans",
  "planned",
  "planning",
  "intend",
  "intends",
  "intended",
  "expected",
  "set",
  "scheduled",
  "going",
  "upcoming",
  "aims",
  "aim",
  "seeks",
  "seek",
  "to-be",
  "future",
  "next",
]);
/** Verbs of saying whose subject is the source of a claim. */
export const SPEECH_VERBS = new Set([
  "say",
  "tell",
  "claim",
  "state",
  "announce",
  "report",
  "add",
  "note",
  "stress",
  "insist",
  "believe",
  "assert",
  "confirm",
  "declare",
  "explain",
  "emphasize",
  "emphasise",
  "argue",
  "suggest",
  "write",
  "indicate",
  "quote",
  "think",
]);

/**
 * Looks back from the trigger to the start of its clause (at most `reach`
 * tokens, not past `from`): negation wins over future, future over hypothesis.
 * "would" after a verb of saying is the future seen from the past.
 */
export function modalityOf(t: Tokens, trigger: number, from: number, reach = 8): Modality {
  let negated = false;
  let future = false;
  let hypothetical = false;
  let reported = false;
  const start = Math.max(from, trigger - reach);
  // Past "and" after a noun ("was in no one's interest and called on") a negation or modal belongs
  // to the clause before; the coder gives "will reduce its forces and withdraw" its "will" back.
  let otherClause = false;
  for (let j = trigger - 1; j >= start; j--) {
    const w = t.lower[j];
    if (w === "," && j < trigger - 3) break;
    if ((w === "and" || w === "but") && j > start && /^(?:NOUN|PROPN|PRON|NUM)$/.test(t.pos[j - 1]))
      otherClause = true;
    // "denied (reports) that it had sent troops", "denies sending weapons".
    // "is ready for cooperation ... and maintains contacts": the clause before keeps its modal too.
    // "will resume enrichment if the US imposes sanctions": the condition opens the trigger's clause.
    if ((w === "if" || w === "unless") && !otherClause && !negated) {
      hypothetical = true;
      break;
    }
    // "It was no coincidence that he went", "there is no doubt that": a judgement, not a negation.
    const judged = w === "no" && t.pos[j + 1] === "NOUN" && t.lower[j + 2] === "that";
    if ((NEGATIONS.has(w) && !judged) || t.lemma[j] === "deny") negated ||= !otherClause;
    // "plans to", "is planning": a plan as a noun ("the plan has the backing of") says nothing of time.
    else if (FUTURE.has(w) && (!PLAN_NOUNS.has(w) || t.lower[j + 1] === "to" || t.pos[j] === "VERB"))
      future ||= !otherClause;
    else if (w === "would" || w === "'d" || HYPOTHETICAL.has(w)) hypothetical ||= !otherClause;
    if (SPEECH_VERBS.has(t.lemma[j])) reported = true;
  }
  // "refused to", "failed to" negate what they govern; the REJECT pattern codes the refusal itself.
  if (
    trigger >= 2 &&
    t.lower[trigger - 1] === "to" &&
    ["fail", "refuse", "decline"].includes(t.lemma[trigger - 2])
  )
    negated = true;
  if (negated) return "negated";
  if (future) return "future";
  if (hypothetical) {
    // "said Moscow would send" reports an intention: future.
    const wouldOnly = !Array.from({ length: trigger - start }, (_, k) => t.lower[start + k]).some(
      (w) => HYPOTHETICAL.has(w) && w !== "would",
    );
    return reported && wouldOnly ? "future" : "hypothetical";
  }
  return "asserted";
}
