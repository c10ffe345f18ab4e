import { noopLogger } from "@parley/core";
import { webApi } from "@slack/bolt";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SlackStep } from "../render/render-reply.js";
import { FakeSlack } from "../testing/fake-slack.js";
import { SlackSender } from "./slack-sender.js";

const TOKEN = "xoxb-rate-limit-test";
const post = (text: string): SlackStep => ({ kind: "post", text, blocks: [] });

describe("sending under Slack's rate limits", () => {
  let fake: FakeSlack;
  let slept: number[];
  let sender: SlackSender;
  beforeEach(async () => {
    fake = await FakeSlack.start({ botToken: TOKEN });
    slept = [];
    const client = new webApi.WebClient(undefined, {
      slackApiUrl: fake.apiUrl,
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 0 },
    });
    // The wait is recorded (and skipped) so the test shows how long Slack asked us to wait.
    const sleep = async (ms: number) => {
      slept.push(ms);
    };
    sender = new SlackSender({
      client,
      botToken: TOKEN,
      logger: noopLogger,
      sleep,
      maxRateLimitRetries: 3,
    });
  });
  afterEach(async () => {
    await fake.close();
  });

  it("waits the Retry-After Slack gave, then resends, keeping the messages in order", async () => {
    fake.rateLimitNextPosts(null, 7);
    await sender.deliver({ channel: "D1" }, [post("A"), post("B"), post("C")]);

    expect(fake.posts.map((p) => p.text)).toEqual(["A", "B", "C"]);
    expect(slept).toEqual([7000]);
    expect(fake.calls.filter((c) => c.method === "chat.postMessage").map((c) => c.status)).toEqual([
      200, 429, 200, 200,
    ]);
  });

  it("holds later replies to the same conversation behind a rate-limited one", async () => {
    fake.rateLimitNextPosts(2, 3);
    const first = sender.deliver({ channel: "D1" }, [post("first")]);
    const second = sender.deliver({ channel: "D1" }, [post("second")]);
    await Promise.all([first, second]);
    expect(fake.posts.map((p) => p.text)).toEqual(["first", "second"]);
    expect(slept).toEqual([2000, 3000]);
  });

  it("gives up with a typed error when Slack keeps refusing", async () => {
    fake.rateLimitNextPosts(1, 1, 1, 1, 1);
    await expect(sender.deliver({ channel: "D1" }, [post("never")])).rejects.toMatchObject({
      code: "SLACK_SEND_FAILED",
    });
    expect(fake.posts).toEqual([]);
    expect(slept).toEqual([1000, 1000, 1000]);
  });

  it("waits a delay step between two messages", async () => {
    await sender.deliver({ channel: "D1" }, [post("before"), { kind: "wait", ms: 1500 }, post("after")]);
    expect(fake.posts.map((p) => p.text)).toEqual(["before", "after"]);
    expect(slept).toEqual([1500]);
  });
});
