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
import {
  COOPERATIVE,
  demandMarker,
  HOSTILE,
  heldBy,
  isGoverned,
  offered,
  pronounBefore,
  pronounSubjectBefore,
  RECIPROCAL,
  reciprocalUse,
  refused,
  STATE_ACTS,
  soughtBy,
  speakerOf,
  stateWhere,
  subordinatePronounReferent,
} from "./clauses.js";
import { type ContextCues, contextsAt } from "./contexts.js";
import { convenorOf, earlierActMakers, joinsEarlierMeeting, refusedMeetingEnd } from "./discourse.js";
import {
  dateForTense,
  eventDate,
  eventLocation,
  eventQuantities,
  FactsCache,
  pastTense,
  type SentenceFacts,
} from "./facts.js";
import {
  announcedAhead,
  announcersOf,
  hostNamedAfter,
  onThePartOf,
  participantsNamed,
  sceneParticipants,
  willFollow,
} from "./meetings.js";
import { modalityOf } from "./modality.js";
import { nearbyRecipients, wantsNearbyRecipient } from "./nearby.js";
import type { PatternSet } from "./patterns.js";
import {
  coordinated,
  findAfterPreposition,
  findSubject,
  isPassive,
  ownerAt,
  reducedPassiveIn,
  type SentenceView,
  viewOf,
} from "./roles.js";
import type { Pattern } from "./schema.js";
import { assignRoles, participleHost } from "./slots.js";
import { titledTenure } from "./tenure.js";
import { findTriggers, type Trigger } from "./triggers.js";

/** Types whose pairs are one record, visitor -> host or in text order (EVENTS.md). */
const SYMMETRIC = new Set(["CONSULT", "COOPERATE"]);
export interface CoderContext {
  dict: ActorDictionary;
  patterns: PatternSet;
  contexts: ContextCues;
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
    /** The sentence's triggers so far, governed or not (a speakerless "must" left out). */
    const kept: Trigger[] = [];
    const firstOfSentence = events.length;
    const antecedents: Antecedents = {
      person: lastPerson && si - lastPerson.sentence <= 3 ? lastPerson.mention : null,
      group,
    };
    for (const trig of triggers) {
      // A governed act still governs what follows it: "urged Kabul to hold talks to end the war";
      // a "must" with no one to demand it governs nothing ("Russia and Tajikistan must join forces").
      if (isGoverned(doc.tokens, trig, kept)) {
        kept.push(trig);
        continue;
      }
      const records = recordsFor(ctx, doc, v, si, trig, () => facts.get(si), events, antecedents);
      if (records.length || !trig.pattern.speakerActs) kept.push(trig);
      events.push(...records);
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
  if (actors.length && recipients.length === 0 && p.event === "CONSULT" && p.pos === "NOUN") {
    // "During the meeting of the Contact Group, Afghanistan's minister said": he met the group.
    const scene = sceneParticipants(v, trig).filter((k) => !actors.includes(k));
    if (scene.length) {
      recipients = actors;
      actors = scene;
    }
  } else if (actors.length === 0 && p.pos === "NOUN") {
    // "an offensive on the part of the Taliban"; "the refusal of Turkey to ratify";
    // "After talks with Putin, Erdogan said".
    const named = onThePartOf(v, trig);
    if (named.length === 0) named.push(...ofWhoWillAct(v, trig));
    if (named.length) {
      actors = named;
      recipients = recipients.filter((k) => !named.includes(k));
    } else {
      // Only a scene with its sides named: "During the talks, Libya demanded" says nothing of whom it met.
      const scene = sceneParticipants(v, trig).filter((k) => !recipients.includes(k));
      if (recipients.length || scene.length >= 2) actors = scene;
    }
  }
  /** "sought the backing of NATO": a request to the giver ("+sought"). */
  let sought = false;
  /** "now he is trying to enlist the support of Erdogan": the seeker is a pronoun's referent. */
  let seekerPronoun = -1;
  const seeking = soughtBy(t, trig, v.tokenStart);
  if (seeking >= 0) {
    const givers = actors.length ? actors : recipients;
    seekerPronoun = pronounSubjectBefore(v, seeking);
    const seekers = seekerPronoun >= 0 ? [] : findSubject(v, participleHost(v, seeking));
    if (givers.length === 0 || (seekerPronoun < 0 && seekers.length === 0)) return [];
    if (givers.some((k) => seekers.includes(k))) return [];
    actors = seekers;
    recipients = givers;
    sought = true;
  }
  if (seeking < 0 && actors.length && recipients.length === 0) {
    // "Israel has the support of the United States": the holder is who is supported.
    const holding = heldBy(t, trig, v.tokenStart);
    if (holding >= 0) recipients = findSubject(v, holding).filter((k) => !actors.includes(k));
  }
  /** The actors are those who announced the meeting ("+announced"). */
  let announced = false;
  if (actors.length === 0 && (p.event === "CONSULT" || p.event === "COOPERATE" || p.jointWithPartner)) {
    actors = announcersOf(v, trig).filter((k) => !recipients.includes(k));
    announced = actors.length > 0;
    // "The talks were held with the participation of Russia, Iran and Turkey": those who took part.
    if (!announced && recipients.length === 0) actors = participantsNamed(v, trig);
  }
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
  if (actors.length === 0 && p.pos === "VERB" && !isPassive(t, trig.index, v.tokenStart)) {
    // "depends on Iran: if it agrees": the pronoun's referent is in this sentence.
    const referent = subordinatePronounReferent(v, trig.index);
    if (referent >= 0 && !recipients.includes(referent)) actors = [referent];
  }
  let pronoun = seekerPronoun >= 0 ? seekerPronoun : actors.length === 0 ? pronounBefore(v, trig.index) : -1;
  const personal = pronoun >= 0 && (t.lower[pronoun] === "he" || t.lower[pronoun] === "she");
  // "The president asked parliament to approve it and said he would veto cuts": the sentence's
  // subject, named in this sentence, acts under its own name.
  const sentencePerson = personal && seekerPronoun < 0 ? subjectBefore(v, pronoun) : -1;
  if (sentencePerson >= 0) {
    actors = [sentencePerson];
    pronoun = -1;
  }
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
      ? isPassive(t, trig.index, v.tokenStart) || reducedPassiveIn(v, trig.index, trig.after) >= 0
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
  if (announced && modality === "asserted" && announcedAhead(t, trig, v.tokenEnd)) modality = "future";
  // "talks between Kabul and the Taliban will begin on Monday": the noun's own verb is ahead of it.
  if (p.pos === "NOUN" && modality === "asserted" && willFollow(t, trig.after, v.tokenEnd))
    modality = "future";
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
  // The first reading that holds reshapes the record: its type, mode and pattern suffix.
  const reading = [
    { holds: sought, event: "REQUEST" as const, mode: "assist", suffix: "+sought" },
    { holds: threat, event: "THREATEN" as const, mode: null, suffix: "+threat" },
    { holds: demand, event: "REQUEST" as const, mode: "change", suffix: "+demand" },
    { holds: promise, event: "AGREE" as const, mode: null, suffix: "+promise" },
    { holds: refusal, event: "REJECT" as const, mode: "yield", suffix: "+refused" },
  ].find((r) => r.holds);
  const variant = reading?.suffix ?? (agentless ? "+where" : announced ? "+announced" : "");
  const base: Omit<EventRecord, "id" | "actor" | "recipient" | "date" | "date_precision" | "reported_by"> = {
    event: reading?.event ?? p.event,
    mode: reading ? reading.mode : p.mode,
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
  let actorRefs: ActorRef[] = inherited.length
    ? inherited
    : actors.map((k) => refOf(ctx, v.mentions[k], date?.date ?? doc.published));
  // "Honduras is willing to withdraw its troops": the actor's own forces are what it acts with, not on.
  const ownCountries = new Set(actorRefs.map((a) => a.country));
  let recipientRefs: (ActorRef | null)[] = recipients
    .filter((k) => !(v.mentions[k].via === "possessive" && ownCountries.has(v.mentions[k].country)))
    .map((k) => refOf(ctx, v.mentions[k], date?.date ?? doc.published));
  if (p.jointWithPartner) {
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
  if (p.event === "CONSULT" && recipientRefs.length === 0) {
    // "took part in the negotiations hosted by Russia": each participant meets the host (EVENTS.md).
    const host = hostNamedAfter(v, trig).filter((k) => !actors.includes(k));
    recipientRefs = host.map((k) => refOf(ctx, v.mentions[k], date?.date ?? doc.published));
  }
  if (p.event === "CONSULT") {
    // "hosted the meeting of the Moscow format with the participation of the Taliban": the Taliban took part.
    const named = participantsNamed(v, trig).filter((k) => !actors.includes(k));
    if (named.length)
      recipientRefs = named.map((k) => refOf(ctx, v.mentions[k], date?.date ?? doc.published));
  }
  if (p.event === "CONSULT" && recipientRefs.length === 0 && joinsEarlierMeeting(t, trig, v.tokenEnd)) {
    // "Delegations from ten countries took part in the negotiations": the talks just reported, with their convenor.
    const convenor = convenorOf(earlier, si, actorRefs);
    if (convenor) recipientRefs = [convenor];
  }
  if (p.event === "REJECT" && recipientRefs.length === 0 && refusedMeetingEnd(t, trig, v.tokenEnd) >= 0) {
    // "The United States refused to take part in this format": it turns down whoever convened it.
    const convenor = convenorOf(earlier, si, actorRefs);
    if (convenor) {
      recipientRefs = [convenor];
      base.pattern = `${base.pattern}+earlier`;
    }
  }
  if (SYMMETRIC.has(p.event) && recipientRefs.length === 0 && actorRefs.length >= 2 && !announced) {
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
      base.event,
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
  // A meeting or joint action with no other side named counts only for a named actor of standing
  // ("Russia held talks"), not for "the delegation" or "the council" nobody can place.
  if (SYMMETRIC.has(p.event) && recipientRefs.length === 0) {
    actorRefs = actorRefs.filter((a) => a.country !== null || a.kind === "igo" || a.kind === "armed_group");
    if (actorRefs.length === 0) return [];
  }
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

/** "the refusal of Turkey to ratify the bid": the "of" mention is who does the act, not its object. */
function ofWhoWillAct(v: SentenceView, trig: Trigger): number[] {
  const t = v.tokens;
  let j = trig.after;
  if (t.lower[j] !== "of") return [];
  j++;
  if (t.pos[j] === "DET") j++;
  const k = ownerAt(v, j);
  if (k < 0) return [];
  const end = v.mentions[k].tokenEnd;
  return t.lower[end] === "to" && t.pos[end + 1] === "VERB" ? [k] : [];
}

/** The person or role that opens the sentence as the subject of its verb, before token `before` (its index), or -1. */
function subjectBefore(v: SentenceView, before: number): number {
  const t = v.tokens;
  // "ISLAMABAD -- Pakistani Prime Minister Gilani said": a dateline may come first.
  for (let k = 0; k < v.mentions.length; k++) {
    const m = v.mentions[k];
    if (m.tokenEnd > before || m.tokenStart > v.tokenStart + 6) return -1;
    if (m.kind !== "person" && !m.id.startsWith("role:")) continue;
    const next = t.pos[m.tokenEnd];
    return next === "VERB" || next === "AUX" || next === "ADV" ? k : -1;
  }
  return -1;
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
