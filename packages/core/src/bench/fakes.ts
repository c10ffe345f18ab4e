// The benchmark's in-process backend and channel: they cost next to nothing, so what is measured
// is the gateway itself.
import type { Address, Channel, Reply, TalkBackend, TalkRequest, TalkResult } from "../types/index.js";

/** Answers at once, like an atalk-then-talk backend that lives in the same process. */
export class InstantBackend implements TalkBackend {
  readonly name = "instant";
  #clients = 0;

  async talk(req: TalkRequest): Promise<TalkResult> {
    const result: TalkResult = { responses: [`You said ${req.input}`] };
    if (req.interlocutor.clientName === null)
      result.interlocutor = { clientName: `bench-${this.#clients++}` };
    return result;
  }
}

/** Drops every reply, telling the benchmark when it arrived. */
export class DiscardChannel implements Channel {
  onSend: (to: Address) => void = () => {};
  constructor(readonly name: string) {}
  async start(): Promise<void> {}
  async stop(): Promise<void> {}
  async send(to: Address, _reply: Reply): Promise<void> {
    this.onSend(to);
  }
}
