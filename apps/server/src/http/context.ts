import type { BotAdmin } from "../runtime/bot-admin.js";
import type { TalkService } from "../runtime/talk-service.js";
import type { BotStore } from "../storage/bot-store.js";
import type { AppAuth } from "./auth.js";

/** What the route plugins need. */
export interface HttpContext {
  auth: AppAuth;
  admin: BotAdmin;
  talk: TalkService;
  bots: BotStore;
  maxUploadBytes: number;
}

export type BotParams = { appId: string; botname: string };
export type KindParams = BotParams & { kind: string };
export type NamedFileParams = KindParams & { filename: string };
