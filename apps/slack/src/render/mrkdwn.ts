// Bot text into Slack mrkdwn: Slack reads `&`, `<` and `>` as control characters, so they are escaped.

export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** `<url|label>`; characters that would end the link early are percent-encoded in the URL. */
export function mrkdwnLink(url: string, label: string): string {
  const safeUrl = url.replace(/[<>|\s]/g, (c) => encodeURIComponent(c));
  return `<${safeUrl}|${escapeMrkdwn(label).replace(/\|/g, "¦")}>`;
}

/** Bold in mrkdwn; asterisks inside would close it early. */
export function mrkdwnBold(text: string): string {
  return `*${escapeMrkdwn(text).replace(/\*/g, "∗")}*`;
}
