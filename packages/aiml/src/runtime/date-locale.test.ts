import { describe, expect, it } from "vitest";
import { botFrom } from "../testing/make-bot.js";

const bot = botFrom(`
<category><pattern>WANN</pattern><template><date locale="de_DE" timezone="Europe/Berlin" jformat="EEEE d. MMMM yyyy HH:mm"/></template></category>
<category><pattern>QUAND</pattern><template><date locale="fr-FR" timezone="America/New_York" format="%A %d %B %Y"/></template></category>
`);

describe("<date> with a locale and a time zone", () => {
  // 23:30 UTC on Saturday 9 March is already Sunday 10 March in Berlin, still Saturday in New York.
  const now = () => new Date(Date.UTC(2024, 2, 9, 23, 30));

  it("names the day and month in the locale's language, in the given zone (jformat)", () => {
    expect(bot.respond(bot.newClientState(), "wann", { now }).responses).toEqual([
      "Sonntag 10. März 2024 00:30",
    ]);
  });

  it("does the same for strftime formats", () => {
    expect(bot.respond(bot.newClientState(), "quand", { now }).responses).toEqual(["samedi 09 mars 2024"]);
  });
});
