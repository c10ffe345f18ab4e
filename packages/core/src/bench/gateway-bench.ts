// Pushes messages through the whole gateway (SQLite store, real queue, parse, channel.send) and
// makes the same calls straight to the backend, in the same run.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createGateway, type Gateway } from "../gateway/index.js";
import { TalkQueue } from "../queue/index.js";
import { SqliteInterlocutorStore } from "../store/index.js";
import type { Inbound } from "../types/index.js";
import { DiscardChannel, InstantBackend } from "./fakes.js";
import { percentile, sortedCopy } from "./stats.js";

export interface BenchFigures {
  messages: number;
  users: number;
  /** Messages per second of wall-clock time. */
  pipelinePerSec: number;
  directPerSec: number;
  /** Messages per second of this process's CPU time: what one core carries, whatever else runs on the machine. */
  pipelinePerCpuSec: number;
  directPerCpuSec: number;
  pipelineP50Ms: number;
  pipelineP99Ms: number;
  directP50Ms: number;
  directP99Ms: number;
}

const CHANNEL = "bench";

function makeInbound(n: number, users: number, round: string): Inbound {
  const user = n % users;
  return {
    channel: CHANNEL,
    userId: `user-${user}`,
    conversationId: `conv-${user}`,
    messageId: `${round}-${n}`,
    text: `hello number ${n}`,
  };
}

interface Rig {
  gateway: Gateway;
  backend: InstantBackend;
  channel: DiscardChannel;
  store: SqliteInterlocutorStore;
  dir: string;
}

function makeRig(messages: number): Rig {
  const dir = mkdtempSync(join(tmpdir(), "parley-bench-"));
  const store = new SqliteInterlocutorStore(join(dir, "interlocutors.db"));
  const backend = new InstantBackend();
  const channel = new DiscardChannel(CHANNEL);
  const queue = new TalkQueue({ concurrency: 64, maxBacklog: messages * 2, timeoutMs: 10_000 });
  const gateway = createGateway({ bot: "bench", backend, store, queue, channels: [channel] });
  return { gateway, backend, channel, store, dir };
}

interface Elapsed {
  wallMs: number;
  cpuMs: number;
}

const cpuMsSince = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

/** All messages offered at once; time until the last reply was handed to the channel. */
async function pipelineThroughput(
  rig: Rig,
  messages: number,
  users: number,
  round: string,
): Promise<Elapsed> {
  const inbound = Array.from({ length: messages }, (_, n) => makeInbound(n, users, round));
  let sent = 0;
  const done = new Promise<void>((resolve) => {
    rig.channel.onSend = () => {
      if (++sent === messages) resolve();
    };
  });
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (const message of inbound) {
    const outcome = await rig.gateway.receive(message);
    if (outcome.status !== "accepted") throw new Error(`bench message refused: ${outcome.status}`);
  }
  await done;
  return { wallMs: performance.now() - started, cpuMs: cpuMsSince(cpu) };
}

/** One message at a time: receive -> reply at the channel, per message. */
async function pipelineLatencies(rig: Rig, messages: number, users: number, round: string) {
  const latencies = new Float64Array(messages);
  let resolveSent: () => void = () => {};
  rig.channel.onSend = () => resolveSent();
  for (let n = 0; n < messages; n++) {
    const message = makeInbound(n, users, round);
    const sent = new Promise<void>((resolve) => {
      resolveSent = resolve;
    });
    const started = performance.now();
    await rig.gateway.receive(message);
    await sent;
    latencies[n] = performance.now() - started;
  }
  return latencies;
}

async function directThroughput(backend: InstantBackend, rig: Rig, messages: number, users: number) {
  const people = await Promise.all(
    Array.from({ length: users }, (_, u) =>
      rig.store.get({ bot: "bench", channel: CHANNEL, userId: `user-${u}` }),
    ),
  );
  const requests = Array.from({ length: messages }, (_, n) => ({
    interlocutor: people[n % users] as NonNullable<(typeof people)[number]>,
    input: `hello number ${n}`,
  }));
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(requests.map((req) => backend.talk(req)));
  const elapsed: Elapsed = { wallMs: performance.now() - started, cpuMs: cpuMsSince(cpu) };
  const latencies = new Float64Array(messages);
  for (let n = 0; n < messages; n++) {
    const t0 = performance.now();
    await backend.talk(requests[n] as (typeof requests)[number]);
    latencies[n] = performance.now() - t0;
  }
  return { elapsed, latencies };
}

export async function runGatewayBench(messages: number, users: number): Promise<BenchFigures> {
  const rig = makeRig(messages);
  try {
    // Warm-up: every user's first contact (atalk + SQLite insert) and the JIT, not measured.
    await pipelineThroughput(rig, Math.max(users, messages / 4), users, "warm");
    await pipelineLatencies(rig, 2_000, users, "warm-latency");
    globalThis.gc?.();

    const pipeline = await pipelineThroughput(rig, messages, users, "throughput");
    globalThis.gc?.();
    const pipelineLat = sortedCopy(await pipelineLatencies(rig, messages, users, "latency"));
    globalThis.gc?.();
    const direct = await directThroughput(new InstantBackend(), rig, messages, users);
    const directLat = sortedCopy(direct.latencies);

    return {
      messages,
      users,
      pipelinePerSec: (messages / pipeline.wallMs) * 1000,
      directPerSec: (messages / direct.elapsed.wallMs) * 1000,
      pipelinePerCpuSec: (messages / pipeline.cpuMs) * 1000,
      directPerCpuSec: (messages / Math.max(direct.elapsed.cpuMs, 0.001)) * 1000,
      pipelineP50Ms: percentile(pipelineLat, 50),
      pipelineP99Ms: percentile(pipelineLat, 99),
      directP50Ms: percentile(directLat, 50),
      directP99Ms: percentile(directLat, 99),
    };
  } finally {
    await rig.gateway.stop();
    await rig.store.close();
    rmSync(rig.dir, { recursive: true, force: true });
  }
}
