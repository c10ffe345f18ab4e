import { ConfigError } from "@parley/core";
import { describe, expect, it } from "vitest";
import { fromEnv, readTeamsConfig } from "./config.js";
import { captureLogger } from "./testing/capture-logger.js";

const ctx = { logger: captureLogger(), publicUrl: "https://bot.example.com/base/" };
const creds = { MICROSOFT_APP_ID: "app-id", MICROSOFT_APP_PASSWORD: "s3cret-password" };

function configError(env: Record<string, string>): ConfigError {
  try {
    readTeamsConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error("expected a ConfigError");
}

describe("Teams settings from the environment", () => {
  it("is off without any Microsoft app setting, naming what turns it on", () => {
    expect(fromEnv({}, ctx)).toEqual({
      name: "teams",
      enabled: false,
      turnOnWith: "MICROSOFT_APP_ID + MICROSOFT_APP_PASSWORD",
    });
  });

  it("turns on with the app id and password, and says which URL to register", () => {
    const result = fromEnv(creds, ctx);
    expect(result).toMatchObject({ name: "teams", enabled: true });
    if (!result.enabled) throw new Error("unreachable");
    expect(result.channel.name).toBe("teams");
    expect(result.channel.routes?.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /api/messages"]);
    expect(result.notes).toEqual([
      "messaging endpoint: register https://bot.example.com/base/api/messages on the Azure Bot",
    ]);
  });

  it("without a public URL, says where the endpoint lives and how to print it", () => {
    const result = fromEnv(creds, { logger: captureLogger() });
    expect(result.notes).toEqual([
      "messaging endpoint: register https://<public host>/api/messages (set PARLEY_PUBLIC_URL to see it here) on the Azure Bot",
    ]);
  });

  it("defaults to a multi-tenant bot greeting with hello; a tenant id alone means single-tenant", () => {
    expect(readTeamsConfig(creds)).toEqual({
      auth: { kind: "bot", appId: "app-id", appPassword: "s3cret-password", appType: "MultiTenant" },
      greeting: "hello",
    });
    expect(
      readTeamsConfig({ ...creds, MICROSOFT_APP_TENANT_ID: "tenant-1", PARLEY_TEAMS_GREETING: "start" }),
    ).toEqual({
      auth: {
        kind: "bot",
        appId: "app-id",
        appPassword: "s3cret-password",
        appType: "SingleTenant",
        tenantId: "tenant-1",
      },
      greeting: "start",
    });
  });

  it("reports a half configuration in one line naming the missing variable, never the secret", () => {
    expect(configError({ MICROSOFT_APP_ID: "app-id" }).message).toMatch(/MICROSOFT_APP_PASSWORD is not/);
    const noId = configError({ MICROSOFT_APP_PASSWORD: "s3cret-password" });
    expect(noId.message).toMatch(/MICROSOFT_APP_ID is not/);
    expect(noId.message).not.toContain("s3cret");
    expect(configError({ ...creds, MICROSOFT_APP_TYPE: "SingleTenant" }).message).toMatch(
      /SingleTenant needs MICROSOFT_APP_TENANT_ID/,
    );
    expect(configError({ ...creds, MICROSOFT_APP_TYPE: "UserAssignedMSI" }).message).toMatch(
      /MICROSOFT_APP_TYPE must be MultiTenant or SingleTenant/,
    );
    for (const err of [noId, configError({ MICROSOFT_APP_ID: "x" })]) expect(err.problems).toHaveLength(1);
  });

  it("local mode needs the explicit flag, no app id, and a loopback HOST", () => {
    const local = fromEnv({ PARLEY_TEAMS_ALLOW_UNAUTHENTICATED: "true" }, ctx);
    expect(local).toMatchObject({
      enabled: true,
      notes: [expect.stringMatching(/UNAUTHENTICATED local mode/)],
    });
    expect(readTeamsConfig({ PARLEY_TEAMS_ALLOW_UNAUTHENTICATED: "true", HOST: "::1" })?.auth).toEqual({
      kind: "unauthenticated",
    });
    expect(configError({ PARLEY_TEAMS_ALLOW_UNAUTHENTICATED: "true", HOST: "0.0.0.0" }).message).toMatch(
      /needs HOST on loopback/,
    );
    expect(configError({ ...creds, PARLEY_TEAMS_ALLOW_UNAUTHENTICATED: "true" }).message).toMatch(
      /cannot be combined with MICROSOFT_APP_ID/,
    );
    expect(configError({ PARLEY_TEAMS_ALLOW_UNAUTHENTICATED: "yes" }).message).toMatch(
      /must be true or false/,
    );
    expect(readTeamsConfig({ PARLEY_TEAMS_ALLOW_UNAUTHENTICATED: "false" })).toBeUndefined();
  });
});
