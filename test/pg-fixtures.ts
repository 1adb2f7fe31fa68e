/**
 * Hand-made processed documents for the store's tests: the store depends on
 * the model, not on how records were made, so its tests need no pipeline and
 * no patterns. One sentence per event: "<Actor> <verb> <Recipient>."
 */
import type { ActorIdentity, ActorMention, ActorRef, ResolvedActor } from "../src/model/actor.js";
import { type Document, newDocument } from "../src/model/document.js";
import type { EventRecord, EventType, Modality } from "../src/model/event.js";
import { contentHash } from "../src/store/identity.js";
import type { DocumentInput } from "../src/store/writer.js";

export const ACTORS: Record<string, ActorIdentity> = {
  RUS: { id: "RUS", name: "Russia", kind: "state", country: "RUS", sector: "GOV", affiliation: null },
  UKR: { id: "UKR", name: "Ukraine", kind: "state", country: "UKR", sector: "GOV", affiliation: null },
  USA: { id: "USA", name: "United States", kind: "state", country: "USA", sector: "GOV", affiliation: null },
  PUTIN: {
    id: "VLADIMIR_PUTIN",
    name: "Vladimir Putin",
    kind: "person",
    country: "RUS",
    sector: "GOV",
    affiliation: null,
  },
  NATO: { id: "NATO", name: "NATO", kind: "igo", country: null, sector: null, affiliation: null },
  TALIBAN: {
    id: "TALIBAN",
    name: "Taliban",
    kind: "armed_group",
    country: "AFG",
    sector: "REB",
    affiliation: null,
  },
  MUJAHID: {
    id: "ZABIHULLAH_MUJAHID",
    name: "Zabihullah Mujahid",
    kind: "person",
    country: "AFG",
    sector: "REB",
    affiliation: { id: "TALIBAN", name: "Taliban" },
  },
};

export interface FixtureEvent {
  type: EventType;
  actor: keyof typeof ACTORS;
  /** What the text calls the actor (default: its name). */
  actorText?: string;
  recipient?: keyof typeof ACTORS | null;
  date?: string | null;
  modality?: Modality;
  verb?: string;
}

export interface FixtureDocument {
  id: string;
  source?: string;
  published?: string | null;
  title?: string;
  events: FixtureEvent[];
  /** Extra text (a sentence with no event). */
  filler?: string;
}

const VERBS: Partial<Record<EventType, string>> = {
  ACCUSE: "condemned",
  ASSAULT: "attacked",
  CONSULT: "met",
  AID: "sent aid to",
  AGREE: "signed a deal with",
  THREATEN: "threatened",
  MOBILIZE: "mobilised troops",
};

/** A Document as the pipeline would leave it, with one sentence per event. */
export function makeDocument(f: FixtureDocument): Document {
  const parts: string[] = [];
  const sentences: Document["sentences"] = [];
  const mentions: ActorMention[] = [];
  const events: EventRecord[] = [];
  let offset = 0;
  const ref = (key: string, text: string, start: number, sentence: number): ActorRef => {
    const a = ACTORS[key];
    mentions.push({
      ...a,
      text,
      start,
      end: start + text.length,
      sentence,
      tokenStart: 0,
      tokenEnd: 0,
      via: "alias",
    });
    return { ...a, text, start, end: start + text.length };
  };
  f.events.forEach((e, k) => {
    const actorText = e.actorText ?? ACTORS[e.actor].name;
    const verb = e.verb ?? VERBS[e.type] ?? e.type.toLowerCase();
    const recipientText = e.recipient ? ` ${ACTORS[e.recipient].name}` : "";
    const sentence = `${actorText} ${verb}${recipientText}.`;
    const start = offset;
    const actor = ref(e.actor, actorText, start, k);
    const triggerStart = start + actorText.length + 1;
    const recipient = e.recipient
      ? ref(e.recipient, ACTORS[e.recipient].name, triggerStart + verb.length + 1, k)
      : null;
    sentences.push({
      start,
      end: start + sentence.length,
      paragraph: 0,
      language: "eng",
      skip: false,
      tokenStart: 0,
      tokenEnd: 0,
    });
    events.push({
      id: String(k + 1),
      event: e.type,
      mode: null,
      context: [],
      actor,
      recipient,
      date: e.date ?? null,
      date_precision: e.date ? (e.date.length === 10 ? "day" : e.date.length === 7 ? "month" : "year") : null,
      location: null,
      modality: e.modality ?? "asserted",
      reported_by: null,
      quantities: [],
      evidence: {
        sentence: k,
        sentence_start: start,
        sentence_end: start + sentence.length,
        trigger: { text: verb, start: triggerStart, end: triggerStart + verb.length },
      },
      pattern: `${e.type}.fixture`,
      versions: { fixture: "1" },
    });
    parts.push(sentence);
    offset += sentence.length + 1;
  });
  if (f.filler) {
    sentences.push({
      start: offset,
      end: offset + f.filler.length,
      paragraph: 0,
      language: "eng",
      skip: false,
      tokenStart: 0,
      tokenEnd: 0,
    });
    parts.push(f.filler);
  }
  const text = parts.join(" ");
  const doc = newDocument({
    id: f.id,
    source: f.source ?? `/corpus/${f.id}.txt`,
    rawText: `${f.title ?? f.id}\n\n${text}`,
    title: f.title ?? f.id,
    published: f.published ?? null,
    publishedSource: f.published ? "metadata" : null,
    format: "text",
  });
  doc.text = text;
  doc.paragraphs = [{ start: 0, end: text.length, language: "eng", skip: false }];
  doc.sentences = sentences;
  doc.mentions = mentions;
  doc.actors = resolvedActors(mentions);
  doc.events = events;
  doc.versions = { fixture: "1" };
  return doc;
}

function resolvedActors(mentions: ActorMention[]): ResolvedActor[] {
  const byId = new Map<string, ResolvedActor>();
  for (const m of mentions) {
    const { text, start, end, sentence, tokenStart: _s, tokenEnd: _e, via: _v, role: _r, ...identity } = m;
    const a = byId.get(m.id) ?? { ...identity, mentions: [] };
    a.mentions.push({ text, start, end, sentence });
    byId.set(m.id, a);
  }
  return [...byId.values()];
}

/**
 * What the writer gets for a fixture: its document, keyed by its file, with the
 * reader's metadata taken from the document unless a test says otherwise.
 */
export function fixtureInput(
  f: FixtureDocument,
  runId: number,
  overrides: { sourceKey?: string; reader?: Partial<DocumentInput["reader"]> } = {},
): DocumentInput & { doc: Document } {
  const doc = makeDocument(f);
  return {
    doc,
    sourceKey: overrides.sourceKey ?? `file:${doc.source}`,
    contentHash: contentHash(doc.rawText),
    reader: {
      title: doc.title,
      url: null,
      author: null,
      published: doc.published,
      publishedSource: doc.publishedSource,
      fallbackDate: null,
      ...overrides.reader,
    },
    runId,
    extractor: "test",
  };
}
