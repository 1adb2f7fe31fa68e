import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { type DateMention, findDates, pickDate, resolveEventDate } from "./dates.js";

type Row = [
  sentence: string,
  ref: string | null,
  expected: Array<[text: string, date: string, precision: string]>,
];

/** Own sentences in the style of the news the project reads; each lists every date it must yield. */
// biome-ignore format: one fixture a line reads as a table
const FIXTURES: Row[] = [
  ["Putin spoke to the security chiefs on Dec.19 in Moscow.", "2017-12", [["Dec.19", "2017-12-19", "day"]]],
  ["The talks resumed on Dec. 6 after a pause.", "2017-12-28", [["Dec. 6", "2017-12-06", "day"]]],
  ["The envoy arrived in Kabul on December 19.", "2017-12", [["December 19", "2017-12-19", "day"]]],
  ["The council met in December to review the plan.", "2017-12-28", [["December", "2017-12", "month"]]],
  ["In mid-December, the base was inspected.", "2017-12", [["mid-December", "2017-12", "month"]]],
  ["Fighting flared again in early December near the border.", "2017-12-20", [["early December", "2017-12", "month"]]],
  ["The commander, appointed in late November, oversaw the transfer.", "2017-12", [["late November", "2017-11", "month"]]],
  ["The meeting, which took place earlier in December, set a roadmap.", "2017-12", [["December", "2017-12", "month"]]],
  ["Production slumped in mid-2017 as sanctions bit.", "2018-01-10", [["mid-2017", "2017", "year"]]],
  ["Prices are expected to fall in late 2021.", "2021-03", [["late 2021", "2021", "year"]]],
  ["In 2017, Moscow gave Dushanbe aid worth $122 million.", "2017-12", [["2017", "2017", "year"]]],
  ["The group ruled the country from 1996 to 2001.", "2021-07", [["from 1996 to 2001", "1996", "year"]]],
  ["Relations froze between 2014 and 2016, officials said.", "2019-05-02", [["between 2014 and 2016", "2014", "year"]]],
  ["The 2017-18 budget was passed without debate.", "2017-06-01", [["2017-18", "2017", "year"]]],
  ["He met the minister the other day in Dushanbe.", "2021-10-21", [["the other day", "2021-10-21", "day"]]],
  ["He met the minister the other day in Dushanbe.", "2021-10", [["the other day", "2021-10", "month"]]],
  ["The drills were held last week near Termez.", "2021-07-14", [["last week", "2021-07", "month"]]],
  ["The drills were held last week near Termez.", "2021-07", [["last week", "2021-07", "month"]]],
  ["The exercise held last month showed the force is ready.", "2017-12", [["last month", "2017-11", "month"]]],
  ["Border guards detained 12 people earlier this month.", "2019-03-22", [["earlier this month", "2019-03", "month"]]],
  ["This year the government doubled the border budget.", "2020-06-03", [["This year", "2020", "year"]]],
  ["Elections are due next year, the commission said.", "2020-06-03", [["next year", "2021", "year"]]],
  ["They will take power in Kabul by September, a source said.", "2021-07", [["September", "2021-09", "month"]]],
  ["The movement grew in the 1990s across the north.", "2021-07", [["the 1990s", "1990", "year"]]],
  ["The minister resigned on Monday after the vote.", "2021-10-21", [["Monday", "2021-10-18", "day"]]],
  ["The minister resigned on Thursday after the vote.", "2021-10-21", [["Thursday", "2021-10-21", "day"]]],
  ["Talks will resume next Monday in Doha.", "2021-10-21", [["next Monday", "2021-10-25", "day"]]],
  ["The minister resigned on Monday after the vote.", "2021-10", [["Monday", "2021-10", "month"]]],
  ["Only six months ago the government ruled out any talks.", "2017-12", [["six months ago", "2017-06", "month"]]],
  ["Two days ago the rebels shelled the town.", "2019-03-01", [["Two days ago", "2019-02-27", "day"]]],
  ["A decade ago the base was half empty.", "2021-07", [["A decade ago", "2011", "year"]]],
  ["Officials said yesterday that the border was closed.", "2018-01-09", [["yesterday", "2018-01-08", "day"]]],
  ["In September 2015, the leaders met in the Kremlin.", "2018-01", [["September 2015", "2015-09", "month"]]],
  ["Since December 2016, Russia has hosted talks on the war.", "2018-01", [["December 2016", "2016-12", "month"]]],
  ["The congress will be held in Sochi on January 29-30.", "2017-12-22", [["January 29-30", "2018-01-29", "day"]]],
  ["The summit, held on 19 December 2017, ended without a deal.", "2018-02", [["19 December 2017", "2017-12-19", "day"]]],
  ["The decree dated 2021-08-15 was published at once.", "2021-09", [["2021-08-15", "2021-08-15", "day"]]],
  ["The network behind the 9/11 attacks found refuge there.", "2021-07", [["9/11", "2001-09-11", "day"]]],
  ["The forum grew from December 2016 to April 2017.", "2018-01", [["December 2016 to April 2017", "2016-12", "month"]]],
  ["Since 2001, more than 3,000 US troops have died there.", "2018-01", [["2001", "2001", "year"]]],
  ["It hosted a 2018 delegation to boost peace efforts.", "2021-07", [["2018", "2018", "year"]]],
  ["The Soviet withdrawal in 1989 left the army in ruins.", "2021-07", [["1989", "1989", "year"]]],
  ["The deal was signed last August, the firm said.", "2005-07-10", [["last August", "2004-08", "month"]]],
  ["The plant will reopen next March.", "2005-03-20", [["next March", "2006-03", "month"]]],
  ["The firm was founded in May last year.", "2005-03-15", [["May last year", "2004-05", "month"]]],
  ["Shares fell before the end of January.", "2005-03-15", [["the end of January", "2005-01", "month"]]],
  ["Airlines still feel the impact of the 11 September attacks.", "2005-03-15", [["11 September", "2001-09-11", "day"]]],
  ["Sales were 180 on Friday and 43 on Sunday, dealers said.", "2005-03-15", [["Friday", "2005-03-11", "day"], ["Sunday", "2005-03-13", "day"],],],
  ["Prices rose from March to May 2017, then fell.", "2019-01", [["March to May 2017", "2017-03", "month"]]],
  ["The freeze lasted from December to February 2018.", "2019-01", [["December to February 2018", "2017-12", "month"]]],
  ["The fort was built in 1850 and will be rebuilt by 2150.", "2019-01", []],
  // Without a ref, a day or month without its year is not guessed.
  ["The envoy arrived in Kabul on December 19.", null, []],
  ["The drills were held last week near Termez.", null, []],
  ["In 2017, Moscow gave Dushanbe aid.", null, [["2017", "2017", "year"]]],
  ["Dec. 19 talks ended in March 2014.", null, [["March 2014", "2014-03", "month"]]],
  // A year-only ref fixes the year of a dated day.
  ["The envoy arrived in Kabul on Dec.19.", "2017", [["Dec.19", "2017-12-19", "day"]]],
  // Not dates.
  ["The unit received three T-72B1 tanks, BTR-80 carriers and D-30 howitzers.", "2017-12", []],
  ["Mi-24 and Mi-8 helicopters flew over the 201st base.", "2017-12", []],
  ["The aid was valued at over $122 million, ending a 20-year gap.", "2017-12", []],
  ["About 9 thousand Afghans crossed, and 2+2 talks followed.", "2017-12", []],
  ["Turnout rose to 43 percent at the 43rd meeting.", "2017-12", []],
  ["Numbers may grow after the defeat, analysts warned.", "2017-12", []],
  ["May God protect the country, the mufti said.", "2017-12", []],
  ["Some 1500 troops and about 2000 police took part.", "2017-12", []],
  ["The Echelon-2021 drills involved 1,200 soldiers.", "2021-10", []],
  ["Resolution 2017 was adopted by the council.", "2021-10", []],
  ["August Strindberg was a playwright.", "2021-10", []],
  ["The score was 3/4 at half time.", "2021-10", []],
  ["He told BBC Radio 4's Today programme the plan was sound.", "2005-03-15", []],
  ["The report appeared in the Sunday Times and the Mail on Sunday.", "2005-03-15", []],
  ["Markets crashed on Black Monday, on a Friday afternoon.", "2005-03-15", []],
  ["The show was hosted by Ant and Dec.", "2005-03-15", []],
  ["He quoted The Darling Buds of May at length.", "2005-03-15", []],
  ["The end of the January transfer window is near.", "2005-03-15", []],
];

const brief = (ms: DateMention[]) => ms.map((m) => [m.text, m.date, m.precision]);

describe("findDates", () => {
  it.each(FIXTURES)("%s (ref %s)", (sentence, ref, expected) => {
    expect(brief(findDates(sentence, { date: ref }))).toEqual(expected);
  });

  it("gives offsets that quote the sentence", () => {
    const s = "Russia, Iran and Turkey announced on December 22 that talks will open in January 2018.";
    for (const m of findDates(s, { date: "2017-12" })) expect(s.slice(m.start, m.end)).toBe(m.text);
  });

  it("marks ranges with their end", () => {
    const [m] = findDates("The group ruled the country from 1996 to 2001.", { date: null });
    expect(m).toMatchObject({ kind: "range", date: "1996", rangeEnd: "2001" });
    const [d] = findDates("in the late 1990s", { date: null });
    expect(d).toMatchObject({ date: "1997", rangeEnd: "1999", precision: "year" });
    const [w] = findDates("The freeze lasted from December to February 2018.", { date: null });
    expect(w).toMatchObject({ kind: "range", date: "2017-12", rangeEnd: "2018-02" });
    const [r] = findDates("The congress will be held in Sochi on January 29-30.", { date: "2017-12" });
    expect(r).toMatchObject({ kind: "range", date: "2018-01-29", rangeEnd: "2018-01-30" });
  });

  it("marks relative mentions as such", () => {
    expect(findDates("held last month", { date: "2017-12" })[0].kind).toBe("relative");
    expect(findDates("held in March 2014", { date: "2017-12" })[0].kind).toBe("absolute");
  });
});

describe("pickDate and resolveEventDate", () => {
  const s = "The 2017 exercise, held last month, was followed by talks in Oslo on Dec. 6.";
  const mentions = findDates(s, { date: "2017-12" });

  it("picks the mention nearest the trigger", () => {
    expect(pickDate(mentions, s.indexOf("held"))?.text).toBe("last month");
    expect(pickDate(mentions, s.indexOf("talks"))?.text).toBe("Dec. 6");
    expect(pickDate(mentions, s.indexOf("exercise"))?.text).toBe("2017");
    expect(pickDate([], 0)).toBeNull();
  });

  it("falls back to the article's date, or null", () => {
    expect(resolveEventDate(mentions, s.indexOf("held"), { date: "2017-12" })).toEqual({
      date: "2017-11",
      precision: "month",
      source: "text",
    });
    expect(resolveEventDate([], 0, { date: "2017-12" })).toEqual({
      date: "2017-12",
      precision: "month",
      source: "article",
    });
    expect(resolveEventDate([], 0, { date: null })).toBeNull();
  });
});

/** Month names, years, weekdays or relative words: an evidence sentence that names its date. */
const EXPLICIT =
  /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b|\b(?:19|20)\d\d\b|\b\d{1,2}\/\d{1,2}\b|\b(?:last|this|next)\s+(?:week|month|year)\b|\bago\b|\byesterday\b|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday/;

const corpus = resolve(__dirname, "../../../shared/corpus");
const gold = join(corpus, "seeds.gold.jsonl");

describe.skipIf(!existsSync(gold))("seed gold dates", () => {
  it("finds the gold date in evidence sentences that state one", () => {
    let total = 0;
    let hits = 0;
    const misses: string[] = [];
    for (const line of readFileSync(gold, "utf8").split("\n").filter(Boolean)) {
      const article = JSON.parse(line) as {
        published: string;
        events: Array<{ date: string | null; evidence: string }>;
      };
      const seen = new Set<string>();
      for (const e of article.events) {
        const key = `${e.date}|${e.evidence}`;
        if (!e.date || !EXPLICIT.test(e.evidence) || seen.has(key)) continue;
        seen.add(key);
        total++;
        const found = findDates(e.evidence, { date: article.published });
        if (found.some((m) => m.date === e.date)) hits++;
        else misses.push(`${e.date} <- ${JSON.stringify(brief(found))}: ${e.evidence.slice(0, 90)}`);
      }
    }
    console.log(
      `seed gold dates: ${hits}/${total} = ${((100 * hits) / total).toFixed(1)}%\n  ${misses.join("\n  ")}`,
    );
    expect(total).toBeGreaterThan(20);
    expect(hits / total).toBeGreaterThanOrEqual(0.8);
  });

  it.skipIf(!existsSync(join(corpus, "seeds")))("never throws on the seed texts", () => {
    const dir = join(corpus, "seeds");
    for (const f of readdirSync(dir)) {
      for (const line of readFileSync(join(dir, f), "utf8").split("\n")) findDates(line, { date: "2020-01" });
    }
  });
});
