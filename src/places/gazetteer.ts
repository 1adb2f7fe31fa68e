/**
 * Place names in a sentence, from the gazetteer files in dictionaries/places/.
 * Matching is token by token through an index on the first word, longest
 * alias first; capitalised alias words must match case ("Chad", not "chad").
 * A capital used as a political actor ("Moscow offered") is still found here:
 * the actor stage decides; the `prepositional` flag says which mentions read
 * as where something happened ("in Kunduz", "along the Amu Darya").
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { EventLocation } from "../model/event.js";
import { DataFileError, dictionariesDir, loadDataFile } from "../pipeline/data-file.js";
import { type Place, type PlaceKind, placeFileSchema } from "./schema.js";

export interface PlaceMention {
  start: number;
  end: number;
  text: string;
  id: string;
  name: string;
  country: string | null;
  lat: number | null;
  lon: number | null;
  kind: PlaceKind;
  /** The coordinates only locate the area. */
  approximate: boolean;
  /** Read as a location: after in/at/near/to/from/across/along..., or listed with one that is. */
  prepositional: boolean;
}

interface Alias {
  tokens: string[];
  /** Per token: must match case (it has a capital), else compared lower-case. */
  exact: boolean[];
  /** The alias ends with a period ("U.S."): the mention keeps it. */
  period: boolean;
  place: Place;
}

export interface Gazetteer {
  places: Place[];
  /** Version of each file, by file name, for the records' `versions`. */
  versions: Record<string, string>;
  /** Aliases by lower-cased first token, longest first. */
  index: Map<string, Alias[]>;
}

interface Token {
  text: string;
  start: number;
  end: number;
}

/** Words; a possessive "s" after an apostrophe is dropped so "Kabul's airport" reads as "Kabul airport". */
const WORD = /[\p{L}\p{N}]+/gu;

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    if (m[0] === "s" && /['’]/.test(text[m.index - 1] ?? "")) continue;
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Reads every *.json of the folder (default dictionaries/places); an alias may name one place only. */
export function loadGazetteer(dir = join(dictionariesDir(), "places")): Gazetteer {
  const places: Place[] = [];
  const versions: Record<string, string> = {};
  const index = new Map<string, Alias[]>();
  const owner = new Map<string, string>();
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    const file = join(dir, name);
    const data = loadDataFile(file, placeFileSchema);
    versions[name] = data.version;
    for (const place of data.places) {
      for (const surface of new Set([place.name, ...place.aliases])) {
        const tokens = tokenize(surface).map((t) => t.text);
        const key = tokens.join(" ").toLowerCase();
        const other = owner.get(key);
        if (other === place.id) continue; // "Mazar-e-Sharif" and "Mazar-e Sharif" read the same
        if (other !== undefined) {
          throw new DataFileError(file, `${place.id}: "${surface}" already names ${other}`);
        }
        owner.set(key, place.id);
        // A leading "The" is matched in any case: "the Hague", "The Gambia".
        const exact = tokens.map((t, i) => /\p{Lu}/u.test(t) && !(i === 0 && t === "The"));
        const alias = { tokens, exact, period: surface.endsWith("."), place };
        const list = index.get(tokens[0].toLowerCase()) ?? [];
        list.push(alias);
        index.set(tokens[0].toLowerCase(), list);
      }
      places.push(place);
    }
  }
  for (const list of index.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return { places, versions, index };
}

let bundled: Gazetteer | null = null;
/** The bundled gazetteer, loaded on first use. */
export function defaultGazetteer(): Gazetteer {
  bundled ??= loadGazetteer();
  return bundled;
}

function matches(alias: Alias, tokens: Token[], i: number): boolean {
  if (i + alias.tokens.length > tokens.length) return false;
  return alias.tokens.every((word, k) => {
    const t = tokens[i + k].text;
    return alias.exact[k] ? t === word : t.toLowerCase() === word.toLowerCase();
  });
}

/** Could a place name start this text? One lookup, a cheap test before findPlaces. */
export function mayStartPlace(text: string, gazetteer = defaultGazetteer()): boolean {
  // The first word only, as tokenize would give it, without tokenizing the rest.
  for (const m of text.matchAll(WORD)) {
    if (m[0] === "s" && /['’]/.test(text[m.index - 1] ?? "")) continue;
    return gazetteer.index.has(m[0].toLowerCase());
  }
  return false;
}

export function findPlaces(sentence: string, offset = 0, gazetteer = defaultGazetteer()): PlaceMention[] {
  const tokens = tokenize(sentence);
  const out: PlaceMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const alias = gazetteer.index.get(tokens[i].text.toLowerCase())?.find((a) => matches(a, tokens, i));
    if (!alias) continue;
    const start = tokens[i].start;
    let end = tokens[i + alias.tokens.length - 1].end;
    if (alias.period && sentence[end] === ".") end++;
    const p = alias.place;
    out.push({
      start: start + offset,
      end: end + offset,
      text: sentence.slice(start, end),
      id: p.id,
      name: p.name,
      country: p.country,
      lat: p.lat,
      lon: p.lon,
      kind: p.kind,
      approximate: p.approximate ?? false,
      prepositional: placeOfPrepositionalPhrase(sentence, start, end, p.kind),
    });
    i += alias.tokens.length - 1;
  }
  shareAcrossLists(sentence, out, offset);
  return out;
}

/** Prepositions after which a place is where something happens. */
const PREPOSITIONS = new Set(
  "in at near to from across along on into inside outside throughout within around towards toward through via off".split(
    " ",
  ),
);
/** Nouns of "<noun> of <place>" that locate: "north of Kabul", "the outskirts of Kunduz", "the resort of Sochi". */
const LOCATING_OF = new Set(
  (
    "north south east west northeast northwest southeast southwest outskirts suburbs suburb city town village " +
    "province region district area valley capital centre center heart port resort part parts border"
  ).split(" "),
);
/** Words that may stand between the preposition and the place: "in the restive northern". */
const BETWEEN = new Set(
  (
    "the a an and or northern southern eastern western central northeastern northwestern southeastern " +
    "southwestern north-eastern north-western south-eastern south-western neighbouring neighboring nearby " +
    "restive remote mountainous"
  ).split(" "),
);
/**
 * What follows a place used as a modifier, not as the object of the preposition:
 * "to UK Prime Minister Blair", "from China's", "at US media giant TimeWarner".
 */
const MODIFIER_AFTER =
  /^(?:['’]s\b|\s+\p{Lu}|\s+(?:officials?|troops|forces?|government|authorities|army|military|soldiers|media|giant|firms?|company|banks?|markets?|economy|president|minister|leaders?|embassy|envoy|delegation|citizens|nationals|rival)\b)/u;
/** What follows a place after "on" for it to be a location: "on the Tajikistan-Afghanistan border". */
const ON_FOLLOWERS =
  /^(?:[\s-]+\p{Lu}\p{L}*)*[\s-]+(?:border|frontier|coast|shore|banks?|side|front|island)\b/u;

/**
 * Whether the place at [start, end) reads as a location: walks back over
 * determiners, compass adjectives and other names to a preposition. "on" needs
 * a border-like noun after the place (or a river), as "on Afghanistan" is a topic;
 * a place that modifies what follows ("in Russia's", "to UK Prime Minister") is none.
 */
export function placeOfPrepositionalPhrase(
  sentence: string,
  start: number,
  end = start,
  kind?: PlaceKind,
): boolean {
  if (end > start && MODIFIER_AFTER.test(sentence.slice(end))) return false;
  const words =
    sentence.slice(0, start).match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu) ?? [];
  for (let k = words.length - 1, steps = 0; k >= 0 && steps < 8; k--, steps++) {
    const w = words[k].replace(/['’]s$/, "");
    const lower = w.toLowerCase();
    if (lower === "on") return kind === "river" || ON_FOLLOWERS.test(sentence.slice(end));
    if (PREPOSITIONS.has(lower)) return true;
    if (lower === "of") return LOCATING_OF.has(words[k - 1]?.toLowerCase() ?? "");
    if (w === "-") continue; // "Tajikistan-Afghanistan": the second name walks back over the first
    if (BETWEEN.has(lower) || /-(?:held|controlled|occupied|run)$/.test(lower)) continue;
    if (/^\p{Lu}/u.test(w)) continue; // another name: "in Russia's Black Sea resort"
    return false;
  }
  return false;
}

/**
 * Places listed together share the flag: "in Kazakhstan, Kyrgyzstan and
 * Tajikistan". A run counts as a list only when an "and"/"or" joins it, so
 * "In Kabul, Moscow says" keeps Moscow apart.
 */
function shareAcrossLists(sentence: string, mentions: PlaceMention[], offset: number): void {
  let runStart = 0;
  for (let k = 1; k <= mentions.length; k++) {
    const gap =
      k < mentions.length ? sentence.slice(mentions[k - 1].end - offset, mentions[k].start - offset) : null;
    if (gap !== null && /^\s*(?:,\s*(?:and|or)?|and|or)\s*(?:the\s+)?$/.test(gap)) continue;
    const run = mentions.slice(runStart, k);
    const joined = run.some(
      (m, j) => j > 0 && /\b(?:and|or)\b/.test(sentence.slice(run[j - 1].end - offset, m.start - offset)),
    );
    if (run.length > 1 && joined && run[0].prepositional) for (const m of run) m.prepositional = true;
    runStart = k;
  }
}

/** The record's location field from a mention. */
export function toEventLocation(m: PlaceMention): EventLocation {
  return { name: m.name, country: m.country, lat: m.lat, lon: m.lon, start: m.start, end: m.end };
}
