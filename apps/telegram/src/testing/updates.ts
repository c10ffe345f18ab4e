// Builders for the updates Telegram sends, with entities computed as Telegram computes them.

export interface TestUser {
  id: number;
  is_bot: boolean;
  first_name: string;
  username?: string;
  language_code?: string;
}

export interface TestChat {
  id: number;
  type: "private" | "group" | "supergroup";
  title?: string;
}

let nextMessageId = 1;
const now = () => Math.floor(Date.now() / 1000);

export function person(id: number, firstName: string): TestUser {
  return { id, is_bot: false, first_name: firstName, language_code: "en" };
}

export function group(id: number, title = "Test group"): TestChat {
  return { id, type: "supergroup", title };
}

/** @mentions and a leading /command become entities, UTF-16 offsets like Telegram's. */
export function entitiesOf(text: string): Record<string, unknown>[] {
  const entities: Record<string, unknown>[] = [];
  const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
  if (command) entities.push({ type: "bot_command", offset: 0, length: command[0].length });
  for (const match of text.matchAll(/(?<![\w/])@[A-Za-z0-9_]{5,32}/g)) {
    entities.push({ type: "mention", offset: match.index, length: match[0].length });
  }
  return entities;
}

export function textMessage(
  chat: TestChat,
  from: TestUser,
  text: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const entities = entitiesOf(text);
  return {
    message_id: nextMessageId++,
    date: now(),
    chat: chat.type === "private" ? { id: chat.id, type: "private", first_name: from.first_name } : chat,
    from,
    text,
    ...(entities.length > 0 ? { entities } : {}),
    ...extra,
  };
}

export function privateChat(user: TestUser): TestChat {
  return { id: user.id, type: "private" };
}

/** A message update; pass `update_id` to make a duplicate. */
export function messageUpdate(message: Record<string, unknown>, updateId?: number): Record<string, unknown> {
  return { ...(updateId !== undefined ? { update_id: updateId } : {}), message };
}

/** A press on an inline button of `botMessage` (a message the bot sent, as the fake returned it). */
export function callbackUpdate(
  from: TestUser,
  botMessage: Record<string, unknown>,
  data: string,
): Record<string, unknown> {
  return {
    callback_query: {
      id: `cbq-${nextMessageId++}`,
      from,
      chat_instance: "ci-1",
      message: botMessage,
      data,
    },
  };
}
