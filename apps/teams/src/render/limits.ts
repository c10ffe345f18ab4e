// Teams limits a rendering must respect (https://learn.microsoft.com/microsoftteams/platform/ "Cards reference",
// "Format your bot messages"): beyond them Teams drops buttons or refuses the activity.
export const MAX_CARD_BUTTONS = 6;
export const MAX_CAROUSEL_CARDS = 10;
/** A message must stay under about 28 KB; leave room for the activity envelope and attachments. */
export const MAX_TEXT_CHARS = 20_000;
/** Longest pause a `<delay>` may impose, so one reply cannot hold a conversation for minutes. */
export const MAX_DELAY_SECONDS = 30;
