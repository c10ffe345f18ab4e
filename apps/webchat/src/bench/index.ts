// `pnpm --filter @parley/webchat bench`: web chat messages per second through the JSON API, the core
// gateway and an instant talk backend, against the same listener's /healthz as the baseline (the
// cost of HTTP alone), plus the page's weight.
import { writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { startDemoWebchat } from "../testing/start-demo.js";

interface Row {
  name: string;
  value: number;
  unit: string;
  baseline: number | null;
  ratio: number | null;
}

const CONCURRENCY = 16;
const DURATION_MS = 4_000;

/** Requests per second with CONCURRENCY clients, each sending one request after the other. */
async function throughput(send: (client: number, n: number) => Promise<void>): Promise<number> {
  const deadline = performance.now() + DURATION_MS;
  let done = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, client) => {
      for (let n = 0; performance.now() < deadline; n += 1) {
        await send(client, n);
        done += 1;
      }
    }),
  );
  return done / ((performance.now() - start) / 1000);
}

async function expectOk(res: Response): Promise<void> {
  if (!res.ok) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
  await res.arrayBuffer();
}

const demo = await startDemoWebchat();
try {
  const health = () => fetch(`${demo.url}/healthz`).then(expectOk);
  const message = (client: number, n: number) =>
    fetch(`${demo.url}/api/webchat/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ userId: `bench-${client}`, text: n % 2 ? "buttons" : `hello ${n}` }),
    }).then(expectOk);

  await throughput(health); // warm-up
  const healthRate = await throughput(health);
  await throughput(message); // warm-up
  const messageRate = await throughput(message);

  let pageBytes = 0;
  for (const path of ["/", "/webchat/webchat.js", "/webchat/webchat.css"]) {
    pageBytes += (await (await fetch(`${demo.url}${path}`)).arrayBuffer()).byteLength;
  }

  const rows: Row[] = [
    {
      name: "webchat API messages answered per second (16 clients, instant backend)",
      value: Math.round(messageRate),
      unit: "msg/s",
      baseline: Math.round(healthRate),
      ratio: Number((messageRate / healthRate).toFixed(3)),
    },
    {
      name: "webchat page weight (html + js + css, uncompressed)",
      value: pageBytes,
      unit: "bytes",
      baseline: null,
      ratio: null,
    },
  ];
  for (const row of rows) {
    const base =
      row.baseline === null ? "" : `  (baseline GET /healthz ${row.baseline}/s, ratio ${row.ratio})`;
    console.log(`${row.name}: ${row.value} ${row.unit}${base}`);
  }
  writeFileSync(new URL("../../bench-results.json", import.meta.url), `${JSON.stringify(rows, null, 2)}\n`);
} finally {
  await demo.close();
}
