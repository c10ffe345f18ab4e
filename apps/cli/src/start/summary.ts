// The start-up summary: what a newcomer needs to know to use what just started.
import type { ChannelFactoryResult } from "@parley/core";
import type { TalkApi } from "./talk-api.js";

export function startSummary(talkApi: TalkApi, channels: ChannelFactoryResult[], url: string): string {
  const lines: string[] = [""];
  lines.push("Parley is running.");
  lines.push(
    talkApi.kind === "embedded"
      ? `  talk API   embedded Pandorabots-compatible server at ${talkApi.host}, bot "${talkApi.botname}" (set PANDORABOTS_HOST to use another)`
      : `  talk API   ${talkApi.host}, bot "${talkApi.botname}"`,
  );
  const pad = Math.max(...channels.map((c) => c.name.length));
  for (const c of channels) {
    const state = c.enabled ? "on " : "off";
    const how = c.enabled
      ? c.name === "webchat"
        ? `open ${url}/`
        : ""
      : `set ${c.turnOnWith} to turn it on`;
    lines.push(`  ${c.name.padEnd(pad)}  ${state}  ${how}`.trimEnd());
    for (const note of c.notes ?? []) lines.push(`  ${" ".repeat(pad)}       note: ${note}`);
  }
  lines.push(`  health     ${url}/healthz   ready: ${url}/readyz   metrics: ${url}/metrics`);
  lines.push("Press Ctrl+C to stop (accepted messages are answered before exit).");
  lines.push("");
  return lines.join("\n");
}
