import { describe, expect, it } from "vitest";
import { findDate, normaliseDate } from "./dates.js";

describe("normaliseDate", () => {
  it.each([
    ["2021-10-21", "2021-10-21"],
    ["2021-10-21T12:27:00+03:00", "2021-10-21"],
    ["2021-10-21T23:59:59Z", "2021-10-21"],
    ["1987-02-26T15:01:01", "1987-02-26"],
    ["26-FEB-1987 15:01:11.79", "1987-02-26"],
    ["Thu, 21 Oct 2021 09:27:00 GMT", "2021-10-21"],
    ["October 21, 2021", "2021-10-21"],
    ["Oct. 21 2021", "2021-10-21"],
    ["21st of October, 2021", "2021-10-21"],
    ["21.10.2021", "2021-10-21"],
    ["2021/10/21", "2021-10-21"],
    ["10/21/2021", "2021-10-21"],
    ["21/10/2021", "2021-10-21"],
    ["2021-10", "2021-10"],
    ["2021", "2021"],
    [2021, "2021"],
  ])("%s -> %s", (input, expected) => {
    expect(normaliseDate(input)).toBe(expected);
  });

  it.each([["not a date"], ["31.02.2021"], ["2021-13-01"], [""], [null], [undefined], [{}]])(
    "%s -> null",
    (input) => {
      expect(normaliseDate(input)).toBeNull();
    },
  );
});

describe("findDate", () => {
  it("finds the first date in running text with its span", () => {
    const text = "Posted by Jane Roe on October 21, 2021 at 12:27";
    const m = findDate(text);
    expect(m?.date).toBe("2021-10-21");
    expect(text.slice(m!.start, m!.end)).toBe("October 21, 2021");
  });

  it("does not read month names inside words", () => {
    expect(findDate("The mayor 21 2021 marched")).toBeNull();
  });
});
