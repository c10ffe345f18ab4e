// A small talk backend for tests and demos: remembers a name per person and answers in AIML
// rich-media markup, like a Pandorabots bot would. Its pictures are a data: URI or files on the test
// server (demo-media.ts), never on the internet.
import { TalkApiError, type TalkBackend, type TalkRequest, type TalkResult } from "@parley/core";
import { demoMediaUrl } from "./demo-media.js";

export const DEMO_IMAGE =
  "data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSI4MCIgaGVpZ2h0PSI0MCI+PHJlY3Qgd2lkdGg9IjgwIiBoZWlnaHQ9IjQwIiBmaWxsPSIjMjU1N2Q2Ii8+PC9zdmc+";

/** The pause in the "rich" answer before its quick replies, shown by the page as typing. */
export const DEMO_DELAY_SECONDS = 3;

export class DemoTalkBackend implements TalkBackend {
  readonly name = "demo";
  readonly inputs: string[] = [];
  readonly #names = new Map<string, string>();
  #clients = 0;
  readonly #mediaBaseUrl: string | undefined;

  /** `mediaBaseUrl`: a server with demoMediaRoutes(); without it, pictures are data: URIs only. */
  constructor(options: { mediaBaseUrl?: string } = {}) {
    this.#mediaBaseUrl = options.mediaBaseUrl;
  }

  #media(file: "dot.svg" | "clip.webm"): string | undefined {
    return this.#mediaBaseUrl ? demoMediaUrl(this.#mediaBaseUrl, file) : undefined;
  }

  async talk(req: TalkRequest): Promise<TalkResult> {
    this.inputs.push(req.input);
    // "break" stands for a talk API that refuses for good (401: not retried).
    if (req.input.trim().toUpperCase() === "BREAK") {
      throw new TalkApiError("bad credentials", { status: 401, retryable: false });
    }
    const clientName = req.interlocutor.clientName ?? `demo-user-${this.#clients++}`;
    const responses = [this.#answer(clientName, req.input.trim())];
    return { responses, interlocutor: { clientName } };
  }

  #answer(client: string, input: string): string {
    const named = /^my name is (.+)$/i.exec(input);
    if (named?.[1]) {
      this.#names.set(client, named[1]);
      return `Nice to meet you, ${named[1]}!`;
    }
    if (/^what is my name\??$/i.test(input)) {
      const name = this.#names.get(client);
      return name ? `Your name is ${name}.` : "You have not told me your name yet.";
    }
    switch (input.toUpperCase()) {
      case "BUTTONS":
        return "Do you like Parley? <button><text>Yes</text><postback>YES</postback></button> <button><text>Docs</text><url>https://example.com/docs</url></button>";
      case "YES":
        return "Great, I like you too!";
      case "RICH":
        return [
          "Here is everything: visit https://example.com/ today.<br/>Second line",
          `<card><image>${DEMO_IMAGE}</image><title>Pizza</title><subtitle>Hot &amp; fresh</subtitle><button><text>Order</text><postback>ORDER</postback></button></card>`,
          "<split/>",
          "<carousel><card><title>Small</title><button>SIZE S</button></card><card><title>Large</title><button>SIZE L</button></card></carousel>",
          `<image>${this.#media("dot.svg") ?? DEMO_IMAGE}</image>`,
          "<olist><item>Mix</item><item>Bake</item></olist><list><item>salt</item></list>",
          "<link><text>Read the docs</text><url>https://example.com/docs</url></link>",
          this.#mediaBaseUrl ? `<video>${this.#media("clip.webm")}</video>` : "",
          // Long enough to see as typing; the browser test drives the page's clock through it.
          `<delay>${DEMO_DELAY_SECONDS}</delay>Which size? <reply>Small</reply><reply><text>Large</text><postback>SIZE L</postback></reply>`,
        ].join("");
      case "SIZE L":
        return "Large it is.";
      default:
        return `You said: ${input}`;
    }
  }
}
