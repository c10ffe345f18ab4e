// In groups the bot answers only what is meant for it: a mention, a reply to it, a command for it.
import type { MessageEntity } from "telegraf/types";

export interface BotIdentity {
  id: number;
  username: string;
}

export interface Mentions {
  /** The text mentions the bot (@username, or a text_mention of its user). */
  mentioned: boolean;
  /** The text with every mention of the bot removed and the space around it tidied. */
  stripped: string;
}

export function findMentions(text: string, entities: readonly MessageEntity[], bot: BotIdentity): Mentions {
  const handle = `@${bot.username}`.toLowerCase();
  const ranges = entities.filter(
    (entity) =>
      (entity.type === "mention" &&
        text.slice(entity.offset, entity.offset + entity.length).toLowerCase() === handle) ||
      (entity.type === "text_mention" && entity.user.id === bot.id),
  );
  let stripped = text;
  // Entity offsets are UTF-16 positions, as JavaScript strings are; cut from the end so earlier ones stay valid.
  for (const entity of [...ranges].sort((a, b) => b.offset - a.offset)) {
    // "@bot, hi" and "@bot: hi": the punctuation addressed the bot too.
    const after = stripped.slice(entity.offset + entity.length).replace(/^[,:;]/, "");
    stripped = stripped.slice(0, entity.offset) + after;
  }
  stripped = stripped.replace(/[ \t]{2,}/g, " ").trim();
  return { mentioned: ranges.length > 0, stripped };
}

export interface Command {
  /** Lowercased name without the slash, e.g. "start". */
  name: string;
  /** Text after the command. */
  args: string;
  /** True when written `/cmd@this_bot`; false for a bare `/cmd`. */
  explicit: boolean;
}

/**
 * The command at the start of a message, or undefined. A command written for another bot
 * (`/cmd@other_bot`) is reported as `null`: it is not for us.
 */
export function readCommand(
  text: string,
  entities: readonly MessageEntity[],
  bot: BotIdentity,
): Command | null | undefined {
  const entity = entities.find((e) => e.type === "bot_command" && e.offset === 0);
  if (!entity) return undefined;
  const [name = "", target] = text.slice(1, entity.length).split("@");
  if (target !== undefined && target.toLowerCase() !== bot.username.toLowerCase()) return null;
  return { name: name.toLowerCase(), args: text.slice(entity.length).trim(), explicit: target !== undefined };
}
