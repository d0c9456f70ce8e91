/**
 * A small OpenID provider and super-app token issuer for the tests (docs/integrations/super-app.md): discovery,
 * JWKS, authorize (signs in whoever the test says, no page) and token (code checked with its PKCE verifier,
 * client and redirect address), ID tokens and host tokens signed with jose. Listens on 127.0.0.1 only.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import { type CryptoKey, exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';

/** What a test may make the provider get wrong, to see Gezhi refuse it. */
export type IdpFault = 'nonce' | 'issuer' | 'signature' | 'audience' | null;

interface Grant {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  nonce: string;
  subject: string;
}

export async function startLocalIdp({ clientId, now = () => new Date() }: { clientId: string; now?: () => Date }) {
  const keys = await generateKeyPair('RS256', { extractable: true });
  const strangerKeys = await generateKeyPair('RS256', { extractable: true });
  const kid = 'idp-key-1';
  const publicJwk = { ...(await exportJWK(keys.publicKey)), kid, alg: 'RS256', use: 'sig' };
  const grants = new Map<string, Grant>();
  const redirects = new Set<string>();
  let subject = 'host-user-1';
  let fault: IdpFault = null;
  let base = '';

  const seconds = () => Math.floor(now().getTime() / 1000);
  const sign = (payload: JWTPayload, key: CryptoKey = keys.privateKey) =>
    new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' }).sign(key);

  const send = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
    res.end(JSON.stringify(body));
  };

  async function token(req: http.IncomingMessage, res: http.ServerResponse) {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const form = new URLSearchParams(raw);
    const grant = grants.get(form.get('code') ?? '');
    grants.delete(form.get('code') ?? '');
    const verifier = form.get('code_verifier') ?? '';
    const challenge = crypto.createHash('sha256').update(verifier).digest('base64url');
    if (
      form.get('grant_type') !== 'authorization_code' ||
      !grant ||
      grant.clientId !== (form.get('client_id') ?? grant.clientId) ||
      grant.redirectUri !== form.get('redirect_uri') ||
      grant.codeChallenge !== challenge
    )
      return send(res, 400, { error: 'invalid_grant' });
    const iat = seconds();
    const idToken = await sign(
      {
        iss: fault === 'issuer' ? 'https://stranger.example' : base,
        sub: grant.subject,
        aud: fault === 'audience' ? 'someone-else' : clientId,
        iat,
        exp: iat + 300,
        nonce: fault === 'nonce' ? 'not-the-nonce' : grant.nonce,
      },
      fault === 'signature' ? strangerKeys.privateKey : keys.privateKey,
    );
    send(res, 200, { access_token: crypto.randomBytes(16).toString('hex'), token_type: 'Bearer', expires_in: 300, id_token: idToken });
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', base);
    if (url.pathname === '/.well-known/openid-configuration') {
      return send(res, 200, {
        issuer: base,
        authorization_endpoint: `${base}/authorize`,
        token_endpoint: `${base}/token`,
        jwks_uri: `${base}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['none', 'client_secret_basic'],
      });
    }
    if (url.pathname === '/jwks') return send(res, 200, { keys: [publicJwk] });
    if (url.pathname === '/authorize') {
      const q = url.searchParams;
      const redirectUri = q.get('redirect_uri') ?? '';
      if (
        q.get('client_id') !== clientId ||
        !redirects.has(redirectUri) ||
        q.get('code_challenge_method') !== 'S256' ||
        !q.get('code_challenge')
      )
        return send(res, 400, { error: 'invalid_request' });
      const code = crypto.randomBytes(16).toString('hex');
      grants.set(code, { clientId, redirectUri, codeChallenge: q.get('code_challenge')!, nonce: q.get('nonce') ?? '', subject });
      const back = new URL(redirectUri);
      back.searchParams.set('code', code);
      back.searchParams.set('state', q.get('state') ?? '');
      res.writeHead(302, { location: back.href });
      return res.end();
    }
    if (url.pathname === '/token' && req.method === 'POST') return void token(req, res);
    send(res, 404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  return {
    issuer: base,
    jwksUrl: `${base}/jwks`,
    /** The public key as one JWK, for a deployment that configures the host's key rather than fetch it. */
    publicJwk: JSON.stringify(publicJwk),
    /** The redirect address Gezhi registered at the host. */
    allowRedirect: (uri: string) => redirects.add(uri),
    /** Who signs in at the next authorize. */
    signInAs: (sub: string) => {
      subject = sub;
    },
    /** What the next token answers get wrong (null: nothing). */
    misbehave: (f: IdpFault) => {
      fault = f;
    },
    /**
     * A host token as the super-app passes it: for `sub`, to Gezhi's client id, valid five minutes from the
     * provider's now, with a fresh id; `claims` overrides any of it, `stranger` signs with a key the host never published.
     */
    hostToken: (sub: string, claims: JWTPayload = {}, { stranger = false } = {}) => {
      const iat = seconds();
      return sign(
        { iss: base, sub, aud: clientId, iat, nbf: iat, exp: iat + 300, jti: crypto.randomUUID(), ...claims },
        stranger ? strangerKeys.privateKey : keys.privateKey,
      );
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type LocalIdp = Awaited<ReturnType<typeof startLocalIdp>>;
