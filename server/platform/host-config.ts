/**
 * Host mode (docs/integrations/super-app.md): the field routes run inside a province's government super-app, which
 * signs its users on. Read from the environment by config.ts; a setting half given stops the server rather than
 * let anyone in, or no one.
 */
export type HostSignOnMethod = 'oidc' | 'token';

export interface HostConfig {
  /** The host's issuer (the `iss` of its tokens, the base of its OpenID discovery document). */
  issuer: string;
  /** Gezhi's client id at the host: the OpenID client id and the audience (`aud`) host tokens must name. */
  clientId: string;
  /** The client secret, when the host issued one (client_secret_basic); without one a public client with PKCE. */
  clientSecret: string | null;
  /** Which sign-ons the deployment takes: OpenID Connect (authorization code + PKCE), a signed host token, or both. */
  methods: HostSignOnMethod[];
  /** Where the host publishes its keys for host tokens; without it (and without `publicKey`) the discovery document's jwks_uri. */
  jwksUrl: string | null;
  /** The host's public key for host tokens, as PEM (SPKI) or one JWK in JSON, when it is configured rather than published. */
  publicKey: string | null;
  /** The signature algorithms host tokens may use. */
  algorithms: string[];
  /** The address the host sends the browser back to after OpenID sign-on: https://…/api/auth/host/callback. */
  redirectUrl: string | null;
  /** Plain-HTTP issuer and key addresses allowed (a local identity provider in development and the tests only). */
  allowHttp: boolean;
}

export function hostConfig(env: NodeJS.ProcessEnv): HostConfig | null {
  const issuer = env.GEZHI_HOST_ISSUER?.trim();
  if (!issuer) return null;
  const clientId = env.GEZHI_HOST_CLIENT_ID?.trim();
  if (!clientId) throw new Error('GEZHI_HOST_CLIENT_ID: host mode (GEZHI_HOST_ISSUER) needs the client id the host issued');
  const methods = (env.GEZHI_HOST_SIGN_ON ?? 'oidc,token')
    .split(',')
    .map((m) => m.trim())
    .filter(Boolean);
  const unknown = methods.filter((m) => m !== 'oidc' && m !== 'token');
  if (unknown.length || methods.length === 0) throw new Error(`GEZHI_HOST_SIGN_ON: '${unknown.join(',')}' is not oidc or token`);
  const allowHttp = env.GEZHI_HOST_ALLOW_HTTP === '1';
  const redirectUrl = env.GEZHI_HOST_REDIRECT_URL?.trim() || null;
  if (methods.includes('oidc') && !redirectUrl)
    throw new Error('GEZHI_HOST_REDIRECT_URL: OpenID sign-on needs the callback address registered at the host (…/api/auth/host/callback)');
  for (const [name, value] of [
    ['GEZHI_HOST_ISSUER', issuer],
    ['GEZHI_HOST_JWKS_URL', env.GEZHI_HOST_JWKS_URL],
    ['GEZHI_HOST_REDIRECT_URL', redirectUrl],
  ] as const) {
    if (value) address(name, value, allowHttp);
  }
  return {
    issuer,
    clientId,
    clientSecret: env.GEZHI_HOST_CLIENT_SECRET || null,
    methods: methods as HostSignOnMethod[],
    jwksUrl: env.GEZHI_HOST_JWKS_URL?.trim() || null,
    publicKey: env.GEZHI_HOST_PUBLIC_KEY?.trim() || null,
    algorithms: (env.GEZHI_HOST_ALGORITHMS ?? 'RS256,ES256')
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean),
    redirectUrl,
    allowHttp,
  };
}

function address(name: string, text: string, allowHttp: boolean) {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`${name}: '${text}' is not an address`);
  }
  if (url.protocol !== 'https:' && !(allowHttp && url.protocol === 'http:'))
    throw new Error(`${name}: '${text}' must be https (GEZHI_HOST_ALLOW_HTTP=1 allows http, for a local identity provider only)`);
}
