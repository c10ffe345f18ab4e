// The WebSocket half of the fake Discord: HELLO, IDENTIFY -> READY (+ GUILD_CREATE), heartbeats, dispatches.
import type { Server } from "node:http";
import { type WebSocket, WebSocketServer } from "ws";

const Op = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  Resume: 6,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
};

export interface IdentifyData {
  token: string;
  intents: number;
}

export interface FakeGatewayOptions {
  server: Server;
  token: string;
  /** Intent bits the app may not use: identifying with any of them is refused with close code 4014. */
  forbiddenIntents?: number;
  /** The READY payload's `d` and the dispatches that follow it (e.g. GUILD_CREATE). */
  onIdentify(identify: IdentifyData): { ready: Record<string, unknown>; after: { t: string; d: unknown }[] };
}

export class FakeGateway {
  private readonly wss: WebSocketServer;
  private socket: WebSocket | undefined;
  private sequence = 0;
  private identifiedResolve: (() => void) | undefined;
  /** Resolves once a client has identified and received READY. */
  readonly identified: Promise<void>;
  identify: IdentifyData | undefined;

  constructor(private readonly options: FakeGatewayOptions) {
    this.identified = new Promise((resolve) => {
      this.identifiedResolve = resolve;
    });
    this.wss = new WebSocketServer({ server: options.server });
    this.wss.on("connection", (socket) => this.accept(socket));
  }

  /** Sends one dispatch (op 0) to the connected client. */
  dispatch(t: string, d: unknown): void {
    if (!this.socket) throw new Error("FakeGateway: no client connected");
    this.sequence += 1;
    this.socket.send(JSON.stringify({ op: Op.Dispatch, t, s: this.sequence, d }));
  }

  /** Closes the client's connection with a gateway close code (4004 bad token, 4014 disallowed intents...). */
  disconnect(code: number, reason = ""): void {
    this.socket?.close(code, reason);
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private accept(socket: WebSocket): void {
    this.socket = socket;
    socket.send(JSON.stringify({ op: Op.Hello, d: { heartbeat_interval: 41_250 } }));
    socket.on("message", (raw) => {
      const packet = JSON.parse(String(raw)) as { op: number; d: unknown };
      if (packet.op === Op.Heartbeat) {
        socket.send(JSON.stringify({ op: Op.HeartbeatAck }));
      } else if (packet.op === Op.Identify) {
        const d = packet.d as IdentifyData;
        if (d.token !== this.options.token) {
          socket.close(4004, "Authentication failed.");
          return;
        }
        if ((d.intents & (this.options.forbiddenIntents ?? 0)) !== 0) {
          socket.close(4014, "Disallowed intent(s).");
          return;
        }
        this.identify = d;
        const { ready, after } = this.options.onIdentify(d);
        this.dispatch("READY", ready);
        for (const event of after) this.dispatch(event.t, event.d);
        this.identifiedResolve?.();
      } else if (packet.op === Op.Resume) {
        // Sessions are not kept: make the client identify again.
        socket.send(JSON.stringify({ op: Op.InvalidSession, d: false }));
      }
    });
  }
}
