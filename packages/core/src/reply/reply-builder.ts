// Collects parts into messages: pending inline text becomes a text part when a block part arrives,
// and buttons / quick replies that directly follow text take that text as their prompt.
import type { Button, Reply, ReplyPart } from "../types/index.js";

export class ReplyBuilder {
  private readonly messages: ReplyPart[][] = [];
  private parts: ReplyPart[] = [];
  private pending = "";

  /** Source text: runs of whitespace collapse to one space, as in HTML. */
  appendText(text: string): void {
    this.pending += collapseSpace(text);
  }

  lineBreak(): void {
    this.pending += "\n";
  }

  push(part: ReplyPart): void {
    this.flushText();
    const last = this.parts[this.parts.length - 1];
    if (part.type === "buttons" && last?.type === "buttons") {
      last.buttons.push(...part.buttons);
    } else if (part.type === "quickReplies" && last?.type === "quickReplies") {
      last.replies.push(...part.replies);
    } else if (part.type === "buttons" && last?.type === "text") {
      this.replaceLast({ type: "buttons", text: last.text, buttons: part.buttons });
    } else if (part.type === "quickReplies" && last?.type === "text") {
      this.replaceLast({ type: "quickReplies", text: last.text, replies: part.replies });
    } else {
      this.parts.push(part);
    }
  }

  pushButton(button: Button): void {
    this.push({ type: "buttons", buttons: [button] });
  }

  pushQuickReply(reply: Button): void {
    this.push({ type: "quickReplies", replies: [reply] });
  }

  /** `<split/>`: what follows goes into a new message; empty messages are never produced. */
  split(): void {
    this.flushText();
    if (this.parts.length > 0) this.messages.push(this.parts);
    this.parts = [];
  }

  finish(): Reply {
    this.split();
    return { messages: this.messages };
  }

  private replaceLast(part: ReplyPart): void {
    this.parts[this.parts.length - 1] = part;
  }

  private flushText(): void {
    const text = normalizeText(this.pending);
    this.pending = "";
    if (text) this.parts.push({ type: "text", text });
  }
}

/** Trims every line and the whole; keeps the line breaks `<br/>` asked for and inner `&nbsp;`. */
export function normalizeText(text: string): string {
  return text
    .split("\n")
    .map((line) => collapseSpace(line).replace(/^ | $/g, ""))
    .join("\n")
    .trim(); // the edges: blank lines, and a lone &nbsp; is not a message either
}

/** HTML-style whitespace collapsing; a non-breaking space (&nbsp;) is content and stays. */
export function collapseSpace(text: string): string {
  return text.replace(/[ \t\r\n\f]+/g, " ");
}
