// A real TalkBackend for tests: remembers each person's name, and answers the AIML rich markup that
// exercises each reply part for inputs like "card", "carousel", "buttons".
import type { TalkBackend, TalkRequest, TalkResult } from "@parley/core";

const MARKUP: Record<string, string> = {
  hello: "Hi! I am the test bot.",
  buttons:
    "Pick one <button><text>Yes</text><postback>yes please</postback></button>" +
    "<button><text>Docs</text><url>https://example.com/docs</url></button>",
  "yes please": "You picked yes.",
  quick: "Tea or coffee? <reply><text>Tea</text><postback>tea</postback></reply><reply>coffee</reply>",
  card:
    "<card><image>https://example.com/cat.png</image><title>Cat</title><subtitle>A very good cat</subtitle>" +
    "<button><text>Adopt</text><postback>adopt cat</postback></button>" +
    "<button><text>Photos</text><url>https://example.com/cats</url></button></card>",
  carousel:
    "<carousel><card><title>First</title><button>one</button></card>" +
    "<card><title>Second</title><image>https://example.com/2.png</image><button>two</button></card></carousel>",
  image: "<image>https://example.com/pic.png</image>",
  link: "<link><text>Read the docs</text><url>https://example.com/docs</url></link>",
  list: "<olist><item>first</item><item>second</item></olist>",
  split: "One<split/>Two",
  pause: "Wait for it<delay>0</delay>there.",
};

export class MemoryBot implements TalkBackend {
  readonly name = "memory-bot";
  /** Every input, in order, with who asked it. */
  readonly heard: { userId: string; input: string; reset: boolean }[] = [];
  readonly #names = new Map<string, string>();

  get inputs(): string[] {
    return this.heard.map((h) => h.input);
  }

  async talk(req: TalkRequest): Promise<TalkResult> {
    this.heard.push({ userId: req.interlocutor.userId, input: req.input, reset: req.reset === true });
    const input = req.input.trim();
    const key = req.interlocutor.id;
    const simple = input.toLowerCase().replace(/[?.!]+$/, "");
    const markup = MARKUP[simple];
    if (markup) return { responses: [markup] };
    const named = /^my name is (.+)$/i.exec(input);
    if (named?.[1]) {
      this.#names.set(key, named[1]);
      return { responses: [`Nice to meet you, ${named[1]}.`] };
    }
    if (simple === "what is my name") {
      const name = this.#names.get(key);
      return { responses: [name ? `Your name is ${name}.` : "I don't know your name yet."] };
    }
    if (simple === "long")
      return { responses: [Array.from({ length: 4000 }, (_, i) => `word${i}`).join(" ")] };
    return { responses: [`You said: ${input}`] };
  }
}
