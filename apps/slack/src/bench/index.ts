// `pnpm --filter @parley/slack bench`: how fast replies are rendered to Block Kit, and how many
// signed Slack events per second go all the way through Bolt, the core gateway and back to a fake Slack.
import { writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { parseReply, replyToText } from "@parley/core";
import { renderReply } from "../render/render-reply.js";
import { dmEvent, startHttpHarness } from "../testing/slack-harness.js";

interface Row {
  name: string;
  value: number;
  unit: string;
  baseline: number | null;
  ratio: number | null;
}

const RICH = parseReply([
  `Here you go. ${"Some longer answer text with <, > and & in it. ".repeat(60)}` +
    "<card><image>https://x.test/c.png</image><title>Cat</title><subtitle>Good</subtitle>" +
    "<button><text>Adopt</text><postback>adopt</postback></button><button><text>Site</text><url>https://x.test</url></button></card>" +
    "<carousel><card><title>A</title><button>a</button></card><card><title>B</title><button>b</button></card></carousel>" +
    "<olist><item>one</item><item>two</item></olist><split/>Bye <button>again</button>",
]);

function opsPerSecond(fn: () => void, iterations: number): number {
  for (let i = 0; i < 1000; i += 1) fn();
  globalThis.gc?.();
  const start = performance.now();
  for (let i = 0; i < iterations; i += 1) fn();
  return iterations / ((performance.now() - start) / 1000);
}

async function endToEnd(
  messages: number,
  concurrency: number,
): Promise<{ perSecond: number; ackP50: number }> {
  const h = await startHttpHarness();
  try {
    const acks: number[] = [];
    const start = performance.now();
    for (let i = 0; i < messages; i += concurrency) {
      await Promise.all(
        Array.from({ length: Math.min(concurrency, messages - i) }, async (_, j) => {
          const t = performance.now();
          const res = await h.sendEvent(dmEvent(`hello ${i + j}`, `U${(i + j) % 50}`));
          acks.push(performance.now() - t);
          if (res.status !== 200) throw new Error(`Slack event refused: ${res.status}`);
        }),
      );
    }
    await h.fake.waitForPosts(messages);
    const seconds = (performance.now() - start) / 1000;
    acks.sort((a, b) => a - b);
    return { perSecond: messages / seconds, ackP50: acks[Math.floor(acks.length / 2)] ?? 0 };
  } finally {
    await h.close();
  }
}

const rows: Row[] = [];
const render = opsPerSecond(() => renderReply(RICH), 20_000);
const plain = opsPerSecond(() => replyToText(RICH), 20_000);
rows.push({
  name: "render rich reply to Block Kit",
  value: render,
  unit: "replies/s",
  baseline: plain,
  ratio: render / plain,
});
const e2e = await endToEnd(400, 10);
rows.push({
  name: "signed DM -> Bolt -> gateway -> fake Slack",
  value: e2e.perSecond,
  unit: "messages/s",
  baseline: null,
  ratio: null,
});
rows.push({
  name: "ack latency p50 (10 in flight)",
  value: e2e.ackP50,
  unit: "ms",
  baseline: null,
  ratio: null,
});

for (const r of rows) {
  const base =
    r.baseline === null
      ? ""
      : `  (baseline replyToText ${r.baseline.toFixed(0)}, ratio ${r.ratio?.toFixed(3)})`;
  console.log(`${r.name}: ${r.value.toFixed(r.unit === "ms" ? 2 : 0)} ${r.unit}${base}`);
}
writeFileSync(new URL("../../bench-results.json", import.meta.url), `${JSON.stringify(rows, null, 2)}\n`);
