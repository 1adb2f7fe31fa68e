#!/usr/bin/env node
/**
 * Writes dictionaries/places/places.json: every country and territory of
 * world-countries (names, English alternative spellings, centroid) and the
 * capitals of the independent ones. world-countries gives no capital
 * coordinates, so they are kept below by hand (decimal degrees, city centre,
 * 2 decimals). Run once after a world-countries update:
 *   node scripts/gen-places.mjs
 * Regions, cities, rivers and bases are in places-extra.json, kept by hand.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import countries from "world-countries";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "dictionaries", "places", "places.json");
const wcVersion = JSON.parse(
  readFileSync(join(root, "node_modules", "world-countries", "package.json"), "utf8"),
).version;

/** cca3 -> [lat, lon] of the capital world-countries names first. */
const CAPITALS = {
  AFG: [34.53, 69.17],
  AGO: [-8.84, 13.23],
  ALB: [41.33, 19.82],
  AND: [42.51, 1.52],
  ARE: [24.45, 54.38],
  ARG: [-34.6, -58.38],
  ARM: [40.18, 44.51],
  ATG: [17.12, -61.85],
  AUS: [-35.28, 149.13],
  AUT: [48.21, 16.37],
  AZE: [40.41, 49.87],
  BDI: [-3.43, 29.93],
  BEL: [50.85, 4.35],
  BEN: [6.5, 2.63],
  BFA: [12.37, -1.52],
  BGD: [23.81, 90.41],
  BGR: [42.7, 23.32],
  BHR: [26.23, 50.59],
  BHS: [25.05, -77.34],
  BIH: [43.86, 18.41],
  BLR: [53.9, 27.57],
  BLZ: [17.25, -88.77],
  BOL: [-19.04, -65.26],
  BRA: [-15.79, -47.88],
  BRB: [13.1, -59.61],
  BRN: [4.94, 114.95],
  BTN: [27.47, 89.64],
  BWA: [-24.65, 25.91],
  CAF: [4.39, 18.56],
  CAN: [45.42, -75.7],
  CHE: [46.95, 7.45],
  CHL: [-33.45, -70.67],
  CHN: [39.9, 116.41],
  CIV: [6.83, -5.29],
  CMR: [3.85, 11.5],
  COD: [-4.32, 15.31],
  COG: [-4.27, 15.27],
  COL: [4.71, -74.07],
  COM: [-11.7, 43.26],
  CPV: [14.93, -23.51],
  CRI: [9.93, -84.08],
  CUB: [23.11, -82.37],
  CYP: [35.17, 33.36],
  CZE: [50.08, 14.44],
  DEU: [52.52, 13.4],
  DJI: [11.59, 43.15],
  DMA: [15.3, -61.39],
  DNK: [55.68, 12.57],
  DOM: [18.49, -69.93],
  DZA: [36.75, 3.06],
  ECU: [-0.18, -78.47],
  EGY: [30.04, 31.24],
  ERI: [15.32, 38.93],
  ESP: [40.42, -3.7],
  EST: [59.44, 24.75],
  ETH: [9.03, 38.74],
  FIN: [60.17, 24.94],
  FJI: [-18.14, 178.44],
  FRA: [48.86, 2.35],
  FSM: [6.92, 158.16],
  GAB: [0.42, 9.47],
  GBR: [51.51, -0.13],
  GEO: [41.72, 44.79],
  GHA: [5.6, -0.19],
  GIN: [9.64, -13.58],
  GMB: [13.45, -16.58],
  GNB: [11.86, -15.6],
  GNQ: [3.75, 8.78],
  GRC: [37.98, 23.73],
  GRD: [12.06, -61.75],
  GTM: [14.63, -90.51],
  GUY: [6.8, -58.16],
  HND: [14.07, -87.19],
  HRV: [45.81, 15.98],
  HTI: [18.54, -72.34],
  HUN: [47.5, 19.04],
  IDN: [-6.21, 106.85],
  IND: [28.61, 77.21],
  IRL: [53.35, -6.26],
  IRN: [35.69, 51.39],
  IRQ: [33.32, 44.37],
  ISL: [64.15, -21.94],
  ISR: [31.77, 35.21],
  ITA: [41.9, 12.5],
  JAM: [17.97, -76.79],
  JOR: [31.95, 35.93],
  JPN: [35.68, 139.69],
  KAZ: [51.17, 71.45],
  KEN: [-1.29, 36.82],
  KGZ: [42.87, 74.59],
  KHM: [11.56, 104.92],
  KIR: [1.33, 172.98],
  KNA: [17.3, -62.72],
  KOR: [37.57, 126.98],
  KWT: [29.38, 47.99],
  LAO: [17.98, 102.63],
  LBN: [33.89, 35.5],
  LBR: [6.3, -10.8],
  LBY: [32.89, 13.19],
  LCA: [14.01, -60.99],
  LIE: [47.14, 9.52],
  LKA: [6.93, 79.86],
  LSO: [-29.31, 27.48],
  LTU: [54.69, 25.28],
  LUX: [49.61, 6.13],
  LVA: [56.95, 24.11],
  MAR: [34.02, -6.83],
  MCO: [43.74, 7.42],
  MDA: [47.01, 28.86],
  MDG: [-18.88, 47.51],
  MDV: [4.18, 73.51],
  MEX: [19.43, -99.13],
  MHL: [7.09, 171.38],
  MKD: [42.0, 21.43],
  MLI: [12.64, -8.0],
  MLT: [35.9, 14.51],
  MMR: [19.76, 96.08],
  MNE: [42.44, 19.26],
  MNG: [47.89, 106.91],
  MOZ: [-25.97, 32.57],
  MRT: [18.08, -15.98],
  MUS: [-20.16, 57.5],
  MWI: [-13.96, 33.79],
  MYS: [3.14, 101.69],
  NAM: [-22.56, 17.08],
  NER: [13.51, 2.11],
  NGA: [9.08, 7.4],
  NIC: [12.11, -86.24],
  NLD: [52.37, 4.9],
  NOR: [59.91, 10.75],
  NPL: [27.72, 85.32],
  NRU: [-0.55, 166.92],
  NZL: [-41.29, 174.78],
  OMN: [23.59, 58.41],
  PAK: [33.68, 73.05],
  PAN: [8.98, -79.52],
  PER: [-12.05, -77.04],
  PHL: [14.6, 120.98],
  PLW: [7.5, 134.62],
  PNG: [-9.44, 147.18],
  POL: [52.23, 21.01],
  PRK: [39.04, 125.76],
  PRT: [38.72, -9.14],
  PRY: [-25.26, -57.58],
  QAT: [25.29, 51.53],
  ROU: [44.43, 26.1],
  RUS: [55.76, 37.62],
  RWA: [-1.95, 30.06],
  SAU: [24.71, 46.68],
  SDN: [15.5, 32.56],
  SEN: [14.72, -17.47],
  SGP: [1.29, 103.85],
  SLB: [-9.43, 159.95],
  SLE: [8.48, -13.23],
  SLV: [13.69, -89.22],
  SMR: [43.94, 12.45],
  SOM: [2.05, 45.32],
  SRB: [44.79, 20.45],
  SSD: [4.85, 31.58],
  STP: [0.34, 6.73],
  SUR: [5.85, -55.2],
  SVK: [48.15, 17.11],
  SVN: [46.06, 14.51],
  SWE: [59.33, 18.07],
  SWZ: [-26.45, 31.21],
  SYR: [33.51, 36.29],
  TCD: [12.13, 15.06],
  TGO: [6.13, 1.22],
  THA: [13.76, 100.5],
  TJK: [38.56, 68.77],
  TKM: [37.96, 58.33],
  TLS: [-8.56, 125.56],
  TON: [-21.14, -175.2],
  TTO: [10.66, -61.51],
  TUN: [36.81, 10.18],
  TUR: [39.93, 32.86],
  TUV: [-8.52, 179.2],
  TZA: [-6.16, 35.75],
  UGA: [0.35, 32.58],
  UKR: [50.45, 30.52],
  URY: [-34.9, -56.16],
  USA: [38.9, -77.04],
  UZB: [41.3, 69.24],
  VAT: [41.9, 12.45],
  VCT: [13.16, -61.22],
  VEN: [10.49, -66.88],
  VNM: [21.03, 105.85],
  VUT: [-17.73, 168.32],
  WSM: [-13.83, -171.76],
  YEM: [15.37, 44.19],
  ZAF: [-25.75, 28.19],
  ZMB: [-15.39, 28.32],
  ZWE: [-17.83, 31.05],
  TWN: [25.03, 121.57],
  PSE: [31.9, 35.2],
  UNK: [42.66, 21.17],
};

/** English names news uses that world-countries lacks. */
const EXTRA_ALIASES = {
  USA: ["U.S.", "U.S.A."],
  GBR: ["Britain", "U.K."],
  TUR: ["Turkey"],
  CZE: ["Czech Republic"],
  BIH: ["Bosnia"],
  PSE: ["Palestinian territories"],
  KAZ: ["Kazakstan"],
  KGZ: ["Kirghizia"],
  VAT: ["Holy See"],
  CPV: ["Cabo Verde"],
};
const CAPITAL_ALIASES = {
  KAZ: ["Nur-Sultan", "Akmola"],
  UKR: ["Kiev"],
  USA: ["Washington", "Washington, D.C.", "Washington DC"],
  MNG: ["Ulaanbaatar"],
  MMR: ["Nay Pyi Taw", "Naypyitaw"],
  YEM: ["Sanaa"],
  IRN: ["Teheran"],
  CHE: ["Berne"],
  TKM: ["Ashkhabad"],
  KGZ: ["Frunze"],
  IND: ["Delhi"],
  SMR: ["San Marino city"],
};
/**
 * Spellings left out: one of two countries ("Congo"), or first a common word,
 * adjective, surname or airline in English text ("Island", "Thai", "Mann", "Emirates").
 */
const DROP = new Set(
  (
    "Congo Saudi Emirates Timor Lao Korea Island Mann Mannin Thai Togolese Portuguesa Mexicanos Prathet " +
    "Dominique Male Viti Guiana"
  ).split(" "),
);
/** Upper-case spellings that are real names in English text, not ISO codes. */
const ACRONYMS = new Set(["US", "USA", "UK", "UAE", "DRC", "DPRK", "PRC", "ROC"]);
/** Capitals left out: names of many places ("Victoria", "Kingston" of Norfolk Island is not Jamaica's). */
const SKIP_CAPITAL = new Set(["SYC"]);

const stripAccents = (s) => s.normalize("NFD").replace(/\p{M}/gu, "");
const slug = (s) =>
  stripAccents(s)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

function usable(alias) {
  if (DROP.has(alias) || alias.includes(",") || alias.includes("(")) return false;
  if (!/^[\x20-\x7e]+$/.test(stripAccents(alias))) return false; // other scripts
  if (!/^\p{Lu}/u.test(alias)) return false; // "ilaṅkai", "weSwatini": transliterations, not English
  if (/^[A-Z]{2,4}$/.test(alias)) return ACRONYMS.has(alias);
  return alias.length >= 3;
}

/** Names plus accent-free forms ("Brasília" -> "Brasilia"), without repeats or the name itself. */
function aliasesOf(name, candidates) {
  const all = new Set();
  for (const a of [name, ...candidates]) {
    if (!usable(a)) continue;
    all.add(a);
    all.add(stripAccents(a));
  }
  all.delete(name);
  return [...all];
}

const places = [];
const taken = new Set();
for (const c of countries) {
  const sovereign = c.independent || c.unMember || ["TWN", "PSE", "UNK"].includes(c.cca3);
  const names = [c.name.official, ...c.altSpellings, ...(EXTRA_ALIASES[c.cca3] ?? [])];
  const aliases = aliasesOf(c.name.common, names);
  places.push({
    id: `country:${c.cca3}`,
    name: c.name.common,
    aliases,
    country: c.cca3,
    lat: c.latlng[0],
    lon: c.latlng[1],
    kind: sovereign ? "country" : "region",
  });
  for (const a of [c.name.common, ...aliases]) taken.add(a);
}
for (const c of countries) {
  const coords = CAPITALS[c.cca3];
  const name = c.capital[0];
  if (!coords || !name || SKIP_CAPITAL.has(c.cca3)) continue;
  if (taken.has(name)) continue; // city-states: "Singapore", "Monaco" are the country's entry
  places.push({
    id: `capital:${slug(name)}`,
    name,
    aliases: aliasesOf(name, CAPITAL_ALIASES[c.cca3] ?? []).filter((a) => !taken.has(a)),
    country: c.cca3,
    lat: coords[0],
    lon: coords[1],
    kind: "capital",
  });
}
const missing = Object.keys(CAPITALS).filter((k) => !countries.some((c) => c.cca3 === k));
if (missing.length) throw new Error(`capital coordinates for unknown codes: ${missing.join(" ")}`);

const file = {
  name: "countries",
  version: `1.0.0+world-countries.${wcVersion}`,
  description:
    "Generated by scripts/gen-places.mjs from world-countries; capital coordinates kept in the script.",
  places,
};
// One place a line: diffs of a regenerated file show what changed.
const head = JSON.stringify({ ...file, places: undefined }).slice(0, -1);
const body = places.map((p) => `  ${JSON.stringify(p)}`).join(",\n");
writeFileSync(out, `${head}, "places": [\n${body}\n]}\n`);
console.log(`${out}: ${places.length} places`);
