import { describe, expect, it } from "vitest";
import { findQuantities } from "./quantities.js";

type Row = [sentence: string, expected: Array<[text: string, value: number, unit: string]>];

// biome-ignore format: one fixture a line reads as a table
const FIXTURES: Row[] = [
  ["The base received three T-72B1 tanks last month.", [["three T-72B1 tanks", 3, "tanks"]]],
  ["Moscow delivered nine armored vehicles to the border unit.", [["nine armored vehicles", 9, "vehicles"]]],
  ["The battery fields three D-30 howitzers.", [["three D-30 howitzers", 3, "howitzers"]]],
  ["The aid package was valued at over $122 million.", [["$122 million", 122_000_000, "USD"]]],
  ["Brussels pledged €5 billion for reconstruction.", [["€5 billion", 5_000_000_000, "EUR"]]],
  ["The contract is worth 1.5 bln rubles.", [["1.5 bln rubles", 1_500_000_000, "RUB"]]],
  ["Over 300 people gathered outside the embassy.", [["300 people", 300, "people"]]],
  ["About 9 thousand Afghans have crossed the river.", [["9 thousand Afghans", 9000, "Afghans"]]],
  ["The party won 188 counties in the vote.", [["188 counties", 188, "counties"]]],
  ["Roughly a thousand Tajik military train at the base each year.", [["a thousand Tajik military", 1000, "military"]]],
  ["This year 560 Tajik cadets study in Russian schools.", [["560 Tajik cadets", 560, "cadets"]]],
  ["The alliance moved 5,000 troops to the frontier.", [["5,000 troops", 5000, "troops"]]],
  ["Two battalions were sent to the pass.", [["Two battalions", 2, "battalions"]]],
  ["Since 2001, more than 3,000 US troops have died there.", [["3,000 US troops", 3000, "troops"]]],
  ["The Americans left weapons worth 850 billion dollars.", [["850 billion dollars", 850_000_000_000, "USD"]]],
  ["The firm will pay $1m (£522,000) to its former chief.", [["$1m", 1_000_000, "USD"], ["£522,000", 522_000, "GBP"]]],
  ["Turnout fell to 43 percent, and support to 38% in the north.", [["43 percent", 43, "percent"], ["38%", 38, "percent"]]],
  ["Delegations from ten other countries took part.", [["ten other countries", 10, "countries"]]],
  ["The blast left twenty-five soldiers dead.", [["twenty-five soldiers", 25, "soldiers"]]],
  ["Police said 12 killed and 30 wounded in the attack.", [["12 killed", 12, "killed"], ["30 wounded", 30, "wounded"]]],
  ["A dozen fighters surrendered on Tuesday.", [["A dozen fighters", 12, "fighters"]]],
  ["Some 2000 police patrol the city.", [["2000 police", 2000, "police"]]],
  ["The convoy drove 40km to the pass.", [["40km", 40, "km"]]],
  ["Kyiv asked for five Su-25s and two million doses.", [["five Su-25s", 5, "Su-25s"], ["two million doses", 2_000_000, "doses"]]],
  ["The loan of USD 5 million was approved.", [["USD 5 million", 5_000_000, "USD"]]],
  ["The catfish weighed 280 pounds, and the prize was 500 pounds sterling.", [["280 pounds", 280, "pounds"], ["500 pounds sterling", 500, "GBP"]]],
  ["Gunmen seized five Iraqis and two Pakistanis at the crossing.", [["five Iraqis", 5, "Iraqis"], ["two Pakistanis", 2, "Pakistanis"]]],
  ["Tajikistan's 560 cadets graduated.", [["560 cadets", 560, "cadets"]]],
  // Not quantities.
  ["Fox 10 News reported the arrest, and News 9 reports more.", []],
  ["Read 16 Tips Every Reader Needs before the crisis talks.", []],
  ["Twenty-one-year-old Dylan Thomas says he was on holiday.", []],
  ["Several Mi-24 and Mi-8 helicopters flew over the 201st base.", []],
  ["Dozens of protesters and hundreds of police filled the square.", []],
  ["Putin addressed the 43rd meeting on Dec.19, 2017.", []],
  ["The 2018 delegation arrived on December 22 for 2+2 talks.", []],
  ["The country's 16-year war and a 20-year lease were discussed.", []],
  ["He was 20 years old when the war began six months ago.", []],
  ["The Combat Brotherhood 2017 exercise ended on 5 March.", []],
  ["Resolution 2254 was adopted at 10:30 after the 9/11 debate.", []],
  ["One of the envoys met the Big Three in the 1990s.", []],
  ["The score was 3-1 and the BTR-80 stayed on the G20 agenda.", []],
];

const brief = (sentence: string) => findQuantities(sentence).map((q) => [q.text, q.value, q.unit]);

describe("findQuantities", () => {
  it.each(FIXTURES)("%s", (sentence, expected) => {
    expect(brief(sentence)).toEqual(expected);
  });

  it("shifts offsets by the sentence's start and quotes the text", () => {
    const text = "Intro sentence. Moscow delivered nine armored vehicles.";
    const start = text.indexOf("Moscow");
    const [q] = findQuantities(text.slice(start), start);
    expect(q).toMatchObject({ value: 9, unit: "vehicles" });
    expect(text.slice(q.start, q.end)).toBe(q.text);
  });

  it("returns nothing for sentences without numbers", () => {
    expect(findQuantities("The talks ended without a deal.")).toEqual([]);
  });
});
