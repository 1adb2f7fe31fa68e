/**
 * Groups, IGOs and state agencies of dictionaries/actors/groups-world.json,
 * igos-world.json and agencies-world.json in running text: a name resolves to
 * the body, with the identity it had on the document's date (FARC a guerrilla
 * before its 2017 disarmament and a party after; the RSF part of Sudan's forces
 * until the war of April 2023).
 */
import { describe, expect, it } from "vitest";
import { mentionDocument, who } from "../../test/mention-fixture.js";

const mentionsOf = (text: string, published: string) => mentionDocument(text, published).mentions;

describe("groups-world, igos-world, agencies-world: bodies in running text", () => {
  it.each([
    // text, mention, date, id, kind, country, sector
    [
      "FARC rebels released two soldiers they had held for a year.",
      "FARC rebels",
      "2012-04-02",
      "FARC",
      "armed_group",
      "COL",
      "REB",
    ],
    [
      "ECOWAS imposed sanctions on Niger after the coup.",
      "ECOWAS",
      "2023-08-10",
      "ECOWAS",
      "igo",
      null,
      null,
    ],
    [
      "The Bundeswehr sent a brigade to Lithuania.",
      "Bundeswehr",
      "2024-04-08",
      "DEU_BUNDESWEHR",
      "state",
      "DEU",
      "MIL",
    ],
    [
      "The Tatmadaw bombed villages held by the Arakan Army.",
      "Arakan Army",
      "2024-02-01",
      "ARAKAN_ARMY",
      "armed_group",
      "MMR",
      "REB",
    ],
    [
      "The Tatmadaw bombed villages held by the Arakan Army.",
      "Tatmadaw",
      "2024-02-01",
      "MMR_TATMADAW",
      "state",
      "MMR",
      "MIL",
    ],
    [
      "MONUSCO peacekeepers exchanged fire with M23 rebels north of Goma.",
      "M23 rebels",
      "2022-11-01",
      "M23",
      "armed_group",
      "COD",
      "REB",
    ],
    [
      "The Peshmerga pushed Islamic State fighters out of Sinjar.",
      "Peshmerga",
      "2015-11-13",
      "PESHMERGA",
      "armed_group",
      "IRQ",
      "MIL",
    ],
    [
      "Human Rights Watch accused the Syrian Democratic Forces of torturing detainees.",
      "Human Rights Watch",
      "2020-05-01",
      "HUMAN_RIGHTS_WATCH",
      "organization",
      null,
      "NGO",
    ],
    [
      "Human Rights Watch accused the Syrian Democratic Forces of torturing detainees.",
      "Syrian Democratic Forces",
      "2020-05-01",
      "SDF",
      "armed_group",
      "SYR",
      "REB",
    ],
    [
      "Shin Bet arrested two men suspected of spying for Iran.",
      "Shin Bet",
      "2024-10-21",
      "ISR_SHIN_BET",
      "state",
      "ISR",
      "SPY",
    ],
    [
      "The Saudi-led coalition struck Houthi positions near Hodeidah.",
      "Saudi-led coalition",
      "2018-06-13",
      "SAUDI_LED_COALITION",
      "igo",
      null,
      "MIL",
    ],
    [
      "Kataib Hezbollah claimed the drone attack on a base in Jordan.",
      "Kataib Hezbollah",
      "2024-01-29",
      "KATAIB_HEZBOLLAH",
      "armed_group",
      "IRQ",
      "UAF",
    ],
    [
      "The Federal Reserve raised interest rates by half a point.",
      "Federal Reserve",
      "2022-05-04",
      "USA_FEDERAL_RESERVE",
      "state",
      "USA",
      "GOV",
    ],
    [
      "Wagner mercenaries seized the town of Bakhmut.",
      "Wagner mercenaries",
      "2023-05-20",
      "WAGNER_GROUP",
      "armed_group",
      "RUS",
      "UAF",
    ],
    [
      "Doctors Without Borders evacuated its staff from the hospital.",
      "Doctors Without Borders",
      "2016-02-15",
      "MSF",
      "organization",
      null,
      "NGO",
    ],
    [
      "The Polisario Front said Moroccan troops had broken the ceasefire.",
      "Polisario Front",
      "2020-11-13",
      "POLISARIO_FRONT",
      "armed_group",
      "ESH",
      "REB",
    ],
    [
      "Sinn Fein and the DUP agreed to restore power-sharing.",
      "DUP",
      "2020-01-11",
      "DUP",
      "organization",
      "GBR",
      "PTY",
    ],
    [
      "The NUG called on the Tatmadaw to stop the airstrikes.",
      "NUG",
      "2022-01-01",
      "NATIONAL_UNITY_GOVERNMENT",
      "organization",
      "MMR",
      "OPP",
    ],
    [
      "UNIFIL said its peacekeepers were hit by Israeli fire.",
      "UNIFIL",
      "2024-10-10",
      "UNIFIL",
      "igo",
      null,
      "MIL",
    ],
  ])("%s [%s, %s]", (text, name, date, id, kind, country, sector) => {
    expect(who(text, name, date)).toMatchObject({ id, kind, country, sector });
  });

  it("carries the organization of an organ or mission", () => {
    expect(
      who("UNIFIL said its peacekeepers were hit by Israeli fire.", "UNIFIL", "2024-10-10").affiliation,
    ).toEqual({ id: "UN", name: "UN" });
    expect(
      who("Hamas said the Qassam Brigades fired rockets.", "Qassam Brigades", "2014-07-10").affiliation,
    ).toEqual({ id: "HAMAS", name: "Hamas" });
  });
});

describe("time-bound identities of groups", () => {
  it("makes FARC a guerrilla before its 2017 disarmament and a party after", () => {
    expect(who("FARC rebels released two soldiers.", "FARC rebels", "2012-04-02")).toMatchObject({
      country: "COL",
      sector: "REB",
    });
    expect(
      who("The FARC accused the government of failing to protect its former fighters.", "FARC", "2019-07-01"),
    ).toMatchObject({ id: "FARC", country: "COL", sector: "PTY" });
  });

  it("moves the RSF from Sudan's forces to rebels when the war began on 2023-04-15", () => {
    expect(
      who("The Rapid Support Forces guarded the border with Libya.", "Rapid Support Forces", "2019-01-10"),
    ).toMatchObject({ id: "RAPID_SUPPORT_FORCES", country: "SDN", sector: "MIL" });
    expect(who("RSF fighters stormed a hospital in El Fasher.", "RSF fighters", "2024-06-10")).toMatchObject({
      id: "RAPID_SUPPORT_FORCES",
      country: "SDN",
      sector: "REB",
    });
  });

  it("codes the Donetsk People's Republic as separatists before the 2022 annexation and Russian authorities after", () => {
    const text = "The Donetsk People's Republic shelled positions near Avdiivka.";
    expect(who(text, "Donetsk People's Republic", "2017-02-01")).toMatchObject({
      country: "UKR",
      sector: "REB",
    });
    expect(who(text, "Donetsk People's Republic", "2023-02-01")).toMatchObject({
      country: "RUS",
      sector: "GOV",
    });
  });

  it("makes the PLO an armed movement before the 1993 mutual recognition and a government after", () => {
    expect(who("The PLO declared the independence of Palestine.", "PLO", "1988-11-15").sector).toBe("REB");
    expect(who("The PLO signed an agreement with Israel.", "PLO", "1995-09-28").sector).toBe("GOV");
  });

  it("makes the TPLF a party in peace and an armed group in the 2020-2022 war", () => {
    expect(who("The TPLF won every seat in Tigray.", "TPLF", "2010-05-25")).toMatchObject({
      kind: "organization",
      sector: "PTY",
    });
    expect(who("The TPLF seized the army's base in Mekelle.", "TPLF", "2020-11-04")).toMatchObject({
      kind: "armed_group",
      sector: "REB",
    });
  });
});

describe("names that are also other things", () => {
  it("keeps 'ETA' the arrival time out, and the Basque group in", () => {
    expect(mentionsOf("The ETA for the flight was noon.", "2010-01-01")).toEqual([]);
    expect(who("ETA claimed the bombing in Madrid.", "ETA", "2000-01-01").id).toBe("ETA");
  });

  it("keeps Japan's SDF apart from Syria's", () => {
    expect(who("Japan's SDF joined the drill.", "Japan's SDF", "2020-01-01")).toMatchObject({
      id: "JPN_SDF",
      country: "JPN",
    });
    expect(who("The SDF captured Raqqa.", "SDF", "2017-10-17").country).toBe("SYR");
  });

  it("drops Wagner the composer, the Fed Cup, a quad bike and a legal amnesty", () => {
    const ids = (text: string) => mentionsOf(text, "2020-01-01").map((m) => m.id);
    expect(ids("Richard Wagner wrote operas.")).not.toContain("WAGNER_GROUP");
    expect(ids("The Fed Cup final was played in Prague.")).not.toContain("USA_FEDERAL_RESERVE");
    expect(ids("He rode a Quad bike across the dunes.")).not.toContain("QUAD");
    expect(ids("Amnesty for the rebels was approved by parliament.")).not.toContain("AMNESTY_INTERNATIONAL");
    expect(ids("Amnesty said the trial was unfair.")).toContain("AMNESTY_INTERNATIONAL");
  });
});
