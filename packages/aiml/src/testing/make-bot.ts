import { compileBot } from "../compile/compile-bot.js";
import type { Bot, BotSource, CompileOptions } from "../types.js";

/** Compiles one AIML body (categories only) into a bot, failing loudly on errors. */
export function botFrom(
  categories: string,
  extra: Omit<BotSource, "aiml"> = {},
  options: CompileOptions = {},
): Bot {
  const { bot, errors } = compileBot(
    {
      aiml: [
        {
          name: "test.aiml",
          content: `<?xml version="1.0" encoding="UTF-8"?>\n<aiml version="2.0">\n${categories}\n</aiml>`,
        },
      ],
      ...extra,
    },
    options,
  );
  if (!bot) throw new Error(errors.map((e) => `${e.file}:${e.line}:${e.column} ${e.message}`).join("\n"));
  return bot;
}

/** Sends inputs in order on one conversation and returns the answers. */
export function chat(bot: Bot, ...inputs: string[]): string[] {
  const state = bot.newClientState();
  return inputs.map((i) => bot.respond(state, i).responses.join(" "));
}
