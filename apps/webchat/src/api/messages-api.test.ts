import { afterEach, describe, expect, it } from "vitest";
import { startDemoWebchat } from "../testing/start-demo.js";

type Demo = Awaited<ReturnType<typeof startDemoWebchat>>;
const running: Demo[] = [];

async function start(options: Parameters<typeof startDemoWebchat>[0] = {}) {
  const demo = await startDemoWebchat(options);
  running.push(demo);
  return demo;
}

function post(
  demo: Demo,
  body: unknown,
  headers: Record<string, string> = { "content-type": "application/json" },
) {
  return fetch(`${demo.url}/api/webchat/messages`, {
    method: "POST",
    headers,
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((d) => d.close()));
});

describe("POST /api/webchat/messages", () => {
  it("answers with the interlocutor and the parsed reply once the bot has answered", async () => {
    const demo = await start();
    const res = await post(demo, { userId: "u-1", text: "buttons" });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.interlocutor).toEqual({ id: expect.any(String), clientName: "demo-user-0" });
    expect(body.replies).toEqual({
      messages: [
        [
          {
            type: "buttons",
            text: "Do you like Parley?",
            buttons: [
              { text: "Yes", postback: "YES" },
              { text: "Docs", url: "https://example.com/docs" },
            ],
          },
        ],
      ],
    });
  });

  it("remembers a person by userId, and keeps people apart", async () => {
    const demo = await start();
    await post(demo, { userId: "ada", text: "my name is Ada" });
    await post(demo, { userId: "bob", text: "my name is Bob" });
    const ada = await (await post(demo, { userId: "ada", text: "what is my name" })).json();
    const bob = await (await post(demo, { userId: "bob", text: "what is my name" })).json();
    expect(ada.replies.messages).toEqual([[{ type: "text", text: "Your name is Ada." }]]);
    expect(bob.replies.messages).toEqual([[{ type: "text", text: "Your name is Bob." }]]);
    expect(ada.interlocutor.id).not.toBe(bob.interlocutor.id);
  });

  it("gives a retried message (same messageId) the same answer without asking the bot twice", async () => {
    const demo = await start();
    const first = await (await post(demo, { userId: "u", text: "hello", messageId: "m-1" })).json();
    const again = await (await post(demo, { userId: "u", text: "hello", messageId: "m-1" })).json();
    expect(again).toEqual(first);
    expect(demo.backend.inputs).toEqual(["hello"]);
  });

  it.each([
    [{ userId: "u", text: "" }, "text must not be empty"],
    [{ userId: "u", text: "   " }, "text must not be empty"],
    [{ userId: "u", text: "x".repeat(51) }, "text must be at most 50 characters"],
    [{ userId: "", text: "hi" }, "userId must not be empty"],
    [{ userId: "has spaces", text: "hi" }, "userId may hold only letters, digits and . _ : @ -"],
    [{ userId: "u".repeat(129), text: "hi" }, "userId must be at most 128 characters"],
    [{ text: "hi" }, "userId is required (a string)"],
    [{ userId: 42, text: "hi" }, "userId is required (a string)"],
    [{ userId: "u" }, "text is required (a string)"],
  ])("refuses %j with 400 and a message", async (body, message) => {
    const demo = await start({ maxText: 50 });
    const res = await post(demo, body);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: message });
    expect(demo.backend.inputs).toEqual([]);
  });

  it("refuses bodies that are not JSON, too large, or not declared as JSON", async () => {
    const demo = await start({ maxText: 50 });
    const broken = await post(demo, "{not json");
    expect(broken.status).toBe(400);
    expect((await broken.json()).error).toBe("body is not JSON");
    expect((await post(demo, { userId: "u", text: "hi" }, { "content-type": "text/plain" })).status).toBe(
      415,
    );
    expect((await post(demo, { userId: "u", text: "x".repeat(10_000) })).status).toBe(413);
    expect(demo.backend.inputs).toEqual([]);
  });

  it("accepts text of exactly the limit", async () => {
    const demo = await start({ maxText: 50 });
    const res = await post(demo, { userId: "u", text: "é".repeat(50) });
    expect(res.status).toBe(200);
  });

  it("answers with the apology when the talk API fails for good", async () => {
    const demo = await start({ apologyReply: "Sorry, the bot is resting." });
    const res = await post(demo, { userId: "u", text: "break" });
    expect(res.status).toBe(200);
    expect((await res.json()).replies).toEqual({
      messages: [[{ type: "text", text: "Sorry, the bot is resting." }]],
    });
    const next = await (await post(demo, { userId: "u", text: "hello" })).json();
    expect(next.replies.messages).toEqual([[{ type: "text", text: "You said: hello" }]]);
  });

  it("answers 503 once the channel is stopping", async () => {
    const demo = await start();
    await demo.channel.stop();
    const res = await post(demo, { userId: "u", text: "hi" });
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
  });
});
