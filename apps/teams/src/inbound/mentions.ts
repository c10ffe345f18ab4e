// Teams puts "<at>Bot name</at>" in the text of a message that @mentions the bot, and describes it in
// a `mention` entity. Who is mentioned decides whether a channel message is for the bot.
import type { Activity } from "botbuilder";

interface MentionEntity {
  type: "mention";
  mentioned?: { id?: string };
  text?: string;
}

function mentionsOf(activity: Partial<Activity>): MentionEntity[] {
  return (activity.entities ?? []).filter((e): e is MentionEntity => e.type === "mention");
}

/** True when one of the message's mentions names `botId`. */
export function mentionsBot(activity: Partial<Activity>, botId: string): boolean {
  return mentionsOf(activity).some((m) => m.mentioned?.id === botId);
}

/** The text with every mention of `botId` removed (other people's mentions stay, as their names). */
export function stripBotMentions(text: string, activity: Partial<Activity>, botId: string): string {
  let out = text;
  for (const mention of mentionsOf(activity)) {
    if (mention.mentioned?.id !== botId || !mention.text) continue;
    out = out.split(mention.text).join(" ");
  }
  // Names of other people arrive as <at>Name</at>: keep the name, drop the tag.
  return out.replace(/<\/?at>/gi, "");
}
