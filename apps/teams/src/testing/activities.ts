// Activities as Teams posts them to a bot (the fields the channel reads, and a few it should ignore).
import { randomUUID } from "node:crypto";
import type { Activity } from "botbuilder";

export const BOT = { id: "28:parley-test-bot", name: "Parley" };
export const TENANT_ID = "72f988bf-0000-0000-0000-000000000000";

export interface Person {
  id: string;
  name: string;
  aadObjectId?: string;
}

export const ALICE: Person = { id: "29:alice-teams-id", name: "Alice", aadObjectId: "aad-alice" };
export const BOB: Person = { id: "29:bob-teams-id", name: "Bob", aadObjectId: "aad-bob" };

function envelope(
  serviceUrl: string,
  from: Person,
  conversation: Record<string, unknown>,
): Partial<Activity> {
  return {
    id: `1:${randomUUID()}`,
    channelId: "msteams",
    serviceUrl,
    timestamp: new Date(),
    locale: "en-US",
    from: { ...from },
    recipient: { ...BOT },
    conversation: { tenantId: TENANT_ID, ...conversation } as Activity["conversation"],
    channelData: { tenant: { id: TENANT_ID } },
  };
}

/** A one-to-one chat message from `from` to the bot. */
export function personalMessage(serviceUrl: string, text: string, from: Person = ALICE): Partial<Activity> {
  return {
    ...envelope(serviceUrl, from, { id: `a:personal-${from.id}`, conversationType: "personal" }),
    type: "message",
    text,
  };
}

/** A message posted in a team channel, optionally @mentioning the bot first. */
export function channelMessage(
  serviceUrl: string,
  text: string,
  opts: { mention?: boolean; from?: Person } = {},
): Partial<Activity> {
  const from = opts.from ?? ALICE;
  const atBot = `<at>${BOT.name}</at>`;
  const base = envelope(serviceUrl, from, {
    id: "19:general@thread.tacv2;messageid=1700000000000",
    conversationType: "channel",
    isGroup: true,
  });
  return {
    ...base,
    type: "message",
    text: opts.mention ? `${atBot} ${text}` : text,
    entities: opts.mention ? [{ type: "mention", text: atBot, mentioned: { ...BOT } }] : [],
  };
}

/** A message in a group chat. */
export function groupChatMessage(
  serviceUrl: string,
  text: string,
  opts: { mention?: boolean; from?: Person } = {},
): Partial<Activity> {
  const message = channelMessage(serviceUrl, text, opts);
  return {
    ...message,
    conversation: {
      ...message.conversation,
      id: "19:group@thread.v2",
      conversationType: "groupChat",
    } as Activity["conversation"],
  };
}

/** What Teams posts when a person presses one of the bot's messageBack buttons. */
export function buttonPress(
  serviceUrl: string,
  action: { text?: string; value?: unknown },
  conversation: Partial<Activity> = personalMessage(serviceUrl, ""),
): Partial<Activity> {
  return {
    ...conversation,
    id: `1:${randomUUID()}`,
    type: "message",
    text: action.text ?? "",
    value: action.value,
    entities: [],
  };
}

/** The bot was installed for `from` (personal scope) and added to the conversation. */
export function botAdded(serviceUrl: string, from: Person = ALICE): Partial<Activity> {
  return {
    ...envelope(serviceUrl, from, { id: `a:personal-${from.id}`, conversationType: "personal" }),
    type: "conversationUpdate",
    membersAdded: [{ id: BOT.id, name: BOT.name }],
  };
}
