// Starts a real server on 127.0.0.1:0 over a temp data dir, with a controllable clock.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Logger } from "@parley/core";
import type { ServerOptions } from "../config/options.js";
import type { AimlEngine } from "../engine/contract.js";
import { type RunningServer, startServer } from "../server.js";
import { fakeAimlEngine } from "./fake-aiml.js";

export interface LogLine {
  level: string;
  obj: unknown;
  msg: string | undefined;
}

/** A Logger that records every line, so tests can check what would be logged. */
export function recordingLogger(lines: LogLine[] = []): Logger & { lines: LogLine[] } {
  const make = (): Logger & { lines: LogLine[] } => {
    const fn =
      (level: string) =>
      (objOrMsg: object | string, msg?: string): void => {
        if (typeof objOrMsg === "string") lines.push({ level, obj: undefined, msg: objOrMsg });
        else lines.push({ level, obj: objOrMsg, msg });
      };
    return {
      lines,
      debug: fn("debug"),
      info: fn("info"),
      warn: fn("warn"),
      error: fn("error"),
      child: () => make(),
    };
  };
  return make();
}

export class TestClock {
  constructor(public now = Date.UTC(2026, 0, 1, 12, 0, 0)) {}
  advance(ms: number): void {
    this.now += ms;
  }
  readonly read = (): number => this.now;
}

export interface Harness {
  server: RunningServer;
  dataDir: string;
  clock: TestClock;
  logs: LogLine[];
  url(path: string, query?: Record<string, string>): string;
  /** Stops the server and starts a new one on the same data dir (a restart). */
  restart(): Promise<void>;
  dispose(): Promise<void>;
}

export const TEST_APP_ID = "testapp";
export const TEST_USER_KEY = "test-user-key-0123456789";

export async function startHarness(
  overrides: Partial<ServerOptions> & { engine?: AimlEngine } = {},
): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), "parley-server-test-"));
  const clock = new TestClock();
  const logs: LogLine[] = [];
  const options: ServerOptions = {
    dataDir,
    port: 0,
    appId: TEST_APP_ID,
    userKey: TEST_USER_KEY,
    logger: recordingLogger(logs),
    clock: clock.read,
    demoBot: false,
    engine: fakeAimlEngine,
    ...overrides,
  };
  const harness: Harness = {
    server: await startServer(options),
    dataDir,
    clock,
    logs,
    url(path, query = {}) {
      const url = new URL(path, harness.server.url);
      for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
      return url.toString();
    },
    async restart() {
      await harness.server.close();
      harness.server = await startServer(options);
    },
    async dispose() {
      await harness.server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** fetch + JSON body (or text when the body is not JSON). */
export async function call(
  method: string,
  url: string,
  init: { body?: string | URLSearchParams; headers?: Record<string, string> } = {},
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON shapes
): Promise<{ status: number; headers: Headers; json: any; text: string }> {
  const response = await fetch(url, { method, body: init.body, headers: init.headers });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, json, text };
}
