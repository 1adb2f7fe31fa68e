/**
 * Leaders of dictionaries/actors/people-world.json in running text: a name
 * resolves to the person with the state (or IGO, or group) of the office held
 * on the document's date, and to another identity outside that office.
 */
import { describe, expect, it } from "vitest";
import { mentionDocument, who } from "../../test/mention-fixture.js";
import { loadActorDictionary } from "./dictionary.js";

const dict = loadActorDictionary();

const mentionsOf = (text: string, published: string) => mentionDocument(text, published).mentions;

describe("people-world.json: leaders resolve to their state", () => {
  it.each([
    ["Maduro has closed the borders with Colombia.", "Maduro", "2015-08-25", "NICOLAS_MADURO", "VEN", "GOV"],
    [
      "Mandela refused to send peacekeepers to Angola.",
      "Mandela",
      "1996-05-14",
      "NELSON_MANDELA",
      "ZAF",
      "GOV",
    ],
    [
      "Erdogan met Netanyahu on the sidelines of the summit.",
      "Netanyahu",
      "2023-09-18",
      "BENJAMIN_NETANYAHU",
      "ISR",
      "GOV",
    ],
    [
      "Merkel told Putin that the annexation was illegal.",
      "Merkel",
      "2014-03-02",
      "ANGELA_MERKEL",
      "DEU",
      "GOV",
    ],
    [
      "Zelenskyy asked Western allies for more air defence systems.",
      "Zelenskyy",
      "2023-06-10",
      "VOLODYMYR_ZELENSKY",
      "UKR",
      "GOV",
    ],
    [
      "Kim Jong-un oversaw the launch of two ballistic missiles.",
      "Kim Jong-un",
      "2022-11-03",
      "KIM_JONG_UN",
      "PRK",
      "GOV",
    ],
    [
      "Lula invited Xi Jinping to visit Brasilia.",
      "Lula",
      "2023-04-14",
      "LUIZ_INACIO_LULA_DA_SILVA",
      "BRA",
      "GOV",
    ],
    [
      "Sheikh Hasina accused the opposition of arson.",
      "Sheikh Hasina",
      "2013-11-30",
      "SHEIKH_HASINA",
      "BGD",
      "GOV",
    ],
    [
      "Shevardnadze met James Baker in Irkutsk.",
      "Shevardnadze",
      "1990-08-01",
      "EDUARD_SHEVARDNADZE",
      "SUN",
      "GOV",
    ],
    [
      "Shevardnadze accused Moscow of arming the Abkhaz separatists.",
      "Shevardnadze",
      "1996-03-01",
      "EDUARD_SHEVARDNADZE",
      "GEO",
      "GOV",
    ],
  ])("%s (%s, %s)", (text, name, date, id, country, sector) => {
    expect(who(text, name, date)).toMatchObject({ id, kind: "person", country, sector });
  });

  it("gives a leader out of office another identity: opposition before or after the tenure", () => {
    expect(who("Mandela demanded an end to the violence in Natal.", "Mandela", "1992-06-20")).toMatchObject({
      country: "ZAF",
      sector: "OPP",
    });
    expect(who("Tony Blair promised to renationalise nothing.", "Tony Blair", "1996-10-01")).toMatchObject({
      country: "GBR",
      sector: "OPP",
    });
    expect(who("Tony Blair ordered troops to Basra.", "Tony Blair", "2003-03-20")).toMatchObject({
      country: "GBR",
      sector: "GOV",
    });
    expect(who("Netanyahu attacked the Bennett government.", "Netanyahu", "2022-03-01")).toMatchObject({
      country: "ISR",
      sector: "OPP",
    });
    // Before he took office the comedian was Ukrainian but no part of the government.
    expect(who("Zelensky mocked the politicians on television.", "Zelensky", "2017-05-01")).toMatchObject({
      country: "UKR",
      sector: null,
    });
    expect(
      who("Mikheil Saakashvili sacked the Odesa customs chief.", "Mikheil Saakashvili", "2016-02-10"),
    ).toMatchObject({
      country: "UKR",
      sector: "GOV",
    });
    expect(
      who("Mikheil Saakashvili began a hunger strike in prison.", "Mikheil Saakashvili", "2021-10-10"),
    ).toMatchObject({
      country: "GEO",
      sector: "OPP",
    });
  });

  it("moves a general from the army to the government when he seizes power", () => {
    expect(who("Musharraf ordered the army into Kargil.", "Musharraf", "1999-05-20")).toMatchObject({
      country: "PAK",
      sector: "MIL",
    });
    expect(who("Musharraf pledged to support the United States.", "Musharraf", "2001-09-15")).toMatchObject({
      country: "PAK",
      sector: "GOV",
    });
  });

  it("resolves an IGO head to the organisation during the term and to the state outside it", () => {
    const vdl = who(
      "Ursula von der Leyen announced a ninth package of sanctions.",
      "Ursula von der Leyen",
      "2022-12-07",
    );
    expect(vdl).toMatchObject({
      country: null,
      sector: "IGO",
      affiliation: { id: "EU_COMMISSION", name: "European Commission" },
    });
    expect(
      who("Ursula von der Leyen visited German troops in Lithuania.", "Ursula von der Leyen", "2017-02-07"),
    ).toMatchObject({
      country: "DEU",
      sector: "GOV",
    });
    expect(who("Kofi Annan urged Iraq to admit the inspectors.", "Kofi Annan", "2002-09-01")).toMatchObject({
      country: null,
      sector: "IGO",
      affiliation: { id: "UN", name: "UN" },
    });
    expect(
      who("Anders Fogh Rasmussen warned Moscow over Crimea.", "Anders Fogh Rasmussen", "2014-03-05"),
    ).toMatchObject({
      country: null,
      affiliation: { id: "NATO", name: "NATO" },
    });
    expect(
      who("Anders Fogh Rasmussen defended the cartoons.", "Anders Fogh Rasmussen", "2006-02-03"),
    ).toMatchObject({
      country: "DNK",
      sector: "GOV",
    });
  });

  it("ties group leaders to their group, and follows al-Sharaa from rebel to president", () => {
    expect(who("Nasrallah threatened to strike Haifa.", "Nasrallah", "2006-07-20")).toMatchObject({
      country: "LBN",
      sector: "REB",
      affiliation: { id: "HEZBOLLAH", name: "Hezbollah" },
    });
    expect(
      who("Abu Mohammad al-Julani vowed to fight on in Idlib.", "Abu Mohammad al-Julani", "2020-03-01"),
    ).toMatchObject({
      id: "AHMED_AL_SHARAA",
      country: "SYR",
      sector: "REB",
      affiliation: { id: "HAYAT_TAHRIR_AL_SHAM", name: "Hayat Tahrir al-Sham" },
    });
    expect(who("Ahmed al-Sharaa met Erdogan in Ankara.", "Ahmed al-Sharaa", "2025-02-04")).toMatchObject({
      id: "AHMED_AL_SHARAA",
      country: "SYR",
      sector: "GOV",
      affiliation: null,
    });
    expect(who("Hemedti's fighters stormed El Fasher.", "Hemedti", "2024-06-01")).toMatchObject({
      country: "SDN",
      sector: "REB",
    });
  });

  it("keeps shared surnames away: 'Bush', 'Clinton' and 'Gandhi' alone name nobody from the dictionary", () => {
    const ms = mentionsOf("Bush called Clinton, and Gandhi answered.", "2001-06-01");
    const known = ms.filter((m) => dict.entries.has(m.id));
    expect(known).toEqual([]);
    expect(who("George W. Bush called Vladimir Putin.", "George W. Bush", "2001-06-16")).toMatchObject({
      id: "GEORGE_W_BUSH",
      country: "USA",
      sector: "GOV",
    });
  });
});
