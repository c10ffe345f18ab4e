// The bot's reply credentials in tests: a client-credentials token from the fake's token endpoint,
// over HTTP. (The SDK's default path, MSAL, only talks to https authorities.)
import { ServiceClientCredentialsFactory, TokenCredentials } from "botframework-connector";

export class FakeConnectorCredentials extends ServiceClientCredentialsFactory {
  constructor(
    readonly appId: string,
    readonly password: string,
    readonly loginUrl: string,
  ) {
    super();
  }

  override async isValidAppId(appId: string): Promise<boolean> {
    return appId === this.appId;
  }

  override async isAuthenticationDisabled(): Promise<boolean> {
    return false;
  }

  override async createCredentials(appId: string, audience: string | undefined): Promise<TokenCredentials> {
    const res = await fetch(`${this.loginUrl}/oauth2/v2.0/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_id: appId,
        client_secret: this.password,
        scope: `${audience ?? ""}/.default`,
      }),
    });
    if (!res.ok) throw new Error(`fake token endpoint answered ${res.status}`);
    const { access_token } = (await res.json()) as { access_token: string };
    return new TokenCredentials(access_token);
  }
}
