// A real OpenID provider for the OpenID Connect tests: oidc-provider (OpenID-certified), on
// 127.0.0.1, with its development login pages. tests/oidc_server.py starts it; everything it
// needs comes in one JSON file (argv[2]): port, client, redirect URI, signing keys, accounts.
// Consent is granted at once (loadExistingGrant), as a provider an operator set up would for
// its own Orbit, so a sign-in is the login form and back.
import { readFileSync } from "node:fs";
import Provider from "oidc-provider";

const setup = JSON.parse(readFileSync(process.argv[2], "utf8"));
const issuer = `http://127.0.0.1:${setup.port}`;

const provider = new Provider(issuer, {
  clients: [{
    client_id: setup.client_id,
    client_secret: setup.client_secret,
    redirect_uris: setup.redirect_uris,
    grant_types: ["authorization_code"],
    response_types: ["code"],
  }],
  jwks: { keys: setup.keys },
  cookies: { keys: ["orbit-tests"] },
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
  conformIdTokenClaims: false, // email in the ID token, as most providers put it
  pkce: { required: () => true },
  features: { devInteractions: { enabled: true } },
  ttl: { IdToken: setup.id_token_ttl || 3600 },
  async findAccount(ctx, id) {
    const account = setup.accounts[id];
    if (!account) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, ...account }) };
  },
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId
      || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope("openid email profile");
    await grant.save();
    return grant;
  },
});
provider.listen(setup.port, "127.0.0.1", () => console.log(`listening ${issuer}`));
