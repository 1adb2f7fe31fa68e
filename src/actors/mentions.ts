/**
 * Second pass of mention finding: compose segments into actor mentions.
 *
 *   [modifier ['s]] [role ...] [person]     Russian President Vladimir Putin, the Tajik army,
 *                                           Taliban leader Hibatullah Akhundzada, Russia's FSB
 *   role ... of [modifier ['s]] [entity]    the President of Russia, Director of Russia's FSB
 *   entity | person | name                  Russia, the CSTO, Kabulov, Hekmat Khalil Karzai
 *
 * A modifier is a state (name, demonym, capital), an IGO or a group.
 */
import type { ActorIdentity, ActorMention } from "../model/actor.js";
import type { Document } from "../model/document.js";
import { findPlaces, mayStartPlace } from "../places/gazetteer.js";
import type { ActorDictionary, TrieHit } from "./dictionary.js";
import { identityAt } from "./resolve.js";
import type { ActorEntry, Role } from "./schema.js";
import { isTitleCase, type Segment, segmentSentence } from "./segments.js";

/** A capital after these words is a place ("talks in Moscow"), not the government. */
const PLACE_PREPOSITIONS = new Set([
  "in",
  "at",
  "near",
  "outside",
  "inside",
  "around",
  "from",
  "into",
  "across",
  "through",
  "via",
  "to",
  "toward",
  "towards",
  "within",
  "throughout",
  "over",
  "beyond",
  "above",
  "below",
  "visit",
  "visited",
  "visiting",
  "reached",
]);

const SECTOR_LABEL: Record<string, string> = {
  GOV: "government",
  MIL: "military",
  SPY: "intelligence",
  COP: "police",
  LEG: "legislature",
  JUD: "judiciary",
  CVL: "civilians",
  REB: "rebels",
  REF: "refugees",
  JRN: "journalists",
  BUS: "business",
  OPP: "opposition",
  EDU: "education",
  MED: "media",
  NGO: "NGOs",
  PTY: "parties",
  REL: "clergy",
  UAF: "armed men",
};

/** Sectors that are organs of the state: they resolve to the state itself. */
const STATE_ORGANS = new Set(["GOV", "MIL", "SPY", "COP", "LEG", "JUD"]);

/** Slugs by text: a name recurs through a document and a corpus, and NFKD plus four regexes cost. */
const slugs = new Map<string, string>();
const SLUG_CACHE_LIMIT = 50_000;

export function slug(text: string): string {
  let found = slugs.get(text);
  if (found === undefined) {
    found = text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_|_$/g, "");
    if (slugs.size >= SLUG_CACHE_LIMIT) slugs.clear();
    slugs.set(text, found);
  }
  return found;
}

interface Context {
  dict: ActorDictionary;
  doc: Document;
  date: string | null;
  /** Surnames (lower case) of people named in full earlier in the document. */
  surnames: Map<string, ActorIdentity>;
  /** The last state named, and in which sentence: what "its troops", "their ambassador" belong to. */
  lastState: { identity: ActorIdentity; sentence: number } | null;
  /** The last person named: what "his government", "her ministry" belong to. */
  lastPerson: { identity: ActorIdentity; sentence: number } | null;
}

type Modifier = { identity: ActorIdentity; entry: ActorEntry; via: string };

const entryOf = (ctx: Context, hit: TrieHit) => (hit.entryId ? ctx.dict.entries.get(hit.entryId) : undefined);
const hitOf = (seg: Segment | undefined, type: TrieHit["type"]) => seg?.hits.find((h) => h.type === type);
const roleOf = (seg: Segment | undefined): Role | undefined => hitOf(seg, "role")?.role;

function personHit(ctx: Context, seg: Segment | undefined): ActorEntry | undefined {
  if (seg?.kind !== "phrase") return undefined;
  for (const h of seg.hits) {
    const e = h.type === "alias" ? entryOf(ctx, h) : undefined;
    if (e?.kind === "person") return e;
  }
  return undefined;
}

/** An entity that stands on its own (state, IGO, group, agency), not a person. */
function entityHit(ctx: Context, seg: Segment | undefined): ActorEntry | undefined {
  if (seg?.kind !== "phrase") return undefined;
  for (const h of seg.hits) {
    const e = h.type === "alias" ? entryOf(ctx, h) : undefined;
    if (e && e.kind !== "person") return e;
  }
  return undefined;
}

/** Is the segment's dictionary match spoiled by its context ("Turkey dinner", "Chad Smith")? */
function ambiguous(ctx: Context, entry: ActorEntry, seg: Segment): boolean {
  const rule = entry.ambiguous;
  if (!rule) return false;
  const t = ctx.doc.tokens;
  const prev = seg.start > 0 && t.sentence[seg.start - 1] === t.sentence[seg.start] ? seg.start - 1 : -1;
  const next = seg.end < t.text.length && t.sentence[seg.end] === t.sentence[seg.start] ? seg.end : -1;
  if (prev >= 0 && rule.rejectBefore.includes(t.lower[prev])) return true;
  // "Washington Commanders", "Washington Post" are not the state; "US commanders", "U.S. nationals" are.
  const acronym = /^[\p{Lu}.]+$/u.test(t.text.slice(seg.start, seg.end).join(""));
  const lowerNext = next >= 0 && /^\p{Ll}/u.test(t.text[next]);
  if (next >= 0 && rule.rejectAfter.includes(t.lower[next]) && !(acronym && lowerNext)) return true;
  if (rule.rejectInNameRun) {
    const nameLike = (i: number) => i >= 0 && t.pos[i] === "PROPN" && /^\p{Lu}/u.test(t.text[i]);
    if (nameLike(next) || nameLike(prev)) return true;
  }
  return false;
}

/** A segment that can modify what follows: a state by name, demonym or capital, an IGO or a group. */
function modifierOf(ctx: Context, seg: Segment | undefined): Modifier | null {
  if (seg?.kind !== "phrase") return null;
  for (const type of ["alias", "demonym", "metonym"] as const) {
    const h = hitOf(seg, type);
    const e = h && entryOf(ctx, h);
    if (!e || e.kind === "person" || e.kind === "unknown") continue;
    if (type !== "demonym" && ambiguous(ctx, e, seg)) continue;
    return { identity: stateGovernment(identityAt(e, ctx.date)), entry: e, via: type };
  }
  return null;
}

/** A state named as an actor is its government. */
function stateGovernment(id: ActorIdentity): ActorIdentity {
  return id.kind === "state" ? { ...id, sector: id.sector ?? "GOV" } : id;
}

/** A state's organ or people by role: the Tajik army -> TJK MIL; Uzbek extremists -> a group of their own. */
function withRole(ctx: Context, mod: ActorIdentity, role: Role | undefined): ActorIdentity {
  // Only a state proper takes a role; an agency or unit ("the Commander of the Central Military District") stays itself.
  if (!role || role.sector === null || mod.kind !== "state" || mod.id !== mod.country) return mod;
  if (role.sector === "GOV") return mod;
  const organ = STATE_ORGANS.has(role.sector);
  const label = SECTOR_LABEL[role.sector] ?? role.sector;
  // Named by the adjective, as analysts write them: "Syrian opposition", "Tajik military".
  const adjective = ctx.dict.entries.get(mod.id)?.demonyms?.[0] ?? mod.name;
  return {
    id: `${mod.id}.${role.sector}`,
    name: `${adjective} ${label}`,
    kind: role.kind ?? (organ ? "state" : role.sector === "CVL" ? "state" : "organization"),
    country: mod.country,
    sector: role.sector,
    affiliation: null,
  };
}

function personIdentity(name: string, mod: Modifier | null, role: Role | undefined): ActorIdentity {
  const modIsState = mod?.identity.kind === "state";
  return {
    id: `person:${slug(name)}`,
    name,
    kind: "person",
    country: mod?.identity.country ?? null,
    sector: role?.sector ?? (mod && !modIsState ? mod.identity.sector : null),
    affiliation: mod && !modIsState ? { id: mod.identity.id, name: mod.identity.name } : null,
  };
}

function dictionaryPerson(ctx: Context, entry: ActorEntry, mod: Modifier | null): ActorIdentity {
  const id = identityAt(entry, ctx.date);
  if (!id.country && mod) id.country = mod.identity.country;
  const { title: _title, ...identity } = id;
  return identity;
}

/** "Kazakh oil workers", "US defense officials": one or two plain words between a modifier and its role. */
function shortGap(ctx: Context, a: Segment, b: Segment): boolean {
  const t = ctx.doc.tokens;
  const gap = b.start - a.end;
  if (gap < 1 || gap > 2) return false;
  for (let i = a.end; i < b.start; i++) {
    if (!(t.pos[i] === "NOUN" || t.pos[i] === "ADJ") || !/^\p{Ll}/u.test(t.text[i])) return false;
  }
  return true;
}

/**
 * A role with nobody named: "the court", "teachers", "protesters". An actor
 * of its own kind without a country, so that "Teachers refused to end the
 * strike" still has someone who refused. A role word used as a modifier
 * ("press conference", "business deal") is not one.
 */
function genericRole(
  ctx: Context,
  segs: Segment[],
  k: number,
  m: number,
  role: Role | undefined,
  words: string | undefined,
): Composed | null {
  if (!role || !words) return null;
  const t = ctx.doc.tokens;
  // "Russia kept its embassy open and its ambassador met ...": the role belongs to the state just named.
  const start = segs[k].start;
  const owner = ctx.lastState;
  const possessor = start > 0 && t.sentence[start - 1] === t.sentence[start] ? t.lower[start - 1] : "";
  if ((possessor === "its" || possessor === "their") && owner && t.sentence[start] - owner.sentence <= 1) {
    return { identity: withRole(ctx, owner.identity, role), end: m, via: "possessive", role: words };
  }
  // "Karzai said his government welcomed ...": a body of the person just named is their state's.
  const person = ctx.lastPerson;
  if ((possessor === "his" || possessor === "her") && person && t.sentence[start] - person.sentence <= 1) {
    const state = person.identity.country ? ctx.dict.entries.get(person.identity.country) : undefined;
    if (state && role && !role.person && role.sector && STATE_ORGANS.has(role.sector))
      return {
        identity: withRole(ctx, stateGovernment(identityAt(state, ctx.date)), role),
        end: m,
        via: "possessive",
        role: words,
      };
  }
  const after = segs[m - 1].end;
  const seat = seatAfter(ctx, segs, m, role);
  if (seat)
    return { identity: withRole(ctx, seat.identity, role), end: seat.end, via: "role+in", role: words };
  if (
    after < t.text.length &&
    t.sentence[after] === t.sentence[segs[k].start] &&
    (t.pos[after] === "NOUN" || t.pos[after] === "PROPN")
  )
    return null;
  if (WEAK_ROLES.has(words)) return null;
  return {
    identity: {
      id: `role:${slug(words)}`,
      name: words,
      kind: role.kind ?? "organization",
      country: null,
      sector: role.sector,
    },
    end: m,
    via: "role",
    role: words,
  };
}

/**
 * "The government of President Ashraf Ghani" is Afghanistan's government, not Ghani: a body
 * (not a person's title) of a state organ's sector, named by its leader, is the leader's state.
 */
function bodyOfLeader(ctx: Context, target: ActorIdentity, role: Role | undefined): ActorIdentity {
  if (target.kind !== "person" || !target.country || !role || role.person || !role.sector) return target;
  if (!STATE_ORGANS.has(role.sector)) return target;
  const state = ctx.dict.entries.get(target.country);
  return state ? stateGovernment(identityAt(state, ctx.date)) : target;
}

/**
 * "The new authorities in Kabul", "the government in Damascus": a state body in a state or its
 * seat of power is that state's. Not for forces ("troops in Syria" are often foreign). "A
 * delegation from Iran", "troops from Kazakhstan", "envoys from the Taliban" come from their own
 * side, forces too.
 */
function seatAfter(
  ctx: Context,
  segs: Segment[],
  m: number,
  role: Role,
): { identity: ActorIdentity; end: number } | null {
  // "rebels from the M23 group", "fighters from Hamas": fighters come from their group.
  const fighters = role.sector === "REB";
  if (!role.sector || role.person || (!STATE_ORGANS.has(role.sector) && !fighters)) return null;
  const t = ctx.doc.tokens;
  let j = segs[m - 1].end;
  const from = t.lower[j] === "from";
  if (fighters && !from) return null;
  if (
    !(from || (t.lower[j] === "in" && role.sector !== "MIL")) ||
    t.sentence[j] !== t.sentence[segs[m - 1].start]
  )
    return null;
  j++;
  if (t.lower[j] === "the") j++;
  const seg = segs[m];
  if (!seg || seg.start !== j) return null;
  const mod = modifierOf(ctx, seg);
  if (!mod) return null;
  const { kind, id, country } = mod.identity;
  const ownSide = fighters
    ? kind === "armed_group"
    : from
      ? kind === "state" || kind === "igo" || kind === "armed_group"
      : kind === "state";
  if (!ownSide || (kind === "state" && id !== country)) return null;
  return { identity: mod.identity, end: m + 1 };
}

/** Role words that alone name nobody in particular. */
const WEAK_ROLES = new Set([
  "side",
  "public",
  "people",
  "population",
  "counterpart",
  "counterparts",
  "leadership",
  "contingent",
  "business",
  "press",
  "media",
  "intelligence",
  "cabinet",
  "ministry",
  "ministries",
  "embassy",
  "consulate",
  "presidency",
  "administration",
]);

function adjacent(ctx: Context, a: Segment, b: Segment | undefined): boolean {
  if (!b) return false;
  // One "the" may stand between: "the President of the Russian Federation".
  return b.start === a.end || (b.start === a.end + 1 && ctx.doc.tokens.lower[a.end] === "the");
}

export function findMentions(dict: ActorDictionary, doc: Document): ActorMention[] {
  const ctx: Context = {
    dict,
    doc,
    date: doc.published,
    surnames: new Map(),
    lastState: null,
    lastPerson: null,
  };
  const mentions: ActorMention[] = [];
  const t = doc.tokens;
  doc.sentences.forEach((s, si) => {
    if (s.skip) return;
    const headline = isTitleCase(t, s.tokenStart, s.tokenEnd);
    const segs = segmentSentence(dict, t, s.tokenStart, s.tokenEnd, headline);
    let k = 0;
    while (k < segs.length) {
      const made = compose(ctx, segs, k);
      if (made) {
        const { end, via, role } = made;
        if (made.identity.kind === "state" && made.identity.id === made.identity.country)
          ctx.lastState = { identity: made.identity, sentence: si };
        if (made.identity.kind === "person" && made.identity.country)
          ctx.lastPerson = { identity: made.identity, sentence: si };
        const first = segs[k].start;
        const last = segs[end - 1].end - 1;
        for (const identity of expandMembers(ctx, made.identity)) {
          mentions.push({
            id: identity.id,
            name: identity.name,
            kind: identity.kind,
            country: identity.country,
            sector: identity.sector,
            affiliation: identity.affiliation ?? null,
            text: doc.text.slice(t.start[first], t.end[last]),
            start: t.start[first],
            end: t.end[last],
            sentence: si,
            tokenStart: first,
            tokenEnd: last + 1,
            via: identity === made.identity ? via : "member",
            role: role ?? null,
            ...(made.leader ? { leader: made.leader } : {}),
          });
        }
        k = end;
      } else k++;
    }
  });
  return mentions;
}

interface Composed {
  identity: ActorIdentity;
  /** Index of the first segment after the mention. */
  end: number;
  via: string;
  role?: string;
  leader?: { id: string; role: string | null };
}

function compose(ctx: Context, segs: Segment[], k: number): Composed | null {
  if (k >= segs.length) return null;
  const t = ctx.doc.tokens;
  let m = k;
  let mod = modifierOf(ctx, segs[m]);
  // A modifier only modifies when something follows it; otherwise it stands alone below.
  if (mod) {
    let n = m + 1;
    if (segs[n]?.kind === "possessive" && adjacent(ctx, segs[m], segs[n])) n++;
    const follows =
      segs[n] &&
      (adjacent(ctx, segs[n - 1], segs[n]) || (roleOf(segs[n]) && shortGap(ctx, segs[n - 1], segs[n])));
    const next = follows ? segs[n] : undefined;
    if (next && (roleOf(next) || personHit(ctx, next) || next.kind === "name" || entityHit(ctx, next))) m = n;
    else {
      const shared = sharedRole(ctx, segs, k, mod);
      if (shared) return shared;
      mod = null;
    }
  }
  const roles: Role[] = [];
  const firstRole = m;
  while (m < segs.length && roleOf(segs[m]) && (m === k || adjacent(ctx, segs[m - 1], segs[m]))) {
    roles.push(roleOf(segs[m])!);
    m++;
  }
  const role = [...roles].reverse().find((r) => r.sector !== null);
  const roleWords = roles.length
    ? t.lower.slice(segs[firstRole].start, segs[m - 1].end).join(" ")
    : undefined;
  const prevSeg = segs[m - 1];
  const head = m < segs.length && (m === k || adjacent(ctx, prevSeg, segs[m])) ? segs[m] : undefined;

  // ... a person: known, named once in full before, or a new name after a title.
  const person = personHit(ctx, head);
  if (head && person) {
    const identity = dictionaryPerson(ctx, person, mod);
    registerSurname(ctx, head, identity);
    // "the Merkel government", "Maduro's government", "the Biden administration": the leader's state.
    const body = segs[m + 1]?.kind === "possessive" ? segs[m + 2] : segs[m + 1];
    if (
      body &&
      body.start <= head.end + 1 &&
      body.end - body.start === 1 &&
      LED_BODIES.has(t.lower[body.start])
    ) {
      const led = bodyOfLeader(ctx, identity, roleOf(body));
      if (led !== identity)
        return { identity: led, end: segs.indexOf(body) + 1, via: "leader", role: t.lower[body.start] };
    }
    return { identity, end: m + 1, via: mod || roles.length ? "title" : "alias", role: roleWords };
  }
  if (head?.kind === "name") {
    const name = t.text.slice(head.start, head.end).join(" ");
    const known = head.end - head.start === 1 ? ctx.surnames.get(t.lower[head.start]) : undefined;
    if (known) return { identity: known, end: m + 1, via: "surname", role: roleWords };
    if (role || roles.length) {
      const identity = personIdentity(name, mod, role);
      registerSurname(ctx, head, identity);
      return { identity, end: m + 1, via: "title", role: roleWords };
    }
    // "Georgia O'Keeffe", "Jordan Peterson": a country's name run into a name is a first name.
    if (mod?.via === "alias" && m === k + 1 && head.start === segs[k].end) {
      const full = t.text.slice(segs[k].start, head.end).join(" ");
      const identity: ActorIdentity = {
        id: `unknown:${slug(full)}`,
        name: full,
        kind: "unknown",
        country: null,
        sector: null,
      };
      return { identity, end: m + 1, via: "unknown" };
    }
    // "Brazil's Congress", "Iran's Guardian Council": an unknown body a state owns is that state's.
    if (
      mod?.identity.kind === "state" &&
      mod.identity.country &&
      m === k + 2 &&
      segs[k + 1].kind === "possessive"
    ) {
      const identity: ActorIdentity = {
        id: `unknown:${mod.identity.country.toLowerCase()}_${slug(name)}`,
        name,
        kind: "unknown",
        country: mod.identity.country,
        sector: null,
      };
      return { identity, end: m + 1, via: "unknown" };
    }
  }
  // ... an entity after a modifier: "Afghan Taliban", "Russia's Federal Security Service".
  const entity = entityHit(ctx, head);
  // "in Syria Russia supports": two states side by side are two mentions, not one modifying the other.
  const twoStates = mod?.identity.kind === "state" && mod.via !== "demonym" && entity?.kind === "state";
  if (head && entity && mod && !roles.length && !twoStates) {
    return { identity: stateGovernment(identityAt(entity, ctx.date)), end: m + 1, via: "alias" };
  }
  // ... a role of something: "the Tajik army", "Russian diplomats", "the President of Russia".
  if (roles.length && mod) {
    // "in the Kazakh capital" is a place, as "in Astana" is; "the Afghan capital fell" is its government.
    if (roleWords === "capital" && !actsPolitically(ctx, { ...segs[k], end: segs[m - 1].end })) return null;
    return { identity: withRole(ctx, mod.identity, role), end: m, via: "demonym+role", role: roleWords };
  }
  if (roles.length && !mod && segs[m]?.kind === "of" && adjacent(ctx, segs[m - 1], segs[m])) {
    const target = compose(ctx, segs, m + 1);
    if (target && adjacent(ctx, segs[m], segs[m + 1])) {
      const body = bodyOfLeader(ctx, target.identity, role);
      return {
        identity: withRole(ctx, body, role),
        end: target.end,
        via: "role+of",
        role: roleWords,
        leader: body !== target.identity ? { id: target.identity.id, role: target.role ?? null } : undefined,
      };
    }
  }
  // "the capital" alone is a city more often than a government: no generic actor of it.
  if (roles.length && roleWords !== "capital") return genericRole(ctx, segs, k, m, role, roleWords);
  if (roles.length) return null;
  return standalone(ctx, segs[k], k, segs[k + 1]);
}

/**
 * "Armenian and Azerbaijani forces", "US and British diplomats": a state modifier joined by
 * "and"/"or" to another that has a role takes that role too.
 */
function sharedRole(ctx: Context, segs: Segment[], k: number, mod: Modifier): Composed | null {
  const t = ctx.doc.tokens;
  const other = segs[k + 1];
  const glue = t.lower[segs[k].end];
  if (!other || (glue !== "and" && glue !== "or") || other.start !== segs[k].end + 1) return null;
  if (mod.identity.kind !== "state" || !modifierOf(ctx, other)) return null;
  const roles: Role[] = [];
  for (let m = k + 2; m < segs.length && roleOf(segs[m]) && adjacent(ctx, segs[m - 1], segs[m]); m++)
    roles.push(roleOf(segs[m])!);
  const role = [...roles].reverse().find((r) => r.sector !== null);
  if (!role || role.person) return null;
  const words = t.lower.slice(segs[k + 2].start, segs[k + 1 + roles.length].end).join(" ");
  return { identity: withRole(ctx, mod.identity, role), end: k + 1, via: "demonym+role", role: words };
}

/** A single segment standing alone: a state, IGO, group or agency, a known person, a capital, a name. */
function standalone(ctx: Context, seg: Segment, k: number, next: Segment | undefined): Composed | null {
  const t = ctx.doc.tokens;
  if (seg.kind === "name") {
    const name = t.text.slice(seg.start, seg.end).join(" ");
    const known = seg.end - seg.start === 1 ? ctx.surnames.get(t.lower[seg.start]) : undefined;
    if (known) return { identity: known, end: k + 1, via: "surname" };
    if (seg.doubtful) return null;
    // "the Clinton administration", "the Merkel government": a leader's surname names the state.
    const led = ledGovernment(ctx, seg);
    if (led) {
      // The body word is part of the mention: "the Karzai government" is one actor, not two.
      const end = next && next.start === seg.end && next.end === seg.end + 1 ? k + 2 : k + 1;
      return { identity: led, end, via: "leader" };
    }
    // Places and model designations ("T-72B1", "Mi-24") are not actors.
    if (/\d/.test(name) || isPlaceName(ctx, seg) || isGatheringName(t, seg)) return null;
    const identity: ActorIdentity = {
      id: `unknown:${slug(name)}`,
      name,
      kind: "unknown",
      country: null,
      sector: null,
    };
    if (seg.end - seg.start >= 2) registerSurname(ctx, seg, identity);
    return { identity, end: k + 1, via: "unknown" };
  }
  if (seg.kind !== "phrase") return null;
  const person = personHit(ctx, seg);
  if (person) {
    const identity = dictionaryPerson(ctx, person, null);
    registerSurname(ctx, seg, identity);
    return { identity, end: k + 1, via: "alias" };
  }
  const entity = entityHit(ctx, seg);
  if (entity && !ambiguous(ctx, entity, seg)) {
    return { identity: stateGovernment(identityAt(entity, ctx.date)), end: k + 1, via: "alias" };
  }
  const metonym = hitOf(seg, "metonym");
  const state = metonym && entryOf(ctx, metonym);
  if (state && actsPolitically(ctx, seg)) {
    return { identity: stateGovernment(identityAt(state, ctx.date)), end: k + 1, via: "metonym" };
  }
  const demonym = hitOf(seg, "demonym");
  const people = demonym && entryOf(ctx, demonym);
  // "Russian" in "Russian-Tajik talks" is one side: the state.
  if (people && inHyphenPair(ctx, seg)) {
    return { identity: stateGovernment(identityAt(people, ctx.date)), end: k + 1, via: "demonym" };
  }
  if (people && isPeopleNoun(ctx, seg)) {
    return { identity: withRole(ctx, identityAt(people, ctx.date), CIVILIANS), end: k + 1, via: "demonym" };
  }
  // "Russian missiles struck", "shelled Azerbaijani positions": the adjective names the side.
  if (people && modifiesNoun(ctx, seg)) {
    return { identity: stateGovernment(identityAt(people, ctx.date)), end: k + 1, via: "adjective" };
  }
  return null;
}

/** "Russian-Tajik", "US-Russian": a hyphen joins this demonym to another actor word. */
function inHyphenPair(ctx: Context, seg: Segment): boolean {
  const t = ctx.doc.tokens;
  const joined = (i: number) =>
    t.text[i] === "-" && t.start[i] === t.end[i - 1] && t.end[i] === t.start[i + 1];
  return (seg.end < t.text.length && joined(seg.end)) || (seg.start > 0 && joined(seg.start - 1));
}

const CIVILIANS: Role = { words: ["people"], sector: "CVL", person: false };

/** "Moscow offered", "with Kabul": yes; "a meeting in Moscow", "Moscow time": no. */
function actsPolitically(ctx: Context, seg: Segment): boolean {
  const t = ctx.doc.tokens;
  const sentence = t.sentence[seg.start];
  const prev = seg.start - 1;
  if (prev >= 0 && t.sentence[prev] === sentence) {
    const at = t.lower[prev] === "the" && prev > 0 ? prev - 1 : prev;
    const p = t.lower[at];
    // "supply weapons to Dushanbe" gives to the government; "a visit to Dushanbe" goes to the city.
    if (p === "to" || p === "toward" || p === "towards") return !afterMotion(t, at);
    if (PLACE_PREPOSITIONS.has(p)) return false;
  }
  const next = seg.end;
  if (next < t.text.length && t.sentence[next] === sentence) {
    const pos = t.pos[next];
    if ((pos === "NOUN" || pos === "PROPN") && t.lower[next] !== "'s") return false;
  }
  return true;
}

/** A demonym before a common noun (with at most one adjective between): "Russian fuel depot". */
function modifiesNoun(ctx: Context, seg: Segment): boolean {
  const t = ctx.doc.tokens;
  const sentence = t.sentence[seg.start];
  for (let i = seg.end; i < t.text.length && i <= seg.end + 2 && t.sentence[i] === sentence; i++) {
    if (t.pos[i] === "NOUN" && /^\p{Ll}/u.test(t.text[i])) return true;
    if (t.pos[i] !== "ADJ") return false;
  }
  return false;
}

/** Words of going somewhere: after them, "to X" is a destination. */
const MOTION = new Set([
  "visit",
  "trip",
  "travel",
  "journey",
  "way",
  "flight",
  "return",
  "come",
  "go",
  "arrive",
  "head",
  "move",
  "fly",
  "relocate",
  "flee",
  "deport",
  "deploy",
  "send",
  "transfer",
  "evacuate",
  "redeploy",
  "march",
  "drive",
  "sail",
  "route",
  "road",
  "access",
  "mission",
  "delegation",
  "embassy",
  "ambassador",
  "envoy",
  "route",
  "close",
  "near",
  "next",
]);

/** The word (or its head, across a short object) before "to" is one of going somewhere. */
function afterMotion(t: Document["tokens"], to: number): boolean {
  for (let j = to - 1; j >= 0 && j >= to - 4; j--) {
    if (MOTION.has(t.lemma[j]) || MOTION.has(t.lower[j])) return true;
    if (t.pos[j] === "VERB") return false;
  }
  return false;
}

/** "Afghans", "the Russians" as people, not the adjective "Russian weapons". */
function isPeopleNoun(ctx: Context, seg: Segment): boolean {
  const t = ctx.doc.tokens;
  const last = seg.end - 1;
  if (!/s$/.test(t.lower[last])) return false;
  const next = seg.end;
  return !(
    next < t.text.length &&
    t.sentence[next] === t.sentence[last] &&
    (t.pos[next] === "NOUN" || t.pos[next] === "PROPN")
  );
}

/** Last words that make a name a geographic feature: "Panjshir Gorge", "Amu Darya River". */
const FEATURE_WORDS = new Set([
  "river",
  "gorge",
  "valley",
  "bridge",
  "airfield",
  "airport",
  "mountains",
  "mountain",
  "province",
  "district",
  "region",
  "pass",
  "lake",
  "sea",
  "ocean",
  "strait",
  "corridor",
  "desert",
  "range",
  "square",
  "street",
  "island",
  "islands",
  "peninsula",
  "gulf",
  "bay",
  "basin",
  "plateau",
  "border",
  "county",
  "oblast",
  "crossing",
]);

/** Bodies a leader's surname names: "the Bush administration", "the Merkel government". */
const LED_BODIES = new Set(["administration", "government", "cabinet", "regime"]);
/** Offices whose holder's surname names the government: heads of state and of government. */
const LEADING_TITLE = /^(?:president|prime minister|chancellor|premier)$/i;
const leaderSurnames = new WeakMap<ActorDictionary, Map<string, Set<string>>>();

/** Surname (lower case) -> the states whose head of state or government bore it. */
function leaderCountries(dict: ActorDictionary): Map<string, Set<string>> {
  let found = leaderSurnames.get(dict);
  if (!found) {
    found = new Map();
    for (const e of dict.entries.values()) {
      if (e.kind !== "person" || !e.country || !e.periods?.some((p) => LEADING_TITLE.test(p.title ?? "")))
        continue;
      const last = e.name.split(" ").at(-1)!.toLowerCase();
      // "Bashar al-Assad" is "the Assad regime".
      for (const surname of new Set([last, last.replace(/^(?:al|el|ul)-/, "")])) {
        const set = found.get(surname) ?? new Set<string>();
        set.add(e.country);
        found.set(surname, set);
      }
    }
    leaderSurnames.set(dict, found);
  }
  return found;
}

/**
 * "the Clinton administration": a one-word name right before "administration", "government" or
 * "cabinet" that only leaders of one state have borne is that state's government; else null.
 */
function ledGovernment(ctx: Context, seg: Segment): ActorIdentity | null {
  const t = ctx.doc.tokens;
  if (seg.end - seg.start !== 1 || !LED_BODIES.has(t.lower[seg.end]) || t.text[seg.end] !== t.lower[seg.end])
    return null;
  const countries = leaderCountries(ctx.dict).get(t.lower[seg.start]);
  if (countries === undefined || countries.size !== 1) return null;
  const [country] = countries;
  const state = ctx.dict.entries.get(country);
  return state ? stateGovernment(identityAt(state, ctx.date)) : null;
}

/** Words that head the name of a gathering: "Congress for National Dialogue", "Conference on Disarmament". */
const GATHERINGS = new Set([
  "congress",
  "conference",
  "summit",
  "forum",
  "dialogue",
  "convention",
  "symposium",
]);

/** The name of a gathering, an event rather than anyone who acts. */
function isGatheringName(t: Document["tokens"], seg: Segment): boolean {
  return (
    seg.end - seg.start >= 3 &&
    GATHERINGS.has(t.lower[seg.start]) &&
    (t.lower[seg.start + 1] === "for" || t.lower[seg.start + 1] === "on")
  );
}

/** An unknown name that the gazetteer knows, or that ends in a feature word, is a place. */
function isPlaceName(ctx: Context, seg: Segment): boolean {
  const t = ctx.doc.tokens;
  if (FEATURE_WORDS.has(t.lower[seg.end - 1])) return true;
  // "the Rafah crossing", "Maungtaw district": a lower-case feature word after the name.
  const next =
    seg.end < t.lower.length && t.sentence[seg.end] === t.sentence[seg.start] ? t.text[seg.end] : "";
  if (FEATURE_WORDS.has(next)) return true;
  const text = ctx.doc.text.slice(t.start[seg.start], t.end[seg.end - 1]);
  // Most names are no place: one lookup of the first word rules them out.
  if (!mayStartPlace(text)) return false;
  return findPlaces(text).some((p) => p.start === 0 && p.end >= text.length - 1);
}

/** "The Central Asian republics" are each of them. */
function expandMembers(ctx: Context, identity: ActorIdentity): ActorIdentity[] {
  const members = ctx.dict.entries.get(identity.id)?.members;
  if (!members?.length) return [identity];
  const out: ActorIdentity[] = [];
  for (const id of members) {
    const entry = ctx.dict.entries.get(id);
    if (entry) out.push(stateGovernment(identityAt(entry, ctx.date)));
  }
  return out.length ? out : [identity];
}

/** After "Zamir Kabulov", "Kabulov" alone is him. */
/** Countries whose names put the family name first: "Wang Yi" is later "Wang". */
const FAMILY_NAME_FIRST = new Set(["CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "KHM", "SGP"]);

function registerSurname(ctx: Context, seg: Segment, identity: ActorIdentity): void {
  if (seg.end - seg.start < 2) return;
  const t = ctx.doc.tokens;
  const family =
    identity.kind === "person" && identity.country && FAMILY_NAME_FIRST.has(identity.country)
      ? t.lower[seg.start]
      : t.lower[seg.end - 1];
  if (!ctx.surnames.has(family)) ctx.surnames.set(family, identity);
}
