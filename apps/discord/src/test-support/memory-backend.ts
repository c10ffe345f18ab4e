// An in-test TalkBackend: remembers each person's name and answers rich AIML markup on cue.
import type { TalkBackend, TalkRequest, TalkResult } from "@parley/core";

export const LONG_ANSWER = buildLongAnswer();

export class MemoryBackend implements TalkBackend {
  readonly name = "memory";
  /** Every input, as "<userId>: <input>", in arrival order. */
  readonly inputs: string[] = [];
  private readonly names = new Map<string, string>();
  private gate: Promise<void> | undefined;
  private openGate: (() => void) | undefined;

  /** Until `release()`, every talk call waits after recording its input (a bot still thinking). */
  hold(): void {
    this.gate = new Promise((resolve) => {
      this.openGate = resolve;
    });
  }

  release(): void {
    this.openGate?.();
    this.gate = undefined;
  }

  async talk(req: TalkRequest): Promise<TalkResult> {
    const who = req.interlocutor.userId;
    const input = req.input.trim();
    this.inputs.push(`${who}: ${input}`);
    await this.gate;
    return { responses: [this.answer(who, input)] };
  }

  private answer(who: string, input: string): string {
    const name = /^my name is (.+)$/i.exec(input)?.[1];
    if (name) {
      this.names.set(who, name);
      return `Nice to meet you, ${name}.`;
    }
    if (/^what is my name\??$/i.test(input)) {
      const known = this.names.get(who);
      return known ? `Your name is ${known}.` : "I don't know your name yet.";
    }
    switch (input.toLowerCase()) {
      case "buttons":
        return "Pick a colour: <button><text>Red</text><postback>colour red</postback></button><button><text>Blue</text><postback>colour blue</postback></button><button><text>Docs</text><url>https://example.com/docs</url></button>";
      case "long button":
        return `One more: <button><text>Long</text><postback>${"x".repeat(150)}</postback></button>`;
      case "card":
        return "<card><image>https://example.com/tea.png</image><title>Green tea</title><subtitle>Fresh *and* light</subtitle><button><text>Order</text><postback>order green tea</postback></button><button><text>More</text><url>https://example.com/tea</url></button></card>";
      case "carousel":
        return `<carousel>${Array.from({ length: 12 }, (_, i) => `<card><title>Item ${i + 1}</title><subtitle>Number ${i + 1}</subtitle></card>`).join("")}</carousel>`;
      case "long":
        // In AIML a newline is plain whitespace; paragraph breaks are written as <br/>.
        return LONG_ANSWER.replace("\n\n", "<br/><br/>");
      case "split":
        return "First part.<split/>Second part.";
    }
    if (/^colour (red|blue)$/.test(input)) return `You chose ${input.slice(7)}.`;
    if (input.startsWith("xxxx")) return `Long postback of ${input.length} characters received.`;
    return `You said: ${input}`;
  }
}

function buildLongAnswer(): string {
  // Two paragraphs of whole sentences, 2,500 characters in all.
  const sentence = (i: number) => `This is sentence number ${String(i).padStart(3, "0")} of a long answer. `;
  const paragraph = (from: number, count: number) =>
    Array.from({ length: count }, (_, k) => sentence(from + k))
      .join("")
      .trim();
  const text = `${paragraph(1, 30)}\n\n${paragraph(31, 30)}`;
  return text.slice(0, 2500);
}
