// A small real TalkBackend for tests: remembers each person's name and answers rich AIML markup
// for the inputs that exercise each kind of reply part.
import type { TalkBackend, TalkRequest, TalkResult } from "@parley/core";

export const LONG_ANSWER_WORDS = 1500;

const RICH: Record<string, string> = {
  buttons:
    "Pick one <button><text>Yes</text><postback>yes please</postback></button>" +
    "<button><text>Docs</text><url>https://example.com/docs?a=1&amp;b=2</url></button>",
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
  escape: "if a < b && b > c then <b>done</b>",
};

export class MemoryBot implements TalkBackend {
  readonly name = "memory-bot";
  /** Every input the bot was asked, in order. */
  readonly inputs: string[] = [];
  /** Who asked each input (the channel's user id, e.g. slack "T1:U2"). */
  readonly askers: string[] = [];
  readonly #names = new Map<string, string>();
  #gate: Promise<void> | undefined;

  /** Makes the bot stall until the returned function is called (a slow talk API). */
  hold(): () => void {
    let release = () => {};
    this.#gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    return () => {
      this.#gate = undefined;
      release();
    };
  }

  async talk(req: TalkRequest): Promise<TalkResult> {
    this.inputs.push(req.input);
    this.askers.push(req.interlocutor.userId);
    if (this.#gate) await this.#gate;
    const input = req.input.trim();
    const key = req.interlocutor.id;
    const lower = input.toLowerCase().replace(/[?.!]+$/, "");
    const rich = RICH[lower];
    if (rich) return { responses: [rich] };
    const named = /^my name is (.+)$/i.exec(input);
    if (named?.[1]) {
      this.#names.set(key, named[1]);
      return { responses: [`Nice to meet you, ${named[1]}.`] };
    }
    if (lower === "what is my name") {
      const name = this.#names.get(key);
      return { responses: [name ? `Your name is ${name}.` : "I don't know your name yet."] };
    }
    if (lower === "long") {
      return { responses: [Array.from({ length: LONG_ANSWER_WORDS }, (_, i) => `word${i}`).join(" ")] };
    }
    return { responses: [`You said: ${input}`] };
  }
}
