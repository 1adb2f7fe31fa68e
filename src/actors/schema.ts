/**
 * The schema of the actor dictionary files in dictionaries/actors/. Knowledge
 * lives in those files; this module only says what a valid file looks like.
 */
import { z } from "zod";
import { ACTOR_KINDS } from "../model/actor.js";

const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "a date as YYYY, YYYY-MM or YYYY-MM-DD");
const iso3 = z.string().regex(/^[A-Z]{3}$/, "an ISO 3166-1 alpha-3 code");
const sector = z.string().regex(/^[A-Z]{3}$/, "a PLOVER sector code such as GOV, MIL, REB");

export const affiliationSchema = z.object({ id: z.string().min(1), name: z.string().min(1) }).strict();

/**
 * A span of time in which an actor has one identity: the Taliban are AFG REB
 * until 2021-08-14 and AFG GOV from 2021-08-15; a person holds an office from
 * one date to another. Open ends are null or absent.
 */
export const periodSchema = z
  .object({
    from: isoDate.nullable().optional(),
    until: isoDate.nullable().optional(),
    /** Office held, for people: "President", "Foreign Minister". */
    title: z.string().optional(),
    kind: z.enum(ACTOR_KINDS).optional(),
    country: iso3.nullable().optional(),
    sector: sector.nullable().optional(),
    affiliation: affiliationSchema.nullable().optional(),
  })
  .strict();

/**
 * Context rules for names that are also common words or other things
 * ("Turkey", "Chad", "Georgia"): a match is dropped when the token right
 * before or after (lower case) is in these lists.
 */
export const ambiguitySchema = z
  .object({
    rejectBefore: z.array(z.string()).default([]),
    rejectAfter: z.array(z.string()).default([]),
    /** Drop the match when it is part of a longer run of proper nouns (a person's name). */
    rejectInNameRun: z.boolean().default(true),
  })
  .strict();

export const actorEntrySchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_.:-]+$/, "letters, digits and _ . : - only"),
    name: z.string().min(1),
    kind: z.enum(ACTOR_KINDS),
    country: iso3.nullable().default(null),
    sector: sector.nullable().default(null),
    affiliation: affiliationSchema.nullable().optional(),
    /** Surface forms, matched token by token; an alias with capitals must match case. */
    aliases: z.array(z.string().min(1)).min(1),
    /** States: adjectives and nationality nouns ("Russian", "Tajik", "Afghans"). */
    demonyms: z.array(z.string().min(1)).optional(),
    /** States: capitals and seats of power that stand for the government ("Moscow", "the Kremlin"). */
    metonyms: z.array(z.string().min(1)).optional(),
    periods: z.array(periodSchema).optional(),
    /**
     * A collective that stands for its members ("the Central Asian republics"):
     * a mention of it is a mention of each member (ids of other entries).
     */
    members: z.array(z.string().min(1)).optional(),
    ambiguous: ambiguitySchema.optional(),
    /** A short note for analysts; not used by the code. */
    note: z.string().optional(),
  })
  .strict();

export const actorFileSchema = z
  .object({
    /** Name of this part of the dictionary ("states", "people"). */
    name: z.string().min(1),
    version: z.string().min(1),
    description: z.string().optional(),
    entries: z.array(actorEntrySchema),
  })
  .strict();

/**
 * Role nouns: what "the Tajik army", "Russian diplomats" or "Uzbek extremists"
 * resolve to when a demonym or state name stands before them.
 */
export const roleSchema = z
  .object({
    /** Lower-case word sequences ("foreign minister", "army", "border guards"). */
    words: z.array(z.string().min(1)).min(1),
    /** Null for honorifics ("Mr", "Mullah") that say nothing of the office. */
    sector: sector.nullable(),
    /** Kind of the resulting actor; default: the state's own (a role of a state). */
    kind: z.enum(ACTOR_KINDS).optional(),
    /** True when the role names a person ("president"), false for a body ("army"). */
    person: z.boolean().default(false),
  })
  .strict();

export const roleFileSchema = z
  .object({
    name: z.string().min(1),
    version: z.string().min(1),
    description: z.string().optional(),
    roles: z.array(roleSchema),
  })
  .strict();

export type ActorEntry = z.infer<typeof actorEntrySchema>;
export type ActorFile = z.infer<typeof actorFileSchema>;
export type Period = z.infer<typeof periodSchema>;
export type Role = z.infer<typeof roleSchema>;
export type RoleFile = z.infer<typeof roleFileSchema>;
