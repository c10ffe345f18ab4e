// The action_id scheme shared by the renderer (which sets it) and the click handler (which reads it).

const POSTBACK = "parley:postback:";
const URL = "parley:url:";

/** Matches every action this channel renders, for `app.action(...)`. */
export const PARLEY_ACTION_PATTERN = /^parley:/;

export function postbackActionId(n: number): string {
  return `${POSTBACK}${n}`;
}

export function urlActionId(n: number): string {
  return `${URL}${n}`;
}

export function isPostbackAction(actionId: string): boolean {
  return actionId.startsWith(POSTBACK);
}
