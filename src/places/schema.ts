/**
 * The schema of the gazetteer files in dictionaries/places/: places.json
 * (generated from world-countries by scripts/gen-places.mjs) and
 * places-extra.json (kept by hand: regions, cities, rivers, bases).
 */
import { z } from "zod";

export const PLACE_KINDS = ["country", "capital", "city", "region", "river", "base", "site"] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

const iso3 = z.string().regex(/^[A-Z]{3}$/, "an ISO 3166-1 alpha-3 code");

export const placeSchema = z
  .object({
    /** "<kind>:<name>", e.g. "country:TJK", "city:termez". */
    id: z.string().regex(/^[a-z]+:[A-Za-z0-9_-]+$/, "kind:name with letters, digits, _ and - only"),
    name: z.string().min(1),
    /** Other surface forms, matched token by token; capitalised tokens must match case. */
    aliases: z.array(z.string().min(1)).default([]),
    /** The state the place lies in; null for what spans several (a border river, a valley). */
    country: iso3.nullable(),
    /** Null when the place is known by name and country only (a training ground never surveyed). */
    lat: z.number().min(-90).max(90).nullable(),
    lon: z.number().min(-180).max(180).nullable(),
    kind: z.enum(PLACE_KINDS),
    /** True when the coordinates only locate the area (a training ground known to a district). */
    approximate: z.boolean().optional(),
    /** A short note for analysts; not used by the code. */
    note: z.string().optional(),
  })
  .strict();

export const placeFileSchema = z
  .object({
    name: z.string().min(1),
    version: z.string().min(1),
    description: z.string().optional(),
    places: z.array(placeSchema),
  })
  .strict();

export type Place = z.infer<typeof placeSchema>;
export type PlaceFile = z.infer<typeof placeFileSchema>;
