import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import countries from "world-countries";
import { DataFileError } from "../pipeline/data-file.js";
import {
  defaultGazetteer,
  findPlaces,
  loadGazetteer,
  placeOfPrepositionalPhrase,
  toEventLocation,
} from "./gazetteer.js";

const gazetteer = defaultGazetteer();
const byId = (id: string) => gazetteer.places.find((p) => p.id === id)!;

/** Great-circle distance in km. */
function km(a: [number, number], b: [number, number]): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b[0] - a[0]) * rad) / 2) ** 2 +
    Math.cos(a[0] * rad) * Math.cos(b[0] * rad) * Math.sin(((b[1] - a[1]) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

describe("bundled gazetteer", () => {
  it("has every country, the capitals and the hand-kept places", () => {
    expect(gazetteer.places.length).toBeGreaterThan(550);
    expect(Object.keys(gazetteer.versions).sort()).toEqual(["places-extra.json", "places.json"]);
    expect(new Set(gazetteer.places.map((p) => p.id)).size).toBe(gazetteer.places.length);
    expect(byId("country:TJK")).toMatchObject({ name: "Tajikistan", kind: "country", country: "TJK" });
    expect(byId("capital:dushanbe")).toMatchObject({ kind: "capital", country: "TJK" });
  });

  it("has coordinates where the brief and the map put them", () => {
    const at = (id: string): [number, number] => [byId(id).lat!, byId(id).lon!];
    expect(km(at("capital:kabul"), [34.53, 69.17])).toBeLessThan(5);
    expect(km(at("capital:dushanbe"), [38.56, 68.77])).toBeLessThan(5);
    expect(km(at("city:termez"), [37.22, 67.28])).toBeLessThan(5);
    // Hairatan faces Termez across the Amu Darya, at the Friendship Bridge.
    expect(km(at("city:hairatan"), at("city:termez"))).toBeLessThan(20);
    expect(km(at("site:kabul-airport"), at("capital:kabul"))).toBeLessThan(10);
    expect(km(at("base:bagram"), at("capital:kabul"))).toBeLessThan(70);
    expect(km(at("city:khorog"), at("region:gorno-badakhshan"))).toBeLessThan(1);
  });

  it("puts every place with exact coordinates inside the reach of its country", () => {
    // Reach: 2.5 times the side of a square of the country's area, at least 600 km; catches swapped or mistyped figures.
    const reach = new Map(
      countries.map((c) => [c.cca3, { at: c.latlng, km: Math.max(600, 2.5 * Math.sqrt(c.area)) }]),
    );
    const far = gazetteer.places
      .filter((p) => p.country && p.lat !== null && p.lon !== null && p.kind !== "country")
      .filter((p) => {
        const r = reach.get(p.country!)!;
        return km([p.lat!, p.lon!], [r.at[0], r.at[1]]) > r.km;
      })
      .map((p) => p.id);
    expect(far).toEqual([]);
  });
});

describe("findPlaces", () => {
  const brief = (s: string) => findPlaces(s).map((m) => [m.text, m.id, m.prepositional]);

  it("finds names token by token, longest first, with their flags", () => {
    expect(brief("Russian tanks moved to the Tajikistan-Afghanistan border near Termez.")).toEqual([
      ["Tajikistan", "country:TJK", true],
      ["Afghanistan", "country:AFG", true],
      ["Termez", "city:termez", true],
    ]);
    expect(brief("Clashes spread from Badakhshan to Gorno-Badakhshan.")).toEqual([
      ["Badakhshan", "region:badakhshan", true],
      ["Gorno-Badakhshan", "region:gorno-badakhshan", true],
    ]);
  });

  it("tells capitals as subjects from places after a preposition", () => {
    expect(brief("Moscow offered aid to Kabul.")).toEqual([
      ["Moscow", "capital:moscow", false],
      ["Kabul", "capital:kabul", true],
    ]);
    expect(brief("Washington refused to take part in the talks.")).toEqual([
      ["Washington", "capital:washington-d-c", false],
    ]);
  });

  it("shares the flag along lists joined by and/or, not along a bare comma", () => {
    expect(brief("Fighting raged in Kunduz, Takhar and Badakhshan.").map((m) => m[2])).toEqual([
      true,
      true,
      true,
    ]);
    expect(brief("In Kabul, Moscow says, the talks stalled.")).toEqual([
      ["Kabul", "capital:kabul", true],
      ["Moscow", "capital:moscow", false],
    ]);
  });

  it("reads possessives, hyphenated names, periods and The", () => {
    expect(brief("The Taliban seized Mazar-i-Sharif and Kabul's airport.")).toEqual([
      ["Mazar-i-Sharif", "city:mazar-i-sharif", false],
      ["Kabul's airport", "site:kabul-airport", false],
    ]);
    expect(brief("Envoys of the U.S. met in the Hague.")).toEqual([
      ["U.S.", "country:USA", false],
      ["the Hague", "city:the-hague", true],
    ]);
    expect(brief("Talks opened in Russia's Black Sea resort of Sochi.")).toEqual([
      ["Russia", "country:RUS", false],
      ["Black Sea", "region:black-sea", true],
      ["Sochi", "city:sochi", true],
    ]);
  });

  it("treats 'on' as a location only before a border or on a river", () => {
    expect(brief("The ministers talked on Afghanistan in St. Petersburg.")).toEqual([
      ["Afghanistan", "country:AFG", false],
      ["St. Petersburg", "city:st-petersburg", true],
    ]);
    expect(brief("Boats were seen on the Panj and on the Tajik side.")).toEqual([
      ["Panj", "river:panj", true],
    ]);
    expect(brief("Guards on the Tajikistan border fired.")).toEqual([["Tajikistan", "country:TJK", true]]);
  });

  it("does not locate a place that modifies what follows", () => {
    const flags = (s: string) => brief(s).map((m) => m[2]);
    expect(flags("Blair spoke to UK Prime Minister Brown and to Iraq's future leaders.")).toEqual([
      false,
      false,
    ]);
    expect(flags("Profits rose at US media giant TimeWarner in London.")).toEqual([false, true]);
  });

  it("locates 'north of', 'the outskirts of', not 'the president of'", () => {
    expect(brief("Bagram lies north of Kabul.")[1][2]).toBe(true);
    expect(brief("Shelling hit the outskirts of Kunduz.")[0][2]).toBe(true);
    expect(brief("He is the president of Tajikistan.")[0][2]).toBe(false);
  });

  it("matches case for capitalised names and whole words only", () => {
    expect(brief("They ate turkey and a chad of paper in Oshkosh.")).toEqual([]);
    expect(brief("Police in Osh detained two men.")).toEqual([["Osh", "city:osh", true]]);
  });

  it("marks approximate positions and keeps unknown ones null", () => {
    const [range] = findPlaces("The drills were held at the Harb-Maidon training ground.");
    expect(range).toMatchObject({ id: "site:harb-maidon", approximate: true, prepositional: true });
    const [momirak] = findPlaces("Units trained at Momirak.");
    expect(momirak).toMatchObject({ lat: null, lon: null, country: "TJK" });
  });

  it("shifts offsets and converts to the record's location", () => {
    const text = "First sentence. Troops arrived in Dushanbe.";
    const start = text.indexOf("Troops");
    const [m] = findPlaces(text.slice(start), start);
    expect(text.slice(m.start, m.end)).toBe("Dushanbe");
    expect(toEventLocation(m)).toEqual({
      name: "Dushanbe",
      country: "TJK",
      lat: 38.56,
      lon: 68.77,
      start: m.start,
      end: m.end,
    });
  });

  it("exposes the preposition test on its own", () => {
    const s = "The base near Kulob was inspected.";
    expect(placeOfPrepositionalPhrase(s, s.indexOf("Kulob"))).toBe(true);
    expect(placeOfPrepositionalPhrase("Kulob hosts the base.", 0)).toBe(false);
  });
});

describe("loadGazetteer", () => {
  const place = { id: "city:a", name: "Alpha", aliases: [], country: null, lat: 1, lon: 2, kind: "city" };

  it("names the file and field that is wrong", () => {
    const dir = mkdtempSync(join(tmpdir(), "dyad-places-"));
    writeFileSync(
      join(dir, "bad.json"),
      JSON.stringify({ name: "x", version: "1", places: [{ ...place, lat: 123 }] }),
    );
    expect(() => loadGazetteer(dir)).toThrow(/bad\.json: places\.0\.lat/);
  });

  it("refuses one alias for two places, across files", () => {
    const dir = mkdtempSync(join(tmpdir(), "dyad-places-"));
    writeFileSync(join(dir, "a.json"), JSON.stringify({ name: "a", version: "1", places: [place] }));
    const twin = { ...place, id: "city:b", name: "Beta", aliases: ["Alpha"] };
    writeFileSync(join(dir, "b.json"), JSON.stringify({ name: "b", version: "1", places: [twin] }));
    expect(() => loadGazetteer(dir)).toThrow(DataFileError);
    expect(() => loadGazetteer(dir)).toThrow(/b\.json: city:b: "Alpha" already names city:a/);
  });
});

const seeds = resolve(__dirname, "../../../shared/corpus/seeds");

describe.skipIf(!existsSync(seeds))("seed articles", () => {
  it("finds the places the seeds are about", () => {
    const found = new Set<string>();
    for (const f of readdirSync(seeds)) {
      for (const line of readFileSync(join(seeds, f), "utf8").split("\n"))
        for (const m of findPlaces(line)) found.add(m.id);
    }
    for (const id of [
      "capital:kabul",
      "capital:dushanbe",
      "city:sochi",
      "capital:oslo",
      "country:TJK",
      "country:SYR",
    ]) {
      expect(found).toContain(id);
    }
  });
});
