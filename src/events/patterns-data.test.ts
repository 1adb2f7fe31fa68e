/**
 * The event pattern files (dictionaries/patterns/*.json) as data: they load and
 * validate, ids are unique, lemmas are written the way wink-nlp lemmatises, every
 * PLOVER type is covered, and every example sentence really fires its pattern
 * through the trigger matcher with the whole pattern set loaded (so precedence
 * between patterns is tested too).
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import model from "wink-eng-lite-web-model";
import winkNLP from "wink-nlp";
import { mentionDocument } from "../../test/mention-fixture.js";
import { emptyTokens, type Tokens } from "../model/document.js";
import { EVENT_TYPES } from "../model/event.js";
import { dictionariesDir, loadDataFile } from "../pipeline/data-file.js";
import { indexPatterns } from "./patterns.js";
import { viewOf } from "./roles.js";
import { type Pattern, type PatternFile, patternFileSchema } from "./schema.js";
import { findTriggers } from "./triggers.js";

/** The segmenter's own configuration (src/nlp/segment.ts): lemmas come with POS. */
const nlp = winkNLP(model, ["sbd", "pos"]);
const its = nlp.its;

const folder = join(dictionariesDir(), "patterns");
const names = readdirSync(folder)
  .filter((f) => f.endsWith(".json"))
  .sort();
const files: (PatternFile & { file: string })[] = names.map((n) => ({
  file: n,
  ...loadDataFile(join(folder, n), patternFileSchema),
}));
const patterns: Pattern[] = files.flatMap((f) => f.patterns);
const set = indexPatterns(files);

/** PLOVER v0.8 modes (and the few this project adds), per type; null is always allowed. */
const MODES: Record<string, string[]> = {
  AGREE: [],
  CONSULT: ["visit", "third-party", "multilateral", "phone"],
  SUPPORT: [],
  CONCEDE: ["ease"],
  COOPERATE: [],
  AID: [],
  RETREAT: ["withdraw", "release", "return", "disarm", "ceasefire", "access", "resign"],
  REQUEST: ["assist", "change", "yield", "meet"],
  ACCUSE: [],
  REJECT: ["assist", "change", "yield", "meet"],
  THREATEN: ["restrict", "ban", "arrest", "relations", "expel", "territory", "violence"],
  PROTEST: ["demo", "riot", "strike-gen", "strike-lim", "strike-hun", "boycott", "obstruct"],
  SANCTION: ["convict", "cancel", "expel", "withdraw", "sever"],
  MOBILIZE: ["troops", "weapons", "police"],
  COERCE: [
    "confiscate",
    "restrict",
    "ban",
    "censor",
    "curfew",
    "martial-law",
    "arrest",
    "deport",
    "withhold",
  ],
  ASSAULT: [
    "abduct",
    "beat",
    "torture",
    "execute",
    "sexual",
    "assassinate",
    "destroy",
    "primitive",
    "firearms",
    "explosives",
    "suicide-attack",
    "heavy-weapons",
  ],
};

/** PLOVER context codes used by the patterns. */
const CONTEXTS = new Set([
  "military",
  "intelligence",
  "peacekeeping",
  "economic",
  "diplomatic",
  "humanitarian",
  "legal",
  "migration",
  "cyber",
  "political",
  "human_rights",
  "terrorism",
  "cbrn",
]);

/** Tokens of a sentence exactly as the segmenter fills them (wink-nlp lemma and POS). */
function tokenize(text: string): Tokens {
  const doc = nlp.readDoc(text);
  const t = emptyTokens();
  const values: string[] = doc.tokens().out();
  const lemmas: string[] = doc.tokens().out(its.lemma as never);
  const pos: string[] = doc.tokens().out(its.pos);
  let cursor = 0;
  values.forEach((value, i) => {
    const start = Math.max(0, text.indexOf(value, cursor));
    cursor = start + value.length;
    t.start.push(start);
    t.end.push(start + value.length);
    t.text.push(value);
    t.lower.push(value.toLowerCase());
    t.lemma.push(lemmas[i]);
    t.pos.push(pos[i]);
    t.sentence.push(0);
  });
  return t;
}

const cls = (pos: string) =>
  pos === "VERB" || pos === "AUX" ? "VERB" : pos === "NOUN" || pos === "PROPN" ? "NOUN" : null;

/** Does some token carry one of the pattern's lemmas (as the matcher looks them up), with its particle after it? */
function hasTrigger(t: Tokens, p: Pattern): boolean {
  for (let i = 0; i < t.lemma.length; i++) {
    if (cls(t.pos[i]) !== p.pos) continue;
    if (!p.lemmas.includes(t.lemma[i]) && !p.lemmas.includes(t.lower[i])) continue;
    if (!p.particle || p.particle.every((w, k) => t.lower[i + 1 + k] === w)) return true;
  }
  return false;
}

describe("event pattern files", () => {
  it("load, validate and carry a name and version", () => {
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      expect(f.name, f.file).toMatch(/\S/);
      expect(f.version, f.file).toMatch(/^\d{4}\.\d+\.\d+$/);
    }
  });

  it("have unique ids, each prefixed with its event type", () => {
    const seen = new Map<string, string>();
    for (const f of files) {
      for (const p of f.patterns) {
        expect(seen.get(p.id), `${p.id} in ${f.file} and ${seen.get(p.id)}`).toBeUndefined();
        seen.set(p.id, f.file);
        expect(p.id.split(".")[0], p.id).toBe(p.event);
      }
    }
  });

  it("cover all 16 PLOVER types", () => {
    const types = new Set(patterns.map((p) => p.event));
    expect([...EVENT_TYPES].filter((e) => !types.has(e))).toEqual([]);
  });

  it("write lemmas, particles and object words in lower case, without blanks or duplicates", () => {
    const bad: string[] = [];
    for (const p of patterns) {
      for (const list of [p.lemmas, p.particle ?? [], p.object ?? [], p.notObject ?? []]) {
        for (const w of list)
          if (w !== w.toLowerCase() || w !== w.trim() || w.length === 0) bad.push(`${p.id}: "${w}"`);
        if (new Set(list).size !== list.length) bad.push(`${p.id}: duplicate in [${list.join(", ")}]`);
      }
    }
    expect(bad).toEqual([]);
  });

  it("use PLOVER modes and contexts", () => {
    const bad: string[] = [];
    for (const p of patterns) {
      if (p.mode !== null && !MODES[p.event].includes(p.mode)) bad.push(`${p.id}: mode ${p.mode}`);
      for (const c of p.context) if (!CONTEXTS.has(c)) bad.push(`${p.id}: context ${c}`);
    }
    expect(bad).toEqual([]);
  });

  it("give every pattern examples, with actors as ISO3 codes, canonical names or null", () => {
    const bad: string[] = [];
    for (const p of patterns) {
      if (p.examples.length === 0) bad.push(`${p.id}: no example`);
      for (const e of p.examples) {
        for (const a of [e.actor, e.recipient])
          if (a !== null && (a.trim() !== a || a.length < 2)) bad.push(`${p.id}: actor "${a}"`);
        if (e.actor !== null && e.actor === e.recipient && !/^[A-Z]{3}$/.test(e.actor))
          bad.push(`${p.id}: actor = recipient in "${e.text}"`);
      }
    }
    expect(bad).toEqual([]);
  });

  it("have a trigger lemma of their own pattern in every example, as wink-nlp lemmatises it", () => {
    const bad: string[] = [];
    for (const p of patterns) {
      for (const e of p.examples) if (!hasTrigger(tokenize(e.text), p)) bad.push(`${p.id}: "${e.text}"`);
    }
    expect(bad).toEqual([]);
  });

  it("fire their own pattern on every example, with the whole pattern set competing", () => {
    const bad: string[] = [];
    for (const p of patterns) {
      for (const e of p.examples) {
        // A pattern that takes an actor as its object is tried with the sentence's actors found.
        const doc = p.objectActor ? mentionDocument(e.text) : null;
        const t = doc ? doc.tokens : tokenize(e.text);
        const fired = findTriggers(viewOf(t, doc ? doc.mentions : [], 0, t.lemma.length), set);
        if (!fired.some((trig) => trig.pattern.id === p.id)) {
          bad.push(
            `${p.id}: "${e.text}" fires [${fired.map((trig) => `${t.text[trig.index]}=${trig.pattern.id}`).join(", ")}]`,
          );
        }
      }
    }
    expect(bad).toEqual([]);
  });
});
