// A small GatewayPort for channel tests: dedupe by message id, one talk at a time per person,
// backend -> core's parseReply -> channel.send. Stands in while the core's gateway is unfinished.
import {
  type AskResult,
  type Channel,
  type GatewayPort,
  type Inbound,
  type Interlocutor,
  parseReply,
  type ReceiveOutcome,
  type TalkBackend,
} from "@parley/core";

export class TestGateway implements GatewayPort {
  readonly received: Inbound[] = [];
  readonly #seen = new Set<string>();
  readonly #people = new Map<string, Interlocutor>();
  readonly #chains = new Map<string, Promise<void>>();
  #pending = new Set<Promise<void>>();

  constructor(
    private readonly backend: TalkBackend,
    private readonly channel: Channel,
  ) {}

  async receive(inbound: Inbound): Promise<ReceiveOutcome> {
    const key = `${inbound.channel}:${inbound.messageId}`;
    if (this.#seen.has(key)) return { status: "duplicate" };
    this.#seen.add(key);
    this.received.push(inbound);
    const who = `${inbound.channel}:${inbound.userId}`;
    const previous = (this.#chains.get(who) ?? Promise.resolve()).catch(() => undefined);
    const job = previous.then(async () => {
      const { reply } = await this.ask(inbound);
      await this.channel.send(
        {
          channel: inbound.channel,
          conversationId: inbound.conversationId,
          ...(inbound.replyTo ? { replyTo: inbound.replyTo } : {}),
          ...(inbound.meta ? { meta: inbound.meta } : {}),
        },
        reply,
      );
    });
    this.#chains.set(who, job);
    this.#pending.add(job);
    void job.finally(() => this.#pending.delete(job));
    return { status: "accepted" };
  }

  async ask(inbound: Inbound): Promise<AskResult> {
    const interlocutor = this.#person(inbound);
    const result = await this.backend.talk({ interlocutor, input: inbound.text });
    return { interlocutor: { id: interlocutor.id, clientName: null }, reply: parseReply(result.responses) };
  }

  /** Resolves when every accepted message was answered (rejects if one failed). */
  async idle(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all(this.#pending);
  }

  #person(inbound: Inbound): Interlocutor {
    const id = `${inbound.channel}:${inbound.userId}`;
    let person = this.#people.get(id);
    if (!person) {
      person = {
        id,
        bot: "test",
        channel: inbound.channel,
        userId: inbound.userId,
        clientName: null,
        sessionId: null,
        lastSeenAt: null,
        createdAt: Date.now(),
      };
      this.#people.set(id, person);
    }
    return person;
  }
}
