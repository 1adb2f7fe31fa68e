/**
 * Who does what to whom: the actor and recipient of a trigger, found from the
 * sentence's shape (subject, object, prepositions, possessives, passive voice,
 * coordination) over the actor mentions of the sentence.
 */
import type { ActorMention } from "../model/actor.js";
import type { Tokens } from "../model/document.js";

/** Words after which a mention is not a subject or a direct object. */
const PREPOSITIONS = new Set([
  "of",
  "in",
  "at",
  "to",
  "from",
  "with",
  "for",
  "by",
  "on",
  "against",
  "about",
  "between",
  "among",
  "near",
  "after",
  "before",
  "during",
  "under",
  "over",
  "into",
  "across",
  "through",
  "toward",
  "towards",
  "including",
  "like",
  "than",
  "without",
  "within",
  "upon",
  "via",
  "despite",
  "unlike",
  "per",
  "amid",
  "behind",
  "beyond",
  "inside",
  "outside",
]);

/** Tokens that end a clause when looking for a trigger's object. */
const CLAUSE_ENDS = new Set([
  ";",
  ":",
  "that",
  "which",
  "who",
  "whom",
  "whose",
  "while",
  "whereas",
  "because",
  "but",
  "although",
  "though",
  "–",
  "—",
]);

const LIST_GLUE = new Set([",", "and", "&", "-", "/"]);

/** Which side of the sentence a slot looks at. */
export interface SentenceView {
  tokens: Tokens;
  /** Mentions of this sentence in text order. */
  mentions: ActorMention[];
  /** For each token of the sentence (index - tokenStart): the mention it belongs to, or -1. */
  owner: Int32Array;
  tokenStart: number;
  tokenEnd: number;
}

export function viewOf(
  tokens: Tokens,
  mentions: ActorMention[],
  tokenStart: number,
  tokenEnd: number,
): SentenceView {
  const owner = new Int32Array(tokenEnd - tokenStart).fill(-1);
  mentions.forEach((m, k) => {
    for (let i = m.tokenStart; i < m.tokenEnd; i++) owner[i - tokenStart] = k;
  });
  return { tokens, mentions, owner, tokenStart, tokenEnd };
}

export function ownerAt(v: SentenceView, i: number): number {
  return i >= v.tokenStart && i < v.tokenEnd ? v.owner[i - v.tokenStart] : -1;
}

/** "Thousands of protesters", "members of the opposition": the "of" phrase is the subject itself. */
const QUANTITY_HEADS = new Set([
  "thousands",
  "hundreds",
  "dozens",
  "scores",
  "millions",
  "tens",
  "group",
  "groups",
  "members",
  "supporters",
  "some",
  "many",
  "most",
  "all",
  "several",
  "number",
  "majority",
  "representatives",
  "delegation",
  "units",
]);

function precededByPreposition(v: SentenceView, m: ActorMention): boolean {
  let i = m.tokenStart - 1;
  // Skip determiners and adjectives: "to the new Afghan government".
  while (
    i >= v.tokenStart &&
    (v.tokens.pos[i] === "DET" || v.tokens.pos[i] === "ADJ") &&
    i > m.tokenStart - 4
  )
    i--;
  if (i < v.tokenStart || !PREPOSITIONS.has(v.tokens.lower[i])) return false;
  return !(v.tokens.lower[i] === "of" && i > v.tokenStart && QUANTITY_HEADS.has(v.tokens.lower[i - 1]));
}

/** The mentions joined to `k` by commas and "and": "Russia, Iran and Turkey". */
export function coordinated(v: SentenceView, k: number, limit: { from: number; to: number }): number[] {
  const t = v.tokens;
  const glue = (a: number, b: number) => {
    // Members of one collective share its span: "the Central Asian republics".
    if (v.mentions[a].tokenStart === v.mentions[b].tokenStart) return true;
    // Tokens strictly between mention a and mention b are all list glue.
    const words = t.lower.slice(v.mentions[a].tokenEnd, v.mentions[b].tokenStart).filter((w) => w !== "the");
    // "act against militants, and Islamabad rejected": a new clause's subject, not a list member.
    if (
      words.join(" ") === ", and" &&
      precededByPreposition(v, v.mentions[a]) &&
      /^(?:VERB|AUX)$/.test(t.pos[v.mentions[b].tokenEnd] ?? "")
    )
      return false;
    // "as well as" joins a list; a lone "as" opens a clause ("ties with the Taliban as US troops leave").
    const asWellAs = words.join(" ").replace(/^, /, "") === "as well as";
    return words.length > 0 && words.length <= 4 && (asWellAs || words.every((w) => LIST_GLUE.has(w)));
  };
  const out = [k];
  for (let a = k - 1; a >= 0 && v.mentions[a].tokenStart >= limit.from && glue(a, out[0]); a--)
    out.unshift(a);
  for (
    let b = k + 1;
    b < v.mentions.length && v.mentions[b].tokenEnd <= limit.to && glue(out[out.length - 1], b);
    b++
  )
    out.push(b);
  // Commas alone make an apposition ("Lapin, the Commander of the District,"), not a list:
  // a list closes with "and", "or", "&", a slash or a hyphen somewhere between its members.
  if (out.length > 1 && !closesList(v, out)) return [k];
  // "the former leader of the Taliban, Mullah Akhtar Mansoor, and Putin": a person named after a
  // description of the same side is that description, not another member.
  return dropDescribed(v, out);
}

/** Mention b, after only a comma, is the person mention a describes (same side, one of them a person). */
function namesPrevious(v: SentenceView, a: number, b: number): boolean {
  const t = v.tokens;
  const ma = v.mentions[a];
  const mb = v.mentions[b];
  if (mb.tokenStart !== ma.tokenEnd + 1 || t.lower[ma.tokenEnd] !== ",") return false;
  if (!ma.country || ma.country !== mb.country) return false;
  return (ma.kind === "person") !== (mb.kind === "person");
}

/** The list without the descriptions its person members stand in apposition to. */
function dropDescribed(v: SentenceView, out: number[]): number[] {
  const drop = new Set<number>();
  for (let n = 1; n < out.length; n++) {
    if (!namesPrevious(v, out[n - 1], out[n])) continue;
    drop.add(v.mentions[out[n]].kind === "person" ? out[n - 1] : out[n]);
  }
  return drop.size ? out.filter((m) => !drop.has(m)) : out;
}

function closesList(v: SentenceView, members: number[]): boolean {
  const t = v.tokens;
  for (let m = 1; m < members.length; m++) {
    const a = v.mentions[members[m - 1]];
    const b = v.mentions[members[m]];
    if (a.tokenStart === b.tokenStart) return true;
    for (let i = a.tokenEnd; i < b.tokenStart; i++)
      if (t.lower[i] !== "," && t.lower[i] !== "the") return true;
  }
  return false;
}

/** Mention b stands in apposition to mention a: "a, the b" with only a comma and a determiner between. */
/** How a mention was read: a bare description ("the coalition government") or a name. */
const DESCRIBED_VIA = new Set(["role", "role+of", "role+in", "possessive", "demonym+role"]);
const NAMED_VIA = new Set(["alias", "metonym", "surname", "unknown"]);

function appositionOf(v: SentenceView, a: number, b: number): boolean {
  const t = v.tokens;
  const between = t.lower.slice(v.mentions[a].tokenEnd, v.mentions[b].tokenStart);
  // "the militant group, the Taliban, said" or "a coalition government, the Taliban will": the name wins.
  if (DESCRIBED_VIA.has(v.mentions[a].via) && NAMED_VIA.has(v.mentions[b].via)) return false;
  return (
    between[0] === "," &&
    between.slice(1).every((w) => w === "the" || w === "a" || w === "an") &&
    v.mentions[b].via !== "member"
  );
}

/** The subject of a trigger at token i: the nearest mention to its left not inside a prepositional phrase. */
/**
 * "Uzbekistan, which borders Afghanistan, offered": the token range of a
 * relative clause set off by commas that closes right before token i, or null.
 */
export function relativeClauseBefore(v: SentenceView, i: number): [number, number] | null {
  const t = v.tokens;
  let close = i - 1;
  if (close > v.tokenStart && t.pos[close] === "ADV") close--;
  if (close <= v.tokenStart || t.lower[close] !== ",") return null;
  // Commas of a list inside the clause ("listed by Turkey, the US and the EU,") are passed over.
  for (let j = close - 2; j > v.tokenStart && j > close - 30; j--) {
    const w = t.lower[j];
    if (w === ";") return null;
    if (w === ",") {
      const next = t.lower[j + 1];
      if (RELATIVE_PRONOUNS.has(next)) return [j, close];
    }
  }
  return null;
}

/** Words after which a noun phrase starts a clause, so that it can be a verb's subject. */
const CLAUSE_OPENERS = new Set(
  ", that if when because after before while and but as unless until since although though ; : — – -".split(
    " ",
  ),
);

/**
 * "... if the group attacked US forces": the verb's subject is a noun phrase
 * that names no actor, so no earlier mention is its subject. (A pronoun, "it
 * will not lift", usually stands for the earlier subject, which is kept.)
 */
/** Subordinators after which a pronoun starts a clause of its own: "expelled them after they called". */
/** Words that open a subordinate clause. */
export const SUBORDINATORS = new Set(
  "after before when while because since although though if unless until once".split(" "),
);

/** Pronouns that open a relative clause ("the group, which …", "the town where …"). */
export const RELATIVE_PRONOUNS = new Set(["which", "who", "whom", "whose", "where"]);
// Plural only: "he" after "after" is mostly the person just named ("pardoned Nixon after he resigned").
const SUBJECT_PRONOUN = new Set("they we".split(" "));

/**
 * "the ability of individuals to visit", "the right of Afghans to decide": an infinitive that
 * completes a noun after "N of" is that noun's act, not the sentence subject's ("sent troops to
 * help" keeps its subject).
 */
export function completesNoun(v: SentenceView, i: number): boolean {
  const t = v.tokens;
  const j = i - 1;
  if (j - 2 <= v.tokenStart || t.lower[j] !== "to" || t.pos[j - 1] !== "NOUN" || ownerAt(v, j - 1) >= 0)
    return false;
  let k = j - 2;
  while (k > v.tokenStart && (t.pos[k] === "DET" || t.pos[k] === "ADJ")) k--;
  // "speaks of a desire to break out" is the speaker's desire: only "N of N to" is the second noun's.
  return t.lower[k] === "of" && k > v.tokenStart && t.pos[k - 1] === "NOUN";
}

function unresolvedSubject(v: SentenceView, i: number): boolean {
  const t = v.tokens;
  let j = i - 1;
  while (
    j >= v.tokenStart &&
    (t.pos[j] === "ADV" || t.pos[j] === "AUX" || t.lower[j] === "not" || t.lower[j] === "n't")
  )
    j--;
  if (j < v.tokenStart || ownerAt(v, j) >= 0) return false;
  if (completesNoun(v, j + 1)) return true;
  // "... after they called for": a pronoun opening a subordinate clause has its own referent.
  if (t.pos[j] === "PRON") {
    // "he", "she": the coder's pronoun reading finds whom they stand for, never the nearest name.
    if (t.lower[j] === "he" || t.lower[j] === "she") return true;
    // "if it attacked again": the coder reads whom a subordinate "it" stands for.
    return (
      j > v.tokenStart &&
      SUBORDINATORS.has(t.lower[j - 1]) &&
      (SUBJECT_PRONOUN.has(t.lower[j]) || t.lower[j] === "it")
    );
  }
  if (t.pos[j] !== "NOUN") return false;
  let k = j;
  while (
    k > v.tokenStart &&
    ownerAt(v, k - 1) < 0 &&
    ["NOUN", "ADJ", "DET", "NUM", "PROPN"].includes(t.pos[k - 1])
  )
    k--;
  if (t.pos[k] !== "DET") return false;
  return k === v.tokenStart || CLAUSE_OPENERS.has(t.lower[k - 1]);
}

/** The subject pronoun ("it", "they") right before the verb at i, skipping adverbs and auxiliaries. */
function pronounSubject(v: SentenceView, i: number): boolean {
  const t = v.tokens;
  let j = i - 1;
  while (j > v.tokenStart && (t.pos[j] === "ADV" || t.pos[j] === "AUX" || t.lower[j] === "not")) j--;
  return j >= v.tokenStart && (t.lower[j] === "it" || t.lower[j] === "they");
}

/** A mention right after a verb (determiners and adjectives aside) is that verb's object. */
function inObjectPosition(v: SentenceView, m: ActorMention): boolean {
  let i = m.tokenStart - 1;
  while (i >= v.tokenStart && (v.tokens.pos[i] === "DET" || v.tokens.pos[i] === "ADJ")) i--;
  return i >= v.tokenStart && v.tokens.pos[i] === "VERB";
}

/** "the coalition fighting Houthi rebels has declared": the object of a participle that modifies a noun. */
function objectOfModifyingParticiple(v: SentenceView, m: ActorMention): boolean {
  const t = v.tokens;
  let i = m.tokenStart - 1;
  while (i > v.tokenStart && (t.pos[i] === "DET" || t.pos[i] === "ADJ")) i--;
  if (i <= v.tokenStart || t.pos[i] !== "VERB" || !t.lower[i].endsWith("ing")) return false;
  return t.pos[i - 1] === "NOUN" || t.pos[i - 1] === "PROPN";
}

/**
 * "Ten countries, including the Baltic states, condemned": the members named in a subject that
 * opens the sentence with no verb of its own ("Russia struck cities, including Kyiv" is an object).
 */
function namesSubjectMembers(v: SentenceView, m: ActorMention): boolean {
  const t = v.tokens;
  let i = m.tokenStart - 1;
  while (i > v.tokenStart && (t.pos[i] === "DET" || t.pos[i] === "ADJ")) i--;
  if (t.lower[i] !== "including") return false;
  for (let j = v.tokenStart; j < i; j++) if (t.pos[j] === "VERB" || t.pos[j] === "AUX") return false;
  return true;
}

/** "the attack, which killed 12 people": a relative pronoun subject before the verb at i, or -1. */
function relativeSubject(v: SentenceView, i: number): number {
  const t = v.tokens;
  let j = i - 1;
  while (j > v.tokenStart && (t.pos[j] === "ADV" || t.pos[j] === "AUX" || t.lower[j] === "not")) j--;
  const w = t.lower[j];
  if ((w === "which" || w === "who") && j > v.tokenStart && t.lower[j - 1] === ",") return j;
  // "condemned the attack that killed 12": the judged act is the subject. Other "that"s are left to the ordinary
  // search: "the only one in the region that refuses" is a state's.
  if (
    (w === "that" || w === "which") &&
    j > v.tokenStart &&
    ACTING_NOUNS.has(t.lower[j - 1]) &&
    judgedAct(t, j - 1, v.tokenStart)
  )
    return j;
  return -1;
}

/** Nouns naming an act: "condemned the attack that killed 12". */
const ACTING_NOUNS = new Set(
  (
    "attack attacks strike strikes airstrike airstrikes bombing bombings blast blasts explosion explosions raid raids " +
    "offensive shelling assault fighting clashes operation incident decision move law measure sanctions policy"
  ).split(" "),
);

/**
 * Verbs that judge or report an act rather than do it: "condemned the attack", "welcomed the
 * talks", "criticized the strikes" make the speaker no party to the act named.
 */
export const COMMENTING = new Set(
  (
    "condemn criticize criticise denounce deplore decry slam blast welcome praise hail applaud laud " +
    "commend acknowledge mourn regret lament question doubt dismiss investigate report confirm deny " +
    "blame protest oppose support back endorse reject describe discuss"
  ).split(" "),
);

/** The act noun at i is what a commenting verb judges: "condemned the (deadly) attack". */
function judgedAct(t: Tokens, i: number, from: number): boolean {
  let j = i - 1;
  while (j > from && (t.pos[j] === "DET" || t.pos[j] === "ADJ")) j--;
  return t.pos[j] === "VERB" && COMMENTING.has(t.lemma[j]);
}

export function findSubject(v: SentenceView, i: number): number[] {
  const t = v.tokens;
  // "Hamas, which attacked ..." is Hamas's act; "the attack, which killed 12" names no one who acts.
  const relativePronoun = relativeSubject(v, i);
  if (relativePronoun >= 0) {
    let a = relativePronoun - 1;
    if (a > v.tokenStart && t.lower[a] === ",") a--;
    const k = ownerAt(v, a);
    return k >= 0 ? [k] : [];
  }
  if (unresolvedSubject(v, i)) return [];
  const relative = relativeClauseBefore(v, i);
  // "Russia supports the government, and it is supporting ...": "it" is a subject, not an object.
  const pronoun = pronounSubject(v, i);
  for (let k = v.mentions.length - 1; k >= 0; k--) {
    const m = v.mentions[k];
    if (m.tokenEnd > i) continue;
    if (relative && m.tokenStart > relative[0] && m.tokenEnd <= relative[1]) continue;
    if (pronoun && inObjectPosition(v, m)) continue;
    if (objectOfModifyingParticiple(v, m)) continue;
    if (i - m.tokenEnd > 30) break;
    // A clause boundary between them with its own verb is a different clause; ";" always is.
    let crossed = false;
    for (let j = m.tokenEnd; j < i; j++) if (t.lower[j] === ";") crossed = true;
    if (crossed) break;
    if (precededByPreposition(v, m) && !namesSubjectMembers(v, m)) continue;
    const list = coordinated(v, k, { from: v.tokenStart, to: i });
    // "Lapin, the Commander of the District, oversaw": the apposition names the one before it.
    if (list.length === 1 && k > 0 && appositionOf(v, k - 1, k)) {
      // "India's ambassador to Qatar, Deepak Mittal, met": the apposition names the head, not its "to" phrase.
      let h = k - 1;
      while (h > 0 && precededByPreposition(v, v.mentions[h]) && onlyFunctionWordsBetween(v, h - 1, h)) h--;
      // "Amid the dispute with Kyrgyzstan, Tajikistan refused": a head after a preposition is no subject.
      if (!precededByPreposition(v, v.mentions[h])) return [h];
    }
    return list;
  }
  return [];
}

/** Only a preposition and determiners stand between mentions a and b: "[India's ambassador] to [Qatar]". */
function onlyFunctionWordsBetween(v: SentenceView, a: number, b: number): boolean {
  const t = v.tokens;
  const from = v.mentions[a].tokenEnd;
  const to = v.mentions[b].tokenStart;
  if (to <= from || to - from > 3) return false;
  for (let j = from; j < to; j++) if (t.pos[j] !== "ADP" && t.pos[j] !== "DET") return false;
  return true;
}

/** The first mention after the trigger that is not introduced by a preposition, within the clause. */
export function findObject(v: SentenceView, after: number, infinitiveEnds = false): number[] {
  const t = v.tokens;
  let pastInfinitive = false;
  for (let j = after; j < v.tokenEnd && j < after + 12; j++) {
    if (CLAUSE_ENDS.has(t.lower[j])) return [];
    // "clashed in the valley, leaving 20 soldiers dead": a participle after a comma opens another clause.
    if (t.lower[j] === "," && t.pos[j + 1] === "VERB" && t.lower[j + 1]?.endsWith("ing")) return [];
    // "fighting each other, so Russia ...": the object is the reciprocal pronoun.
    if (
      (t.lower[j] === "each" && t.lower[j + 1] === "other") ||
      (t.lower[j] === "one" && t.lower[j + 1] === "another")
    )
      return [];
    // "agreed to pull back troops": troops are what the infinitive acts on, not a party to the
    // agreement; "agreed to provide Sri Lanka with technology" names the party it benefits.
    if (infinitiveEnds && t.lower[j] === "to" && (t.pos[j + 1] === "VERB" || t.pos[j + 1] === "AUX"))
      pastInfinitive = true;
    const k = ownerAt(v, j);
    if (k < 0) continue;
    if (pastInfinitive && v.mentions[k].id.startsWith("role:")) return [];
    if (precededByPreposition(v, v.mentions[k])) return [];
    // "if it agrees to talks, the US will lift sanctions", "praised Iran, the ministry said": a name
    // after a comma and before its own verb opens another clause.
    const m = v.mentions[k];
    let c = m.tokenStart - 1;
    if (c > after && t.pos[c] === "DET") c--;
    if (c >= after && t.lower[c] === "," && (t.pos[m.tokenEnd] === "VERB" || t.pos[m.tokenEnd] === "AUX"))
      return [];
    return coordinated(v, k, { from: after, to: v.tokenEnd });
  }
  return [];
}

/** The mention right after a preposition (`prep`) that follows the trigger: "aid to Tajikistan". */
export function findAfterPreposition(v: SentenceView, after: number, prep: string): number[] {
  const t = v.tokens;
  for (let j = after; j < v.tokenEnd && j < after + 14; j++) {
    if (CLAUSE_ENDS.has(t.lower[j]) && t.lower[j] !== "that") return [];
    // "rejected the charge and say their contacts with the Taliban ...": a new clause.
    if ((t.lower[j] === "and" || t.lower[j] === "but") && (t.pos[j + 1] === "VERB" || t.pos[j + 1] === "AUX"))
      return [];
    // "the 9/11 attacks, resulting in an invasion by US-led forces": a participle after a comma opens another clause.
    if (
      t.lower[j] === "," &&
      t.pos[j + 1] === "VERB" &&
      t.lower[j + 1]?.endsWith("ing") &&
      t.lower[j + 1] !== "including"
    )
      return [];
    // "rejected a request to stop them losing orders to Korea": past an infinitive, its own phrases.
    if (t.pos[j] === "VERB" && j > after + 1 && t.lower[j - 1] === "to") return [];
    if (t.lower[j] !== prep) continue;
    // "according to Pakistani officials" names the source, not a party.
    if (prep === "to" && t.lower[j - 1] === "according") return [];
    for (let n = j + 1; n < v.tokenEnd && n <= j + 4; n++) {
      const k = ownerAt(v, n);
      if (k >= 0) return coordinated(v, k, { from: n, to: v.tokenEnd });
      if (!["DET", "ADJ", "NUM", "PRON"].includes(t.pos[n])) break;
    }
  }
  return [];
}

/** "Russia's aid", "Russian military aid": a mention ending right before a nominal trigger. */
export function findPossessive(v: SentenceView, i: number): number[] {
  const t = v.tokens;
  let j = i - 1;
  while (j >= v.tokenStart && j > i - 4 && (t.pos[j] === "ADJ" || t.pos[j] === "NOUN") && ownerAt(v, j) < 0)
    j--;
  if (j >= v.tokenStart && (t.lower[j] === "'s" || t.lower[j] === "’s" || t.lower[j] === "'")) j--;
  // "a Saudi-led strike": who leads it acts.
  else if (j - 2 >= v.tokenStart && t.lower[j] === "led" && t.text[j - 1] === "-") j -= 2;
  const k = ownerAt(v, j);
  return k >= 0 ? coordinated(v, k, { from: v.tokenStart, to: i }) : [];
}

/** "the withdrawal of US troops": the mention of an "of" phrase right after a nominal trigger. */
export function findOf(v: SentenceView, after: number): number[] {
  const t = v.tokens;
  if (t.lower[after] !== "of") return [];
  for (let n = after + 1; n < v.tokenEnd && n <= after + 4; n++) {
    const k = ownerAt(v, n);
    // "the summit of Russia, China and Pakistan", "the withdrawal of US and NATO troops": the whole list.
    if (k >= 0) return coordinated(v, k, { from: n, to: v.tokenEnd });
    if (!["DET", "ADJ", "NUM"].includes(t.pos[n])) break;
  }
  return [];
}

/** "talks between Kabul and the Taliban": both sides. */
export function findBetween(v: SentenceView, after: number): number[] {
  const t = v.tokens;
  for (let j = after; j < v.tokenEnd && j <= after + 3; j++) {
    if (t.lower[j] !== "between" && t.lower[j] !== "among") continue;
    for (let n = j + 1; n < v.tokenEnd && n <= j + 3; n++) {
      const k = ownerAt(v, n);
      if (k >= 0) {
        const list = coordinated(v, k, { from: n, to: v.tokenEnd });
        return list.length >= 2 ? list : [];
      }
    }
  }
  return [];
}

/** The by-agent of a passive trigger: "were transferred to X by Russia". */
export function findAgent(v: SentenceView, after: number): number[] {
  return findAfterPreposition(v, after, "by");
}

const BE_FORMS = new Set([
  "is",
  "are",
  "was",
  "were",
  "be",
  "been",
  "being",
  "get",
  "got",
  "gets",
  "getting",
  "'re",
]);

/** "were transferred", "has been arrested", "was not invited": a be-form shortly before a verb trigger. */
/**
 * "Afghan forces backed by US air strikes": a past participle right after a
 * mention, with a by-agent, modifies that mention. Returns the mention index.
 */
export function reducedPassiveHead(v: SentenceView, i: number, after: number): number {
  const t = v.tokens;
  if ((t.lower[i] === t.lemma[i] && !t.lower[i].endsWith("ed")) || t.lower[i].endsWith("ing")) return -1;
  if (t.lower[after] !== "by" || i - 1 < v.tokenStart) return -1;
  // A participle's form ("backed", "taken"; not "spoke by phone"), and an agent, not "responded by imposing".
  if (!/(?:ed|en)$/.test(t.lower[i]) || (t.lower[after + 1] ?? "").endsWith("ing")) return -1;
  return ownerAt(v, i - 1);
}

/** Words between a named group and a participle that describes it: "the Taliban, a movement banned in". */
const DESCRIBING = new Set(["DET", "ADJ", "NOUN", "PUNCT"]);

/**
 * "the Taliban (banned in Russia)", "ISIS, a terrorist group banned in Russia": a participle
 * followed by "in" that describes a named actor before it; the index of that actor's mention, or -1.
 */
export function reducedPassiveIn(v: SentenceView, i: number, after: number): number {
  const t = v.tokens;
  if (t.lower[after] !== "in" || !/(?:ed|en)$/.test(t.lower[i]) || t.lower[i] === t.lemma[i]) return -1;
  for (let j = i - 1; j >= v.tokenStart && j >= i - 6; j--) {
    const k = ownerAt(v, j);
    if (k >= 0) return k;
    if (!DESCRIBING.has(t.pos[j]) || t.lower[j] === ";" || t.lower[j] === ".") break;
  }
  // "this organization banned in Russia" with no name in reach: still a description, not a clause
  // whose subject is further back.
  return i - 1 > v.tokenStart && t.pos[i - 1] === "NOUN" ? REDUCED_UNNAMED : -1;
}

/** reducedPassiveIn: a noun described by the participle, but no actor named for it. */
export const REDUCED_UNNAMED = -2;

export function isPassive(t: Tokens, i: number, sentenceStart: number): boolean {
  // A past participle: inflected, and not the -ing of the progressive ("is sending").
  if ((t.lower[i] === t.lemma[i] && !t.lower[i].endsWith("ed")) || t.lower[i].endsWith("ing")) return false;
  for (let j = i - 1; j >= sentenceStart && j >= i - 3; j--) {
    const w = t.lower[j];
    if (BE_FORMS.has(w)) return true;
    if (!(t.pos[j] === "ADV" || t.pos[j] === "PART" || w === "not" || w === "n't")) return false;
  }
  return false;
}
