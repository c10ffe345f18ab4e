// Saturating autocannon runs: 100 connections, each one client's conversation at a time.
import autocannon from "autocannon";

export interface LoadFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  total: number;
}

export interface TalkLoad {
  url: string;
  appId: string;
  userKey: string;
  botname: string;
  inputs: string[];
  connections: number;
  seconds: number;
}

let clientCounter = 0;

/** Each connection talks as one client for `TURNS` inputs, then continues as a new client. */
const TURNS = 40;

export async function runTalkLoad(load: TalkLoad): Promise<LoadFigures> {
  const path = `/talk/${load.appId}/${load.botname}`;
  const requests: autocannon.Request[] = Array.from({ length: TURNS }, (_, turn) => ({
    method: "POST" as const,
    path,
    headers: { "content-type": "application/x-www-form-urlencoded" },
    setupRequest: (request: autocannon.Request, ctx: object) => {
      const context = ctx as { client?: string };
      if (turn === 0 || context.client === undefined) context.client = `benchclient${clientCounter++}`;
      const input = load.inputs[(turn + clientCounter) % load.inputs.length] ?? "hello";
      request.body = new URLSearchParams({
        user_key: load.userKey,
        client_name: String(context.client),
        input,
      }).toString();
      return request;
    },
  }));
  const result = await autocannon({
    url: load.url,
    connections: load.connections,
    duration: load.seconds,
    requests,
  });
  return figures(result);
}

export async function runGetLoad(url: string, connections: number, seconds: number): Promise<LoadFigures> {
  return figures(await autocannon({ url, connections, duration: seconds }));
}

function figures(result: autocannon.Result): LoadFigures {
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    total: result.requests.total,
  };
}
