/**
 * OpenID Connect sign-on at the host (docs/integrations/super-app.md) with openid-client: the authorization code
 * flow with PKCE (S256), the state and the nonce checked on the way back, the ID token's signature, issuer,
 * audience and times checked against the host's discovery document and keys.
 */
import * as client from 'openid-client';
import type { Clock } from '../platform/clock.ts';
import type { HostConfig } from '../platform/host-config.ts';
import type { HostIdentity } from './host-token.ts';

export interface OidcChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export class HostUnavailable extends Error {}

export function createHostOidc(host: HostConfig, clock: Clock) {
  const clientAuth = () => (host.clientSecret ? client.ClientSecretBasic(host.clientSecret) : client.None());
  let server: Promise<client.ServerMetadata> | null = null;
  let jwks: client.ExportedJWKSCache | undefined;
  const discovered = () =>
    (server ??= client
      .discovery(
        new URL(host.issuer),
        host.clientId,
        undefined,
        clientAuth(),
        host.allowHttp ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .then((c) => c.serverMetadata())
      .catch((e: unknown) => {
        server = null; // asked again on the next sign-on
        throw new HostUnavailable(String(e));
      }));

  /**
   * The client for one sign-on: the discovered metadata, its keys carried over, and the ID token's iat and exp
   * read against the server's clock (the tests move it), not the machine's.
   */
  async function configuration() {
    const skew = Math.round((clock().getTime() - Date.now()) / 1000);
    const config = new client.Configuration(await discovered(), host.clientId, { [client.clockSkew]: skew }, clientAuth());
    if (host.allowHttp) client.allowInsecureRequests(config);
    // The ID token's signature is checked against the host's published keys too, not only trusted for the channel.
    client.enableNonRepudiationChecks(config);
    if (jwks) client.setJwksCache(config, jwks);
    return config;
  }

  return {
    /** Fresh secrets for one sign-on: only the state goes to the browser; the verifier and nonce stay on the server. */
    newChecks: (): OidcChecks => ({
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier: client.randomPKCECodeVerifier(),
    }),

    async authorizationUrl(checks: OidcChecks): Promise<string> {
      return client.buildAuthorizationUrl(await configuration(), {
        redirect_uri: host.redirectUrl!,
        scope: 'openid',
        state: checks.state,
        nonce: checks.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
        code_challenge_method: 'S256',
      }).href;
    },

    /**
     * Exchanges the code the host sent back (its query string as received) and checks the ID token; answers the
     * host's user. The callback address is the configured one, as the host knows it, not the one a proxy forwarded.
     */
    async identity(query: string, checks: OidcChecks): Promise<HostIdentity> {
      const config = await configuration();
      const callback = new URL(host.redirectUrl!);
      callback.search = query;
      const tokens = await client.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      jwks = client.getJwksCache(config) ?? jwks;
      const claims = tokens.claims()!;
      return { issuer: claims.iss, subject: claims.sub };
    },

    /** Where the host publishes its keys, from its discovery document (host tokens use them when no key is configured). */
    jwksUri: async () => {
      const uri = (await discovered()).jwks_uri;
      if (!uri) throw new HostUnavailable('the discovery document names no jwks_uri');
      return uri;
    },
  };
}

export type HostOidc = ReturnType<typeof createHostOidc>;
