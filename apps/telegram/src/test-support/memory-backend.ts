// An in-test TalkBackend: remembers each person's name and answers rich AIML markup for test inputs.
import type { TalkBackend, TalkRequest, TalkResult } from "@parley/core";

export const LONG_POSTBACK = `show me the extended warranty terms for the deluxe model ${"x".repeat(40)}`;

export const CARD_MARKUP =
  "<card><image>https://img.example.com/tea.png</image><title>Green tea</title>" +
  "<subtitle>Fresh &amp; hot &lt;today&gt;</subtitle>" +
  "<button><text>Buy</text><postback>buy tea</postback></button>" +
  "<button><text>Read more</text><url>https://example.com/tea</url></button></card>";

const CAROUSEL_MARKUP =
  "<carousel>" +
  "<card><image>https://img.example.com/a.png</image><title>Alpha</title><subtitle>First</subtitle>" +
  "<button><text>Pick Alpha</text><postback>pick alpha</postback></button></card>" +
  "<card><image>https://img.example.com/b.png</image><title>Beta</title><subtitle>Second</subtitle>" +
  "<button><text>Pick Beta</text><postback>pick beta</postback></button></card>" +
  "</carousel>";

/** About 6,000 characters in paragraphs of sentences: must arrive as two or more messages. */
export const LONG_TEXT = Array.from(
  { length: 12 },
  (_, p) =>
    `Paragraph ${p + 1}. ` +
    Array.from({ length: 8 }, (_, s) => `This is sentence ${s + 1} of paragraph ${p + 1}, kept plain.`).join(
      " ",
    ),
).join("\n\n");

export class MemoryTalkBackend implements TalkBackend {
  readonly name = "memory";
  readonly requests: TalkRequest[] = [];
  private readonly names = new Map<string, string>();
  private release: (() => void) | undefined;
  private held: Promise<void> | undefined;

  /** Until `releaseSlow()`, the input "slow" keeps the bot thinking. */
  holdSlow(): void {
    this.held = new Promise((resolve) => {
      this.release = resolve;
    });
  }

  releaseSlow(): void {
    this.release?.();
  }

  async talk(req: TalkRequest): Promise<TalkResult> {
    this.requests.push(req);
    const who = req.interlocutor.id;
    if (req.reset) this.names.delete(who);
    if (req.input === "slow" && this.held) await this.held;
    return { responses: [this.answer(who, req.input.trim())] };
  }

  private answer(who: string, input: string): string {
    const lower = input.toLowerCase();
    const name = /^my name is (.+)$/i.exec(input)?.[1];
    if (name) {
      this.names.set(who, name);
      return `Nice to meet you, ${escapeXml(name)}.`;
    }
    if (lower === "what is my name") {
      const known = this.names.get(who);
      return known ? `Your name is ${escapeXml(known)}.` : "I don't know your name yet.";
    }
    if (lower === "hello") return "Hello! I am the test bot.";
    if (lower === "card") return CARD_MARKUP;
    if (lower === "carousel") return CAROUSEL_MARKUP;
    if (lower === "buttons") {
      return (
        "Pick one: <button><text>Red</text><postback>color red</postback></button>" +
        `<button><text>Warranty</text><postback>${LONG_POSTBACK}</postback></button>`
      );
    }
    if (lower === "color red") return "You picked red.";
    if (input === LONG_POSTBACK) return "Here are the warranty terms.";
    if (lower === "quick") {
      return "Tea or coffee? <reply><text>Tea</text><postback>i choose tea</postback></reply><reply>Coffee</reply>";
    }
    if (lower === "i choose tea") return "Tea it is.";
    if (lower === "long") return escapeXml(LONG_TEXT).replace(/\n/g, "<br/>");
    if (lower === "delay") return "Let me think.<delay>0</delay>Got it.";
    if (lower === "split") return "First bubble.<split/>Second bubble.";
    if (lower === "media")
      return "<image>https://img.example.com/cat.jpg</image><video>https://vid.example.com/cat.mp4</video>";
    if (lower === "list") return "Steps: <olist><item>Boil &amp; pour</item><item>Wait</item></olist>";
    return `You said: ${escapeXml(input)}`;
  }
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
