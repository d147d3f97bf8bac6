import { describe, expect, it } from "vitest";
import { compareQuery, parseCompareUrl } from "@/lib/compare/url";
import { defaultCompareSettings, type CompareSettings } from "@/machines/compare/settings";

const parse = (query: string) => parseCompareUrl(new URLSearchParams(query));

describe("comparison URL", () => {
  it("reads the defaults from an empty query", () => {
    expect(parse("")).toEqual({ settings: defaultCompareSettings(), problems: [] });
  });

  it("round-trips every setting", () => {
    const settings: CompareSettings = {
      modes: ["manual", "ci", "delivery", "deployment"],
      seed: 4294967295,
      days: 180,
      commitsPerDay: 7.5,
      testCoverage: 0.35,
      defectRate: 0.125,
      monitoring: false,
      culture: "silos",
      cadence: "1/day",
    };
    const query = compareQuery(settings);
    expect(query).toContain("modes=manual,ci,delivery,deployment");
    expect(query).toContain("cadence=1/day");
    expect(query).toContain("coverage=35");
    expect(parse(query)).toEqual({ settings, problems: [] });
  });

  it("accepts mode= as another name for modes= and orders the modes", () => {
    expect(parse("mode=deployment,manual").settings.modes).toEqual(["manual", "deployment"]);
  });

  it("falls back per parameter and names each bad one", () => {
    const { settings, problems } = parse(
      "modes=delivery,teleport&seed=-1&days=5000&commits=lots&coverage=140&monitoring=maybe&culture=chaos&cadence=hourly&defects=20",
    );
    const defaults = defaultCompareSettings();
    expect(settings).toEqual({ ...defaults, defectRate: 0.2 });
    expect(problems.map((p) => p.param)).toEqual([
      "modes",
      "seed",
      "days",
      "commits",
      "coverage",
      "monitoring",
      "culture",
      "cadence",
    ]);
    expect(problems[0]!.message).toMatch(/"teleport" is not a mode/);
    expect(problems[2]!.message).toBe("days must be a whole number of days from 7 to 365; using 90.");
    expect(problems[4]!.message).toBe("coverage must be a percentage from 0 to 100; using 70.");
  });

  it("refuses one mode or a repeated mode", () => {
    expect(parse("modes=delivery").problems[0]!.message).toMatch(/pick 2 to 4 different modes/);
    expect(parse("modes=delivery,delivery").problems).toHaveLength(1);
  });

  it("reads Next.js searchParams objects too", () => {
    expect(parseCompareUrl({ seed: ["7", "8"], days: "30" }).settings).toMatchObject({ seed: 7, days: 30 });
  });
});
