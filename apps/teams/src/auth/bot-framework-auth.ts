// Who may post to the bot and how the bot signs its replies: the Bot Framework's own authentication,
// built from the channel's settings. Every endpoint can be pointed elsewhere (sovereign clouds, tests).
import {
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
} from "botbuilder";
import { AuthenticationConstants, type ServiceClientCredentialsFactory } from "botframework-connector";
import type { TeamsAuth } from "../config.js";

/** Where tokens come from and are checked against; the public Azure cloud by default. */
export interface BotFrameworkEndpoints {
  /** OpenID metadata whose `jwks_uri` lists the keys that sign the Bot Connector's requests. */
  openIdMetadataUrl: string;
  /** The `iss` every incoming token must carry. */
  tokenIssuer: string;
  /** Where the bot obtains its own tokens for replies (the AAD authority). */
  loginUrl: string;
  /** The audience of the bot's reply tokens. */
  oauthScope: string;
}

export const PUBLIC_CLOUD: BotFrameworkEndpoints = {
  openIdMetadataUrl: AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
  tokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
  loginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
  oauthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
};

export function createBotFrameworkAuth(
  auth: TeamsAuth,
  endpoints: Partial<BotFrameworkEndpoints> = {},
  credentialsFactory?: ServiceClientCredentialsFactory,
): ConfigurationBotFrameworkAuthentication {
  const ep = { ...PUBLIC_CLOUD, ...endpoints };
  const identity =
    auth.kind === "bot"
      ? {
          MicrosoftAppId: auth.appId,
          MicrosoftAppPassword: auth.appPassword,
          MicrosoftAppType: auth.appType,
          ...(auth.tenantId ? { MicrosoftAppTenantId: auth.tenantId } : {}),
        }
      : // An empty app id is how the SDK spells "no authentication" (the Emulator's local mode).
        { MicrosoftAppId: "" };
  return new ConfigurationBotFrameworkAuthentication(
    {
      ...identity,
      // Setting these explicitly selects the SDK's parameterized authentication with our endpoints.
      ToBotFromChannelOpenIdMetadataUrl: ep.openIdMetadataUrl,
      ToBotFromChannelTokenIssuer: ep.tokenIssuer,
      ToChannelFromBotLoginUrl: ep.loginUrl,
      ToChannelFromBotOAuthScope: ep.oauthScope,
      ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
      OAuthUrl: AuthenticationConstants.OAuthUrl,
      CallerId: "urn:botframework:azure",
      ValidateAuthority: true,
    },
    credentialsFactory ?? new ConfigurationServiceClientCredentialFactory(identity),
  );
}
