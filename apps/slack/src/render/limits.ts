// Slack's documented Block Kit limits, and the practical size of one readable message.
export const SECTION_TEXT_MAX = 3000;
export const MESSAGE_TEXT_MAX = 4000;
export const BLOCKS_PER_MESSAGE_MAX = 50;
export const ACTIONS_ELEMENTS_MAX = 25;
export const BUTTON_TEXT_MAX = 75;
export const BUTTON_VALUE_MAX = 2000;
export const BUTTON_URL_MAX = 3000;
export const ALT_TEXT_MAX = 2000;
export const IMAGE_URL_MAX = 3000;
