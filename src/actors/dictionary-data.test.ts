/**
 * Checks of the actor dictionary data in dictionaries/actors/: every file
 * matches its schema, ids and surface forms are unique, states cover ISO
 * 3166-1, people's offices are well-formed, and the actors of the seed
 * articles all resolve.
 */
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { loadDataFile, packageRoot } from "../pipeline/data-file.js";
import {
  type ActorEntry,
  type ActorFile,
  actorEntrySchema,
  actorFileSchema,
  ambiguitySchema,
  type Period,
  periodSchema,
  type RoleFile,
  roleFileSchema,
} from "./schema.js";

const root = packageRoot();
const dir = join(root, "dictionaries", "actors");

/** The hand-kept input of scripts/gen-states.mjs: partial entries keyed by ISO3 id. */
const surfaceList = z.array(z.string().min(1));
const stateOverrideSchema = z
  .object({
    id: z.string().regex(/^[A-Z]{3}$/),
    sourceCca3: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional(),
    exclude: z.boolean().optional(),
    useCapital: z.boolean().optional(),
    name: z.string().min(1).optional(),
    kind: actorEntrySchema.shape.kind.optional(),
    country: actorEntrySchema.shape.country.optional(),
    sector: actorEntrySchema.shape.sector.optional(),
    note: z.string().optional(),
    periods: z.array(periodSchema).optional(),
    ambiguous: ambiguitySchema.optional(),
    aliases: surfaceList.optional(),
    demonyms: surfaceList.optional(),
    metonyms: surfaceList.optional(),
    dropAliases: surfaceList.optional(),
    dropDemonyms: surfaceList.optional(),
    dropMetonyms: surfaceList.optional(),
  })
  .strict();
const stateOverridesFileSchema = z
  .object({
    name: z.string().min(1),
    version: z.string().min(1),
    description: z.string().optional(),
    entries: z.array(stateOverrideSchema),
  })
  .strict();

const ROLE_FILE = "roles.json";
const OVERRIDES_FILE = "states-overrides.json";
/** Each file carries its own version, bumped when its content changes: YEAR.MONTH.N. */
const VERSION = /^\d{4}\.\d{1,2}\.\d+$/;

const jsonFiles = readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .sort();
const actorFileNames = jsonFiles.filter((f) => f !== ROLE_FILE && f !== OVERRIDES_FILE);
const actorFiles = new Map<string, ActorFile>(
  actorFileNames.map((f) => [f, loadDataFile(join(dir, f), actorFileSchema)]),
);
const roles: RoleFile = loadDataFile(join(dir, ROLE_FILE), roleFileSchema);
const overrides = loadDataFile(join(dir, OVERRIDES_FILE), stateOverridesFileSchema);

const all: { file: string; entry: ActorEntry }[] = [...actorFiles].flatMap(([file, doc]) =>
  doc.entries.map((entry) => ({ file, entry })),
);
const byId = new Map(all.map(({ entry }) => [entry.id, entry]));
const states = actorFiles.get("states.json")?.entries ?? [];
const people = actorFiles.get("people.json")?.entries ?? [];

function surfaces(e: ActorEntry): string[] {
  return [...e.aliases, ...(e.demonyms ?? []), ...(e.metonyms ?? [])];
}

/** Lower-case index of every alias, demonym and metonym to the ids that carry it. */
const index = new Map<string, Set<string>>();
for (const { entry } of all) {
  for (const s of surfaces(entry)) {
    const key = s.toLowerCase();
    if (!index.has(key)) index.set(key, new Set());
    index.get(key)!.add(entry.id);
  }
}
function resolve(text: string): string[] {
  return [...(index.get(text.toLowerCase()) ?? [])];
}

/** Role words to their sector, for "Syrian opposition"-style checks. */
const roleWords = new Map<string, string | null>();
for (const r of roles.roles) for (const w of r.words) roleWords.set(w, r.sector);

/** Ordinary English words (as written, lower case) that must never be an alias. */
const STOP_WORDS = new Set(
  (
    "a an the i us is it its may will can am as at be by do go he she if in me my no of on or so to up we they all one new " +
    "march august june china turkey chad jordan georgia guinea polish french swiss japan mali peru cuba oman man jersey " +
    "guernsey congress party state states union government army police court people reds kremlin"
  ).split(" "),
);
/** Two-letter capital forms that are English words at the start of a shouted headline or sentence. */
const FORBIDDEN_CAPS = new Set(
  "IS IT AS AT BE BY DO GO HE IF IN ME MY NO OF ON OR SO TO UP WE AN AM OK HI".split(" "),
);

/** Surnames that name more than one well-known person: never an alias on their own. */
const AMBIGUOUS_SURNAMES = [
  "Khan",
  "Karzai",
  "Abdullah",
  "Mansour",
  "Mansoor",
  "Mansur",
  "Haqqani",
  "Assad",
  "al-Assad",
  "Massoud",
  "Akhundzada",
  "Berdimuhamedow",
  "Berdymukhamedov",
  "Xi",
  "Omar",
  "Karimov",
  "Sharif",
  "Austin",
  "Wang",
  "Zhang",
];

/** A period as the first and last day it may cover: "2021" spans 2021-00-00 .. 2021-99-99. */
function periodBounds(p: Period): [string, string] {
  const lo = p.from ? p.from + "-00-00".slice(p.from.length - 4) : "0000-00-00";
  const hi = p.until ? p.until + "-99-99".slice(p.until.length - 4) : "9999-99-99";
  return [lo, hi];
}

function validDate(d: string): boolean {
  const [y, m, day] = d.split("-").map(Number);
  if (m !== undefined && (m < 1 || m > 12)) return false;
  if (day !== undefined) {
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    if (day < 1 || day > last) return false;
  }
  return y >= 1900 && y <= 2100;
}

describe("dictionaries/actors files", () => {
  it("has the expected files, each valid against its schema and at the current version", () => {
    expect(jsonFiles).toEqual(
      expect.arrayContaining([
        "agencies.json",
        "groups.json",
        "igos.json",
        "people.json",
        "roles.json",
        "states-overrides.json",
        "states.json",
      ]),
    );
    for (const [file, doc] of actorFiles) {
      expect(doc.version, file).toMatch(VERSION);
      expect(doc.entries.length, file).toBeGreaterThan(0);
      expect(doc.name, file).toBe(file.replace(/\.json$/, ""));
    }
    expect(roles.version).toMatch(VERSION);
    expect(overrides.version).toMatch(VERSION);
  });

  it("gives every entry a unique id across all files", () => {
    const seen = new Map<string, string>();
    const dups: string[] = [];
    for (const { file, entry } of all) {
      const prev = seen.get(entry.id);
      if (prev) dups.push(`${entry.id} in ${prev} and ${file}`);
      seen.set(entry.id, file);
    }
    expect(dups).toEqual([]);
  });

  it("keeps aliases clean: trimmed, not ordinary words, not two-letter English words in capitals", () => {
    const bad: string[] = [];
    for (const { entry } of all) {
      const list = surfaces(entry);
      if (new Set(list).size !== list.length) bad.push(`${entry.id}: a surface form is listed twice`);
      for (const s of list) {
        if (s.trim() !== s || s.length === 0 || /\s{2}/.test(s))
          bad.push(`${entry.id}: "${s}" has stray spaces`);
        if (s === s.toLowerCase() && STOP_WORDS.has(s)) bad.push(`${entry.id}: "${s}" is an ordinary word`);
        if (FORBIDDEN_CAPS.has(s)) bad.push(`${entry.id}: "${s}" is an English word in capitals`);
        if (s.length < 2) bad.push(`${entry.id}: "${s}" is too short`);
      }
    }
    expect(bad).toEqual([]);
  });

  it("gives each surface form to one entry only (case-sensitively, and case-insensitively)", () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const { entry } of all) {
      for (const s of new Set(surfaces(entry).map((x) => x.toLowerCase()))) {
        const prev = owner.get(s);
        if (prev && prev !== entry.id) clashes.push(`"${s}": ${prev} and ${entry.id}`);
        owner.set(s, entry.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it("never uses an ambiguous surname alone as a person's alias", () => {
    const bad = people.flatMap((p) =>
      p.aliases.filter((a) => AMBIGUOUS_SURNAMES.includes(a)).map((a) => `${p.id}: ${a}`),
    );
    expect(bad).toEqual([]);
  });

  it("writes ambiguity context words in lower case", () => {
    const bad: string[] = [];
    for (const { entry } of all) {
      const a = entry.ambiguous;
      if (!a) continue;
      for (const w of [...a.rejectBefore, ...a.rejectAfter])
        if (w !== w.toLowerCase() || w.trim() !== w) bad.push(`${entry.id}: ${w}`);
    }
    expect(bad).toEqual([]);
  });

  it("points every affiliation at an existing entry, under that entry's name", () => {
    const bad: string[] = [];
    for (const { entry } of all) {
      const affs = [entry.affiliation, ...(entry.periods ?? []).map((p) => p.affiliation)];
      for (const a of affs) {
        if (!a) continue;
        const target = byId.get(a.id);
        if (!target) bad.push(`${entry.id}: no entry ${a.id}`);
        else if (target.name !== a.name)
          bad.push(`${entry.id}: ${a.id} is named "${target.name}", not "${a.name}"`);
        if (a.id === entry.id) bad.push(`${entry.id}: affiliated with itself`);
      }
    }
    expect(bad).toEqual([]);
  });

  it("keeps every period well-formed: real dates, from <= until, in order of start", () => {
    const bad: string[] = [];
    for (const { entry } of all) {
      const periods = entry.periods ?? [];
      let lastFrom = "0000-00-00";
      for (const p of periods) {
        for (const d of [p.from, p.until])
          if (d && !validDate(d)) bad.push(`${entry.id}: ${d} is not a date`);
        const [lo, hi] = periodBounds(p);
        if (lo > hi) bad.push(`${entry.id}: ${p.title ?? ""} ends (${p.until}) before it starts (${p.from})`);
        if (lo < lastFrom) bad.push(`${entry.id}: ${p.title ?? ""} (${p.from}) is out of order`);
        lastFrom = lo;
        if (p.from && p.from > "2026-12-31") bad.push(`${entry.id}: ${p.from} is in the future`);
      }
    }
    expect(bad).toEqual([]);
  });

  it("describes people as persons whose periods are offices or identity changes", () => {
    const bad: string[] = [];
    for (const p of people) {
      if (p.kind !== "person") bad.push(`${p.id}: kind ${p.kind}`);
      for (const period of p.periods ?? []) {
        const changesIdentity =
          period.sector !== undefined || period.country !== undefined || period.affiliation !== undefined;
        if (!period.title && !changesIdentity) bad.push(`${p.id}: a period with neither title nor identity`);
      }
    }
    expect(bad).toEqual([]);
    expect(people.length).toBeGreaterThanOrEqual(60);
  });

  it("lets only states carry demonyms and metonyms", () => {
    const bad = all
      .filter(({ entry }) => entry.kind !== "state" || entry.country !== entry.id)
      .filter(({ entry }) => (entry.demonyms?.length ?? 0) + (entry.metonyms?.length ?? 0) > 0)
      .map(({ entry }) => entry.id);
    expect(bad).toEqual([]);
  });

  it("keeps role words lower case and unique", () => {
    const seen = new Set<string>();
    const bad: string[] = [];
    for (const r of roles.roles) {
      for (const w of r.words) {
        if (w !== w.toLowerCase() || w.trim() !== w) bad.push(`not lower case: ${w}`);
        if (seen.has(w)) bad.push(`twice: ${w}`);
        seen.add(w);
      }
    }
    expect(bad).toEqual([]);
  });
});

describe("states.json", () => {
  const require = createRequire(import.meta.url);
  const countries: { cca3: string; status: string }[] = require("world-countries/countries.json");

  it("has one entry per ISO 3166-1 code, plus Kosovo and the Soviet Union", () => {
    const ids = states.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(249);
    expect(ids.length).toBeLessThanOrEqual(255);
    const iso = countries.filter((c) => c.status === "officially-assigned").map((c) => c.cca3);
    expect(iso.length).toBe(249);
    expect(iso.filter((c) => !ids.includes(c))).toEqual([]);
    expect(ids).toEqual(expect.arrayContaining(["XKX", "SUN"]));
    for (const s of states) {
      expect(s.kind, s.id).toBe("state");
      expect(s.country, s.id).toBe(s.id);
      expect(s.sector, s.id).toBeNull();
    }
  });

  it("is what scripts/gen-states.mjs writes from world-countries and the overrides", () => {
    const out = execFileSync(process.execPath, [join(root, "scripts", "gen-states.mjs"), "--check"], {
      encoding: "utf8",
    });
    expect(out).toMatch(/up to date/);
  });

  it("applies only overrides for codes that exist", () => {
    const ids = new Set(states.map((s) => s.id));
    const stray = overrides.entries.filter((o) => !o.exclude && !ids.has(o.id)).map((o) => o.id);
    expect(stray).toEqual([]);
  });

  it.each([
    ["Russia", "RUS"],
    ["Russian Federation", "RUS"],
    ["the Kremlin", "RUS"],
    ["Moscow", "RUS"],
    ["US", "USA"],
    ["U.S.", "USA"],
    ["America", "USA"],
    ["the White House", "USA"],
    ["UK", "GBR"],
    ["Britain", "GBR"],
    ["Downing Street", "GBR"],
    ["Tajiks", "TJK"],
    ["Tajikistani", "TJK"],
    ["Uzbek", "UZB"],
    ["Kyrgyz", "KGZ"],
    ["Kazakh", "KAZ"],
    ["Nur-Sultan", "KAZ"],
    ["Turkmen", "TKM"],
    ["Lao", "LAO"],
    ["Turkey", "TUR"],
    ["Türkiye", "TUR"],
    ["PRC", "CHN"],
    ["Kyiv", "UKR"],
    ["Kiev", "UKR"],
    ["USSR", "SUN"],
    ["Soviet", "SUN"],
  ])("resolves %s to %s", (text, id) => {
    expect(resolve(text)).toEqual([id]);
  });

  it("keeps the currency, the Taliban's state name and Brussels away from states", () => {
    expect(resolve("Afghani")).toEqual([]);
    expect(resolve("Islamic Emirate of Afghanistan")).toEqual(["TALIBAN"]);
    expect(resolve("Brussels")).toEqual([]);
    expect(resolve("Pentagon")).toEqual(["USA_DOD"]);
  });

  it("carries context rules for names that are also common words or given names", () => {
    for (const id of ["TUR", "TCD", "JOR", "GEO", "NER", "GIN", "ISR", "FRA", "CHE"]) {
      expect(byId.get(id)?.ambiguous, id).toBeDefined();
    }
    expect(byId.get("TUR")?.ambiguous?.rejectAfter).toContain("sandwich");
    expect(byId.get("TCD")?.ambiguous?.rejectInNameRun).toBe(true);
    // Demonyms sit before titles in name runs ("French President Emmanuel Macron"): no name-run rule there.
    expect(byId.get("FRA")?.ambiguous?.rejectInNameRun).toBe(false);
    expect(byId.get("USA")?.ambiguous?.rejectInNameRun).toBe(false);
  });
});

describe("time-bound identities", () => {
  function identityAt(id: string, date: string): { country: string | null; sector: string | null } {
    const e = byId.get(id)!;
    const p = (e.periods ?? []).filter((x) => {
      const [lo, hi] = periodBounds(x);
      return lo <= date && date <= hi;
    });
    const last = p[p.length - 1];
    return {
      country: last?.country !== undefined ? last.country : e.country,
      sector: last?.sector !== undefined ? last.sector : e.sector,
    };
  }

  it("makes the Taliban AFG REB until 2021-08-14 and AFG GOV from 2021-08-15", () => {
    expect(identityAt("TALIBAN", "2017-12-06")).toEqual({ country: "AFG", sector: "REB" });
    expect(identityAt("TALIBAN", "2021-08-14")).toEqual({ country: "AFG", sector: "REB" });
    expect(identityAt("TALIBAN", "2021-08-15")).toEqual({ country: "AFG", sector: "GOV" });
    expect(identityAt("TALIBAN", "2021-10-20")).toEqual({ country: "AFG", sector: "GOV" });
  });

  it("moves Taliban leaders from REB to GOV with the group", () => {
    for (const id of [
      "HIBATULLAH_AKHUNDZADA",
      "ABDUL_GHANI_BARADAR",
      "AMIR_KHAN_MUTTAQI",
      "SIRAJUDDIN_HAQQANI",
      "ZABIHULLAH_MUJAHID",
    ]) {
      expect(identityAt(id, "2020-06-01").sector, id).toBe("REB");
      expect(identityAt(id, "2021-10-21").sector, id).toBe("GOV");
      expect(byId.get(id)?.affiliation, id).toEqual({ id: "TALIBAN", name: "Taliban" });
    }
  });

  it("dates the offices named in the seeds", () => {
    expect(identityAt("VLADIMIR_PUTIN", "2017-12-19")).toEqual({ country: "RUS", sector: "GOV" });
    expect(identityAt("VLADIMIR_PUTIN", "1999-01-01")).toEqual({ country: "RUS", sector: "SPY" });
    expect(identityAt("ALEXANDER_LAPIN", "2017-12-15")).toEqual({ country: "RUS", sector: "MIL" });
    const zas = byId.get("STANISLAV_ZAS")!.periods!.find((p) => p.title === "CSTO Secretary General");
    expect(zas?.affiliation).toEqual({ id: "CSTO", name: "CSTO" });
    expect(identityAt("STANISLAV_ZAS", "2021-06-01").country).toBeNull();
    const ghani = byId.get("ASHRAF_GHANI")!.periods!.find((p) => p.title === "President");
    expect(ghani).toMatchObject({ from: "2014-09-29", until: "2021-08-15" });
    const kabulov = byId.get("ZAMIR_KABULOV")!.periods!.at(-1)!;
    expect(kabulov.from! <= "2017-12" && kabulov.until == null).toBe(true);
  });
});

/**
 * The actors of the five seed articles (shared/corpus/seeds): how the texts
 * name them, and what they must resolve to.
 */
const SEED_MENTIONS: [string, string][] = [
  // 000: Russian diplomacy on Afghanistan, December 2017
  ["Moscow", "RUS"],
  ["Community of Independent States", "CIS"],
  ["CIS", "CIS"],
  ["Russian", "RUS"],
  ["Vladimir Putin", "VLADIMIR_PUTIN"],
  ["Putin", "VLADIMIR_PUTIN"],
  ["Alexander Bortnikov", "ALEXANDER_BORTNIKOV"],
  ["Federal Security Service", "RUS_FSB"],
  ["Islamic State", "ISIS"],
  ["Syria", "SYR"],
  ["Iraq", "IRQ"],
  ["201st Military Base", "RUS_201_BASE"],
  ["201st base", "RUS_201_BASE"],
  ["Tajikistan", "TJK"],
  ["Tajik", "TJK"],
  ["Alexander Lapin", "ALEXANDER_LAPIN"],
  ["Central Military District", "RUS_CMD"],
  ["Dushanbe", "TJK"],
  ["Collective Security Treaty Organization", "CSTO"],
  ["CSTO", "CSTO"],
  ["CSTO Collective Rapid Reaction Forces", "CSTO_CRRF"],
  ["CRRF", "CSTO_CRRF"],
  ["NATO", "NATO"],
  ["Afghan", "AFG"],
  ["Afghanistan", "AFG"],
  ["US", "USA"],
  ["Zamir Kabulov", "ZAMIR_KABULOV"],
  ["Kabul", "AFG"],
  ["Taliban", "TALIBAN"],
  ["International Contact Group for Afghanistan", "ICG_AFG"],
  ["Hekmat Khalil Karzai", "HEKMAT_KHALIL_KARZAI"],
  ["Mohammad Hanif Atmar", "MOHAMMAD_HANIF_ATMAR"],
  ["Washington", "USA"],
  ["Alice Wells", "ALICE_WELLS"],
  ["United States", "USA"],
  ["UN", "UN"],
  ["Iran", "IRN"],
  ["Turkey", "TUR"],
  ["Syrian", "SYR"],
  // 001: the Moscow format meeting with the Taliban, October 2021
  ["Ainur Kurmanov", "AINUR_KURMANOV"],
  ["Moscow format", "MOSCOW_FORMAT"],
  ["Russian Federation", "RUS"],
  ["Soviet", "SUN"],
  ["American", "USA"],
  ["China", "CHN"],
  ["Abdul Salam Hanafi", "ABDUL_SALAM_HANAFI"],
  ["Amir Khan Muttaqi", "AMIR_KHAN_MUTTAQI"],
  ["Beijing", "CHN"],
  ["The Kremlin", "RUS"],
  ["Tehran", "IRN"],
  ["Islamabad", "PAK"],
  ["Northern Alliance", "NORTHERN_ALLIANCE"],
  ["Kazakhstan", "KAZ"],
  ["Kyrgyzstan", "KGZ"],
  ["Armenia", "ARM"],
  ["Belarus", "BLR"],
  ["ISIS", "ISIS"],
  ["Sergei Lavrov", "SERGEI_LAVROV"],
  ["Pakistan", "PAK"],
  ["Islamic Movement of East Turkestan", "ETIM"],
  ["Jamaat Ansarullah", "JAMAAT_ANSARULLAH"],
  ["Uzbek", "UZB"],
  ["Islamic Movement of Uzbekistan", "ISLAMIC_MOVEMENT_OF_UZBEKISTAN"],
  ["Katiba Imam al-Bukhari", "KATIBA_IMAM_AL_BUKHARI"],
  ["Americans", "USA"],
  ["Pakistani", "PAK"],
  ["Emomali Rahmon", "EMOMALI_RAHMON"],
  ["Rahmon", "EMOMALI_RAHMON"],
  ["Tajiks", "TJK"],
  ["Paris", "FRA"],
  ["Macron", "EMMANUEL_MACRON"],
  ["Erdogan", "RECEP_TAYYIP_ERDOGAN"],
  ["Roskomnadzor", "RUS_ROSKOMNADZOR"],
  ["Ukraine", "UKR"],
  // 002: Russia and its Central Asian allies, July 2021
  ["Sergei Lavrov", "SERGEI_LAVROV"],
  ["Lao", "LAO"],
  ["Saleumxay Kommasith", "SALEUMXAY_KOMMASITH"],
  ["Uzbekistan", "UZB"],
  ["Shavkat Mirziyoyev", "SHAVKAT_MIRZIYOYEV"],
  ["DRA", "AFG"],
  ["Democratic Republic of Afghanistan", "AFG"],
  ["Dmitry Peskov", "DMITRY_PESKOV"],
  ["Joe Biden", "JOE_BIDEN"],
  ["Afghan National Defense and Security Forces", "AFG_ANDSF"],
  ["ANDSF", "AFG_ANDSF"],
  ["Turkmen", "TKM"],
  ["Pentagon", "USA_DOD"],
  ["Ashraf Ghani", "ASHRAF_GHANI"],
  ["Afghans", "AFG"],
  // 003: Russia and the Taliban, early 2018
  ["Mullah Akhtar Mansoor", "AKHTAR_MANSOUR"],
  ["Mullah Akhtar Mansur", "AKHTAR_MANSOUR"],
  ["Daesh", "ISIS"],
  ["Quadripartite Coordination Group", "QUADRILATERAL_COORDINATION_GROUP"],
  ["QCG", "QUADRILATERAL_COORDINATION_GROUP"],
  ["Al Qaeda", "AL_QAEDA"],
  ["Bashar al-Assad", "BASHAR_AL_ASSAD"],
  ["U.S.", "USA"],
  ["India", "IND"],
  ["Norway", "NOR"],
  ["Germany", "DEU"],
  ["Hamid Karzai", "HAMID_KARZAI"],
  ["Trump", "DONALD_TRUMP"],
  ["Obama", "BARACK_OBAMA"],
  ["North Korea", "PRK"],
  // 004: Russia and the Taliban as US troops leave, July 2021
  ["Isis", "ISIS"],
  ["al-Qaeda", "AL_QAEDA"],
  ["al kaida", "AL_QAEDA"],
  ["Soviet Union", "SUN"],
  ["Asfandyar Mir", "ASFANDYAR_MIR"],
  ["Arkady Dubnov", "ARKADY_DUBNOV"],
  ["Eurasian Economic Union", "EAEU"],
  ["Dmitry Trenin", "DMITRY_TRENIN"],
  ["Osama bin Laden", "OSAMA_BIN_LADEN"],
  ["Harsh Pant", "HARSH_PANT"],
  ["New Delhi", "IND"],
  ["America", "USA"],
  ["Kabulov", "ZAMIR_KABULOV"],
];

/** Actors of shared/corpus/seeds.gold.jsonl: ISO codes for states, canonical names for the rest. */
const GOLD_ACTORS = [
  "AFG",
  "ARM",
  "BLR",
  "CHN",
  "DEU",
  "FRA",
  "IND",
  "IRN",
  "KAZ",
  "KGZ",
  "LAO",
  "NOR",
  "PAK",
  "RUS",
  "SUN",
  "SYR",
  "TJK",
  "TKM",
  "TUR",
  "UZB",
  "USA",
  "CIS",
  "CSTO",
  "EAEU",
  "NATO",
  "UN",
  "Islamic State",
  "Taliban",
  "al-Qaeda",
  "International Contact Group for Afghanistan",
  "Quadrilateral Coordination Group",
  "East Turkestan Islamic Movement",
  "Jamaat Ansarullah",
  "Islamic Movement of Uzbekistan",
  "Katiba Imam al-Bukhari",
  "National Resistance Front",
  "Afghan mujahideen",
];

describe("the seed articles' actors", () => {
  it.each(SEED_MENTIONS)("resolves %s to %s", (text, id) => {
    expect(byId.has(id), `no entry ${id}`).toBe(true);
    expect(resolve(text)).toEqual([id]);
  });

  it("has an entry for every actor of the gold file, under the gold's name or code", () => {
    const names = new Set(all.map(({ entry }) => entry.name));
    const missing = GOLD_ACTORS.filter((g) => !names.has(g) && !(byId.get(g)?.kind === "state"));
    expect(missing).toEqual([]);
  });

  it("covers the gold's composite and disputed actors", () => {
    // "Syrian opposition": demonym + role word.
    expect(resolve("Syrian")).toEqual(["SYR"]);
    expect(roleWords.get("opposition")).toBe("OPP");
    // "Tajik Taliban" is the usual name of Jamaat Ansarullah, which the gold also lists by its own name.
    expect(resolve("Tajik Taliban")).toEqual(["JAMAAT_ANSARULLAH"]);
    // Role nouns of the seeds.
    for (const [w, sector] of [
      ["army", "MIL"],
      ["military", "MIL"],
      ["forces", "MIL"],
      ["servicemen", "MIL"],
      ["foreign ministry", "GOV"],
      ["deputy foreign minister", "GOV"],
      ["president", "GOV"],
      ["government", "GOV"],
      ["authorities", "GOV"],
      ["delegation", "GOV"],
      ["students", "EDU"],
      ["citizens", "CVL"],
      ["militants", "REB"],
      ["extremists", "REB"],
      ["refugees", "REF"],
      ["special services", "SPY"],
      ["strike aircraft", "MIL"],
    ]) {
      expect(roleWords.get(w), w).toBe(sector);
    }
  });
});
