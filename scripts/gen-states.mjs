#!/usr/bin/env node
/**
 * Generates dictionaries/actors/states.json: one entry per ISO 3166-1 country
 * from the `world-countries` package, merged with the hand-kept
 * dictionaries/actors/states-overrides.json.
 *
 *   node scripts/gen-states.mjs           write states.json
 *   node scripts/gen-states.mjs --check   exit 1 when states.json is not what the script would write
 *
 * What comes from world-countries: the ISO3 code (cca3), name.common,
 * name.official, the altSpellings that are English names (not codes, not
 * native-language forms, not "Korea, Republic of" list forms), the English
 * demonyms (with a plural noun where English has one) and, for independent
 * states, the capital as a metonym. Everything else, and every correction,
 * lives in the overrides file, keyed by id.
 *
 * Override entry fields (all but id optional):
 *   id                  ISO3 code of the entry to change, or of a new entry
 *   sourceCca3          take the generated data of another world-countries record (Kosovo: UNK -> XKX)
 *   exclude             true: leave this record out of states.json
 *   name, kind, country, sector, note, periods, ambiguous   replace the generated value
 *   aliases, demonyms, metonyms                             added to the generated lists
 *   dropAliases, dropDemonyms, dropMetonyms                 removed from the generated lists
 *   useCapital          true/false: force capitals as metonyms on or off (default: independent states only)
 *
 * The script refuses to write a file in which one surface form (alias,
 * demonym or metonym, case-sensitive) belongs to two entries.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outFile = join(root, "dictionaries", "actors", "states.json");
const overridesFile = join(root, "dictionaries", "actors", "states-overrides.json");

const require = createRequire(import.meta.url);
const countries = require("world-countries/countries.json");
const wcVersion = require("world-countries/package.json").version;

/** Words that mark an altSpelling as an English descriptive name. */
const ENGLISH_NAME_WORDS =
  /\b(Republic|Kingdom|State|States|Federation|Commonwealth|Principality|Union|Islands?|Democratic|Federal|Confederation|Sultanate|Grand Duchy|Territory|Collectivity|Bailiwick|Co-operative|Emirates|People's|Plurinational|Hashemite|Socialist|Independent|Department|Most Serene)\b/;
/** Latin script only (letters with diacritics allowed), plus space, apostrophe, hyphen, period, parentheses. */
const LATIN = /^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF' .()\u2019-]+$/;

function fold(s) {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\u02BB\u02BC]/g, "'");
}

function uniq(list) {
  return [...new Set(list)];
}

function withFolded(list) {
  const out = [];
  for (const s of list) {
    out.push(s);
    const f = fold(s);
    if (f !== s && /^[\x20-\x7E]+$/.test(f)) out.push(f);
  }
  return uniq(out);
}

function englishAltSpellings(c) {
  return c.altSpellings.filter((s) => {
    if (s.length <= 2) return false; // ISO alpha-2 codes
    if (!LATIN.test(s)) return false; // other scripts
    if (s.includes(",")) return false; // "Korea, Republic of"
    if (/^[A-Z]{3,}$/.test(s)) return true; // UAE, DRC, DPRK: kept, may be dropped by override
    return ENGLISH_NAME_WORDS.test(s) && !/\b(Republica|República|Republik|Reino|Royaume)\b/.test(s);
  });
}

/** Nationality nouns in the plural where English forms them with -s. */
function plural(d) {
  if (/(ese|ish|ch|sh|s|x|z|ic|Lao|Kiribati|Vanuatu|Motswana|Mosotho|Malagasy)$/.test(d)) return null;
  return `${d}s`;
}

function demonymsOf(c) {
  const eng = c.demonyms?.eng;
  if (!eng) return [];
  const base = uniq([eng.m, eng.f].flatMap((d) => d.split(/, | or /)).filter(Boolean));
  const out = [];
  for (const d of base) {
    out.push(d);
    const p = plural(d);
    if (p) out.push(p);
  }
  return out;
}

function generated(c) {
  const aliases = uniq([c.name.common, c.name.official, ...englishAltSpellings(c)]);
  return {
    id: c.cca3,
    name: c.name.common,
    kind: "state",
    country: c.cca3,
    sector: null,
    aliases,
    demonyms: demonymsOf(c),
    metonyms: c.capital ?? [],
    independent: c.independent === true,
  };
}

function applyOverride(e, o) {
  const out = { ...e };
  for (const k of ["name", "kind", "country", "sector", "note", "periods", "ambiguous"]) {
    if (o[k] !== undefined) out[k] = o[k];
  }
  const useCapital = o.useCapital ?? e.independent;
  if (!useCapital) out.metonyms = [];
  for (const [list, add, drop] of [
    ["aliases", "aliases", "dropAliases"],
    ["demonyms", "demonyms", "dropDemonyms"],
    ["metonyms", "metonyms", "dropMetonyms"],
  ]) {
    const dropped = new Set(o[drop] ?? []);
    out[list] = uniq([...(out[list] ?? []), ...(o[add] ?? [])]).filter((s) => !dropped.has(s));
    // Folded variants are added after the drop so that a folded form can be dropped on its own.
    out[list] = withFolded(out[list]).filter((s) => !dropped.has(s));
  }
  return out;
}

function build() {
  const overridesDoc = JSON.parse(readFileSync(overridesFile, "utf8"));
  const overrides = new Map();
  for (const o of overridesDoc.entries) {
    if (overrides.has(o.id)) throw new Error(`states-overrides.json: ${o.id} appears twice`);
    overrides.set(o.id, o);
  }
  const byCca3 = new Map(countries.map((c) => [c.cca3, c]));
  const sourceUsedBy = new Map();
  for (const o of overrides.values()) if (o.sourceCca3) sourceUsedBy.set(o.sourceCca3, o.id);

  const entries = [];
  for (const c of countries) {
    if (sourceUsedBy.has(c.cca3)) continue; // generated under its override id
    const o = overrides.get(c.cca3) ?? { id: c.cca3 };
    if (o.exclude) continue;
    entries.push(applyOverride(generated(c), o));
  }
  for (const o of overrides.values()) {
    if (byCca3.has(o.id) && !o.sourceCca3) continue;
    if (o.exclude) continue;
    if (o.sourceCca3) {
      const c = byCca3.get(o.sourceCca3);
      if (!c) throw new Error(`states-overrides.json: ${o.id}: no world-countries record ${o.sourceCca3}`);
      entries.push(applyOverride({ ...generated(c), id: o.id, country: o.id }, o));
    } else {
      // An entry that world-countries does not have (historical states).
      if (!o.name || !o.aliases)
        throw new Error(`states-overrides.json: new entry ${o.id} needs name and aliases`);
      entries.push(
        applyOverride(
          {
            id: o.id,
            name: o.name,
            kind: "state",
            country: o.id,
            sector: null,
            aliases: [],
            demonyms: [],
            metonyms: [],
          },
          { useCapital: true, ...o },
        ),
      );
    }
  }

  // Inside one entry a surface form is listed once: aliases first, then metonyms, then demonyms.
  for (const e of entries) {
    const seen = new Set(e.aliases);
    e.metonyms = e.metonyms.filter((m) => !seen.has(m));
    for (const m of e.metonyms) seen.add(m);
    e.demonyms = e.demonyms.filter((d) => !seen.has(d));
  }

  // Across entries a surface form belongs to one entry only.
  const owner = new Map();
  const clashes = [];
  for (const e of entries) {
    for (const s of [...e.aliases, ...e.metonyms, ...e.demonyms]) {
      const prev = owner.get(s);
      if (prev && prev !== e.id) clashes.push(`"${s}": ${prev} and ${e.id}`);
      else owner.set(s, e.id);
    }
  }
  if (clashes.length) {
    throw new Error(
      `surface forms claimed by two entries (fix in states-overrides.json):\n  ${clashes.join("\n  ")}`,
    );
  }

  entries.sort((a, b) => a.id.localeCompare(b.id));
  const out = entries.map((e) => {
    const r = {
      id: e.id,
      name: e.name,
      kind: e.kind,
      country: e.country,
      sector: e.sector,
      aliases: e.aliases,
    };
    if (e.demonyms.length) r.demonyms = e.demonyms;
    if (e.metonyms.length) r.metonyms = e.metonyms;
    if (e.periods) r.periods = e.periods;
    if (e.ambiguous) r.ambiguous = e.ambiguous;
    if (e.note) r.note = e.note;
    return r;
  });
  const doc = {
    name: "states",
    version: overridesDoc.version,
    description:
      `Every ISO 3166-1 country (plus Kosovo and the Soviet Union), generated by scripts/gen-states.mjs from world-countries ${wcVersion} ` +
      "merged with states-overrides.json. Do not edit by hand: change the overrides and run the script.",
    entries: out,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

const text = build();
if (process.argv.includes("--check")) {
  let current = "";
  try {
    current = readFileSync(outFile, "utf8");
  } catch {
    // missing file: out of date
  }
  if (current !== text) {
    console.error("dictionaries/actors/states.json is out of date: run node scripts/gen-states.mjs");
    process.exit(1);
  }
  console.log("states.json is up to date");
} else {
  writeFileSync(outFile, text);
  const n = JSON.parse(text).entries.length;
  console.log(`wrote ${outFile} (${n} entries)`);
}
