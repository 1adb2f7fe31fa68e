import { describe, expect, it } from "vitest";
import { mentionDocument } from "../../test/mention-fixture.js";
import type { Document } from "../model/document.js";

/** Run segmentation and the actor stage over one clean English paragraph. */
const mentionsOf = (text: string, published: string | null = "2021-07-10"): Document =>
  mentionDocument(text, published);

const brief = (doc: Document) =>
  doc.mentions.map((m) => `${m.text} => ${m.id} ${m.kind} ${m.country ?? "-"} ${m.sector ?? "-"}`);

describe("actor mentions", () => {
  it("gives 'its ambassador', 'its troops' to the state just named", () => {
    expect(
      brief(mentionsOf("Russia kept its embassy open and its ambassador met Taliban representatives.")),
    ).toContain("ambassador => RUS state RUS GOV");
    expect(brief(mentionsOf("Tajikistan said its troops were on alert."))).toContain(
      "troops => TJK.MIL state TJK MIL",
    );
  });

  it("reads 'the Afghan capital' as the government when it acts, and as a place after 'in'", () => {
    expect(brief(mentionsOf("The Afghan capital fell to the Taliban on Sunday."))[0]).toMatch(
      /^Afghan capital => AFG/,
    );
    expect(mentionsOf("Talks were held in the Russian capital.").mentions).toEqual([]);
  });

  it("knows a Chinese official later by the family name, which comes first", () => {
    const doc = mentionsOf("Chinese Foreign Minister Wang Yi met Mullah Baradar. Wang criticised the US.");
    expect(doc.mentions.find((m) => m.text === "Wang")?.id).toBe(doc.mentions[0].id);
  });

  it("reads 'US commanders' as the US military but 'Washington Commanders' as no state", () => {
    expect(brief(mentionsOf("US commanders met Taliban officials."))[0]).toMatch(
      /^US commanders => USA.MIL state USA MIL/,
    );
    expect(brief(mentionsOf("The Washington Commanders won on Sunday.")).some((m) => m.includes("USA"))).toBe(
      false,
    );
  });

  it("composes titles, demonyms and names into one person", () => {
    const doc = mentionsOf("Russian President Vladimir Putin met Tajik President Emomali Rahmon in Moscow.");
    const [putin, rahmon] = doc.mentions;
    expect(putin).toMatchObject({ text: "Russian President Vladimir Putin", kind: "person", country: "RUS" });
    expect(rahmon).toMatchObject({ text: "Tajik President Emomali Rahmon", kind: "person", country: "TJK" });
    // "in Moscow" is a place, not the Russian government.
    expect(doc.mentions).toHaveLength(2);
  });

  it("resolves a state's organs and people by role", () => {
    const doc = mentionsOf(
      "The Tajik army and Russian diplomats watched as Uzbek extremists crossed the border.",
    );
    const byText = Object.fromEntries(doc.mentions.map((m) => [m.text, m]));
    expect(byText["Tajik army"]).toMatchObject({ country: "TJK", sector: "MIL", kind: "state" });
    expect(byText["Russian diplomats"]).toMatchObject({ country: "RUS", sector: "GOV" });
    expect(byText["Uzbek extremists"]).toMatchObject({ country: "UZB", sector: "REB", kind: "armed_group" });
  });

  it("treats a capital as the government only where it acts", () => {
    const acts = mentionsOf(
      "Moscow offered to mediate, and the Kremlin said talks with Kabul would go ahead.",
    );
    expect(brief(acts)).toEqual([
      expect.stringMatching(/^Moscow => RUS state RUS GOV$/),
      expect.stringMatching(/^Kremlin => RUS state RUS GOV$/),
      expect.stringMatching(/^Kabul => AFG state AFG GOV$/),
    ]);
    const place = mentionsOf("A meeting in Moscow was held on Moscow time.");
    expect(place.mentions).toHaveLength(0);
  });

  it("finds unknown names, new people after a title, and surnames after a full mention", () => {
    const doc = mentionsOf(
      "Uzbek Deputy Foreign Minister Bakhtiyor Ergashev met Zamir Kabulov. Ergashev later called Kabulov again, and Mirwais Ahmadzai agreed.",
    );
    const ids = doc.mentions.map((m) => `${m.text}:${m.id}`);
    expect(ids[0]).toBe("Uzbek Deputy Foreign Minister Bakhtiyor Ergashev:person:bakhtiyor_ergashev");
    expect(doc.mentions[0]).toMatchObject({ country: "UZB", sector: "GOV", kind: "person" });
    expect(ids).toContain("Ergashev:person:bakhtiyor_ergashev");
    const kabulov = doc.mentions.filter((m) => m.text.includes("Kabulov"));
    expect(new Set(kabulov.map((m) => m.id)).size).toBe(1);
    expect(kabulov[0].country).toBe("RUS");
    expect(doc.mentions.find((m) => m.text === "Mirwais Ahmadzai")).toMatchObject({ kind: "unknown" });
  });

  it("resolves the Taliban against the date: insurgents before August 2021, de facto government after", () => {
    const before = mentionsOf("The Taliban attacked a checkpoint.", "2021-07-01").mentions[0];
    const after = mentionsOf("The Taliban attacked a checkpoint.", "2021-10-21").mentions[0];
    expect(before).toMatchObject({ id: "TALIBAN", country: "AFG", sector: "REB" });
    expect(after).toMatchObject({ id: "TALIBAN", country: "AFG", sector: "GOV" });
  });

  it("does not take common words or other names for states", () => {
    const doc = mentionsOf(
      "Chad Smith ate turkey with us. The Turkey dinner was fine, and Jordan Peterson spoke about Georgia O'Keeffe.",
    );
    expect(doc.mentions.filter((m) => m.kind === "state")).toEqual([]);
    const real = mentionsOf("Turkey and Jordan signed a deal with Chad and Georgia.");
    expect(real.mentions.map((m) => m.country)).toEqual(["TUR", "JOR", "TCD", "GEO"]);
  });

  it("gives a state body named by its seat or its leader to that state", () => {
    expect(brief(mentionsOf("The new authorities in Kabul will not agree."))).toContain(
      "authorities in Kabul => AFG state AFG GOV",
    );
    expect(brief(mentionsOf("The government of President Ashraf Ghani agreed.", "2019-05-01"))).toContain(
      "government of President Ashraf Ghani => AFG state AFG GOV",
    );
    // Forces in a country are often foreign: no anchor.
    expect(brief(mentionsOf("The troops in Syria were attacked.")).join(" ")).not.toContain("SYR.MIL");
  });

  it("takes an unknown name before a lower-case feature word for a place, not an actor", () => {
    expect(brief(mentionsOf("Egypt agreed to reopen the Rafah crossing on Monday."))).toEqual([
      "Egypt => EGY state EGY GOV",
    ]);
    expect(brief(mentionsOf("Soldiers imposed a curfew in Maungtaw district.")).join(" ")).not.toContain(
      "Maungtaw",
    );
  });

  it("reads 'the Clinton administration', 'the Merkel government' as the leader's state", () => {
    expect(brief(mentionsOf("The Clinton administration criticized China.", "1998-05-01"))).toContain(
      "Clinton administration => USA state USA GOV",
    );
    expect(brief(mentionsOf("The Merkel government welcomed the deal.", "2015-07-20"))).toContain(
      "Merkel government => DEU state DEU GOV",
    );
    expect(brief(mentionsOf("The Assad regime bombed Aleppo.", "2015-07-20"))).toContain(
      "Assad regime => SYR state SYR GOV",
    );
    expect(brief(mentionsOf("Maduro's government expelled diplomats.", "2019-07-20"))).toContain(
      "Maduro's government => VEN state VEN GOV",
    );
    // A surname two states' leaders have borne names neither (Santos: Angola and Colombia).
    expect(brief(mentionsOf("The Santos government criticized Russia.", "2012-03-01")).join(" ")).not.toMatch(
      /state (?:AGO|COL)/,
    );
  });

  it("reads 'a Chadian armed group', 'an Iraqi armed faction' as that country's armed group, not its state", () => {
    expect(brief(mentionsOf("A Chadian armed group attacked a camp."))).toEqual([
      "Chadian armed group => TCD.REB armed_group TCD REB",
    ]);
    expect(brief(mentionsOf("An Iraqi armed faction claimed the attack.")).join(" ")).toContain(
      "armed_group IRQ REB",
    );
  });

  it("gives fighters 'from' an armed group to that group, but not fighters from a country", () => {
    expect(brief(mentionsOf("Fighters from Hamas attacked Israeli towns.")).join(" ")).toContain(
      "Fighters from Hamas => HAMAS armed_group",
    );
    expect(brief(mentionsOf("Militants from Syria crossed into Iraq.")).join(" ")).not.toContain(
      "from Syria =>",
    );
  });

  it("reads 'Mali's junta' as Mali's government", () => {
    expect(brief(mentionsOf("Mali's junta expelled the French ambassador."))).toContain(
      "Mali's junta => MLI state MLI GOV",
    );
  });

  it("takes the name of a gathering ('Congress for National Dialogue') for no actor", () => {
    expect(
      brief(mentionsOf("Delegates met at the Congress for National Dialogue in Sochi.")).join(" "),
    ).not.toContain("Congress");
  });

  it("gives a state body or force 'from' a state or group to that side, but not people who come from it", () => {
    expect(brief(mentionsOf("A delegation from Iran arrived in Baku."))).toContain(
      "delegation from Iran => IRN state IRN GOV",
    );
    expect(brief(mentionsOf("Troops from Kazakhstan landed in Almaty."))).toContain(
      "Troops from Kazakhstan => KAZ.MIL state KAZ MIL",
    );
    expect(brief(mentionsOf("Envoys from the Taliban arrived in Doha."))).toContain(
      "Envoys from the Taliban => TALIBAN armed_group AFG REB",
    );
    expect(brief(mentionsOf("Refugees from Syria arrived in Lesbos."))).toContain(
      "Syria => SYR state SYR GOV",
    );
  });

  it("reads 'the two leaders', 'both countries', 'the parties' as the group a recent sentence named", () => {
    const doc = mentionsOf("Putin met Erdogan in Sochi on Monday. The two leaders agreed to expand trade.");
    expect(brief(doc).filter((b) => b.startsWith("The two leaders"))).toEqual([
      "The two leaders => VLADIMIR_PUTIN person RUS GOV",
      "The two leaders => RECEP_TAYYIP_ERDOGAN person TUR GOV",
    ]);
    const both = mentionsOf("India and Pakistan held talks. Both countries pledged calm.");
    expect(both.mentions.filter((m) => m.via === "coreference").map((m) => m.country)).toEqual([
      "IND",
      "PAK",
    ]);
    // No group before it: nothing to stand for.
    expect(mentionsOf("The two sides met.").mentions.filter((m) => m.via === "coreference")).toEqual([]);
  });

  it("reads title prefixes ('Vice', 'Principal Deputy Assistant') as part of the title", () => {
    expect(brief(mentionsOf("Chinese Vice Foreign Minister Luo Zhaohui arrived."))).toEqual([
      "Chinese Vice Foreign Minister Luo Zhaohui => person:luo_zhaohui person CHN GOV",
    ]);
    expect(brief(mentionsOf("He met the US Principal Deputy Assistant Secretary on Monday."))[0]).toMatch(
      /=> USA state USA GOV$/,
    );
  });

  it("reads a bare 'the government' as the one state the text just named, and only then", () => {
    const one = mentionsOf("Protests spread across Iran on Friday. The government blocked the internet.");
    expect(brief(one)).toContain("The government => IRN state IRN GOV");
    const two = mentionsOf("Iran and Iraq signed a deal on Friday. The government blocked the internet.");
    expect(two.mentions.filter((m) => m.via === "coreference")).toEqual([]);
    const modifier = mentionsOf("Protests spread across Iran. Hackers hit the government websites.");
    expect(modifier.mentions.filter((m) => m.via === "coreference")).toEqual([]);
  });

  it("gives 'his government' the state of the person just named", () => {
    expect(
      brief(
        mentionsOf(
          "Afghan Foreign Minister Salahuddin Rabbani said his government welcomed the plan.",
          "2016-05-01",
        ),
      ),
    ).toContain("government => AFG state AFG GOV");
  });

  it("takes 'the group' back to a group that was a subject or object before one in a prepositional phrase", () => {
    const doc = mentionsOf(
      "Kabulov argued that the Taliban do not share the aims of Islamic State, and that Moscow keeps contacts with the group.",
    );
    expect(doc.mentions.find((m) => m.via === "coreference")?.id).toBe("TALIBAN");
  });
});
