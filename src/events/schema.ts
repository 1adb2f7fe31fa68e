/**
 * The schema of event pattern files (dictionaries/patterns/*.json). A pattern
 * is a trigger lemma (a verb or a noun) with optional constraints on the words
 * around it, the PLOVER type, mode and contexts it yields, how its actor and
 * recipient are found, and examples that double as tests.
 */
import { z } from "zod";
import { EVENT_TYPES } from "../model/event.js";

/** How a role is found relative to the trigger. */
export const ROLE_SLOTS = [
  /** The grammatical subject: nearest actor to the left in the clause (or the by-agent when passive). */
  "subject",
  /** The first actor after the trigger not introduced by a preposition. */
  "object",
  /** A possessive right before a nominal trigger: "Russia's aid". */
  "possessive",
  /** "of X" right after a nominal trigger: "the withdrawal of US troops". */
  "of",
  /** "between X and Y" after a nominal trigger: first X (actor), then Y (recipient). */
  "between",
] as const;

/** A recipient slot is a role slot or a preposition after the trigger ("prep:to", "prep:with"). */
const slot = z.union([z.enum(ROLE_SLOTS), z.string().regex(/^prep:[a-z]+$/, 'a slot or "prep:<word>"')]);

export const patternExampleSchema = z
  .object({
    text: z.string().min(1),
    /** Expected actor and recipient: ISO3 for states, canonical names otherwise; null for none. */
    actor: z.string().nullable(),
    recipient: z.string().nullable(),
    /** Expected modality, when the example tests it. */
    modality: z.enum(["asserted", "negated", "future", "hypothetical"]).optional(),
  })
  .strict();

export const patternSchema = z
  .object({
    id: z.string().regex(/^[A-Z]+\.[a-z0-9_.-]+$/, "TYPE.name, e.g. AID.supply_weapons"),
    event: z.enum(EVENT_TYPES),
    mode: z.string().nullable().default(null),
    context: z.array(z.string()).default([]),
    /** Trigger lemmas (lower case, as wink-nlp lemmatises: "meet", "talk", "withdrawal"). */
    lemmas: z.array(z.string().min(1)).min(1),
    /** VERB matches verbs (and AUX); NOUN matches nouns (nominal events). */
    pos: z.enum(["VERB", "NOUN"]),
    /** Words (lower case) that must follow the trigger at once: "call for", "pull out", "set up". */
    particle: z.array(z.string()).optional(),
    /** At least one of these lemmas must occur in the few words after the trigger (its object). */
    object: z.array(z.string()).optional(),
    /** An actor named right after the trigger also meets `object` ("hit Tel Aviv", "shelled Donetsk"). */
    objectActor: z.boolean().optional(),
    /** None of these lemmas may occur in the few words after the trigger. */
    notObject: z.array(z.string()).optional(),
    /**
     * None of these words may come right after the trigger (and its particle), an adverb
     * skipped: "left for Paris" is travel, while "left Afghanistan for good" is a withdrawal.
     */
    notNext: z.array(z.string()).optional(),
    /** How far (tokens) `object` and `notObject` look after the trigger; default 6. */
    window: z.number().int().min(1).max(15).optional(),
    /** Slots tried in order for the actor; default ["subject"] (verbs) or ["possessive","of","subject"] (nouns). */
    actor: z.array(slot).optional(),
    /** Slots tried in order for the recipient; default ["object","prep:to","prep:with","prep:against","prep:on"]. */
    recipient: z.array(slot).optional(),
    /**
     * The act is mutual by its nature ("exchanged fire", "established relations"): coordinated
     * actors with no recipient act on each other, one record per direction.
     */
    mutual: z.boolean().optional(),
    /**
     * The one who says it acts, on the trigger's subject: "Pompeo said the WHO must reform" is a
     * request from Pompeo to the WHO. No speaker, no record.
     */
    speakerActs: z.boolean().optional(),
    /**
     * Done with a partner ("drills with Belarus") or by two coordinated sides, the act is joint
     * action between them (COOPERATE), not one side's show of force.
     */
    jointWithPartner: z.boolean().optional(),
    /** True when the type allows no recipient and none is looked for (MOBILIZE). */
    noRecipient: z.boolean().optional(),
    /**
     * The trigger's subject receives rather than acts ("Tajikistan received tanks"):
     * the subject becomes the recipient and the actor comes from "from X".
     */
    subjectIsRecipient: z.boolean().optional(),
    /** Higher wins when two patterns fire on the same trigger; more constraints win ties. */
    priority: z.number().int().default(0),
    examples: z.array(patternExampleSchema).default([]),
    note: z.string().optional(),
  })
  .strict();

export const patternFileSchema = z
  .object({
    name: z.string().min(1),
    version: z.string().min(1),
    description: z.string().optional(),
    patterns: z.array(patternSchema),
  })
  .strict();

export type Pattern = z.infer<typeof patternSchema>;
export type PatternFile = z.infer<typeof patternFileSchema>;
export type PatternExample = z.infer<typeof patternExampleSchema>;
