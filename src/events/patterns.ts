/**
 * Event patterns in memory: loaded from dictionaries/patterns/, validated, and
 * indexed by trigger lemma so that coding a sentence is one lookup per token.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { DataFileError, dictionariesDir, loadDataFile } from "../pipeline/data-file.js";
import { type Pattern, patternFileSchema } from "./schema.js";

/** A pattern's word lists as sets, built once: the trigger check runs on every verb and noun. */
export interface CompiledLists {
  object: Set<string> | null;
  notObject: Set<string> | null;
  notNext: Set<string> | null;
}

export interface PatternSet {
  patterns: Pattern[];
  lists: Map<Pattern, CompiledLists>;
  /** Trigger word -> candidate patterns, most specific first, per part of speech ("meet", "talk"). */
  byTrigger: { VERB: Map<string, Pattern[]>; NOUN: Map<string, Pattern[]> };
  versions: Record<string, string>;
}

/** More constraints make a pattern more specific: it wins over a bare one at equal priority. */
export function specificity(p: Pattern): number {
  return (p.particle ? 2 : 0) + (p.object ? 2 : 0) + (p.notObject || p.notNext ? 1 : 0);
}

export function comparePatterns(a: Pattern, b: Pattern): number {
  return b.priority - a.priority || specificity(b) - specificity(a) || a.id.localeCompare(b.id);
}

export function indexPatterns(files: { name: string; version: string; patterns: Pattern[] }[]): PatternSet {
  // Keyed by part of speech, then word: the lookup runs per token and builds no key string.
  const byTrigger = { VERB: new Map<string, Pattern[]>(), NOUN: new Map<string, Pattern[]>() };
  const patterns: Pattern[] = [];
  const versions: Record<string, string> = {};
  const ids = new Set<string>();
  const lists = new Map<Pattern, CompiledLists>();
  for (const file of files) {
    versions[`patterns:${file.name}`] = file.version;
    for (const p of file.patterns) {
      if (ids.has(p.id)) throw new DataFileError(file.name, `pattern id "${p.id}" is defined twice`);
      ids.add(p.id);
      patterns.push(p);
      lists.set(p, {
        object: p.object ? new Set(p.object) : null,
        notObject: p.notObject ? new Set(p.notObject) : null,
        notNext: p.notNext ? new Set(p.notNext) : null,
      });
      const index = byTrigger[p.pos];
      for (const lemma of p.lemmas) {
        const list = index.get(lemma) ?? [];
        list.push(p);
        index.set(lemma, list);
      }
    }
  }
  for (const index of [byTrigger.VERB, byTrigger.NOUN])
    for (const list of index.values()) list.sort(comparePatterns);
  return { patterns, lists, byTrigger, versions };
}

const cache = new Map<string, PatternSet>();

export function loadPatterns(dir = dictionariesDir()): PatternSet {
  const hit = cache.get(dir);
  if (hit) return hit;
  const folder = join(dir, "patterns");
  let names: string[];
  try {
    names = readdirSync(folder)
      .filter((f) => f.endsWith(".json"))
      .sort();
  } catch {
    throw new DataFileError(folder, "the pattern folder cannot be read");
  }
  const set = indexPatterns(names.map((n) => loadDataFile(join(folder, n), patternFileSchema)));
  cache.set(dir, set);
  return set;
}
