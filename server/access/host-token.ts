/**
 * The signed host token (docs/integrations/super-app.md): a JWT the super-app hands the field routes, verified
 * with jose against the host's key (configured, or published as a JWKS) — issuer, audience, expiry, not-before.
 */
import { createRemoteJWKSet, importJWK, importSPKI, type JWTVerifyGetKey, jwtVerify, type KeyObject } from 'jose';
import type { HostConfig } from '../platform/host-config.ts';
import { type HostRefusal, refusalOf } from './host-sign-on.core.ts';

/** Seconds a host's clock may be ahead or behind ours on exp and nbf. */
const CLOCK_TOLERANCE_SECONDS = 30;

export interface HostIdentity {
  issuer: string;
  subject: string;
}

export type VerifiedHostToken = HostIdentity & { tokenId: string; expiresAt: Date };

export class HostTokenRefused extends Error {
  constructor(readonly reason: HostRefusal) {
    super(`host token refused: ${reason}`);
  }
}

type KeySource = JWTVerifyGetKey | KeyObject | CryptoKey | Uint8Array;

/** The host's key as configured: one JWK in JSON, or a PEM public key under the first allowed algorithm. */
async function configuredKey(host: HostConfig): Promise<KeySource> {
  const text = host.publicKey!;
  if (text.startsWith('{')) return (await importJWK(JSON.parse(text), host.algorithms[0])) as KeySource;
  return importSPKI(text, host.algorithms[0]);
}

/** `jwksUri` gives the published key set's address when none is configured (the OpenID discovery document's). */
export function createHostTokenVerifier(host: HostConfig, jwksUri: () => Promise<string>) {
  let keys: Promise<KeySource> | null = null;
  const keySource = () =>
    (keys ??= (
      host.publicKey
        ? configuredKey(host)
        : (async () => createRemoteJWKSet(new URL(host.jwksUrl ?? (await jwksUri())), { cacheMaxAge: 10 * 60_000 }))()
    ).catch((e) => {
      keys = null; // a host that was unreachable is asked again next time
      throw e;
    }));

  return {
    /** The host's user the token names, or HostTokenRefused with the reason; `now` is the server's clock. */
    async verify(token: string, now: Date): Promise<VerifiedHostToken> {
      const key = await keySource();
      try {
        const { payload } = await jwtVerify(token, key as JWTVerifyGetKey, {
          issuer: host.issuer,
          audience: host.clientId,
          algorithms: host.algorithms,
          currentDate: now,
          clockTolerance: CLOCK_TOLERANCE_SECONDS,
          requiredClaims: ['exp', 'sub', 'jti'],
        });
        return { issuer: payload.iss!, subject: payload.sub!, tokenId: payload.jti!, expiresAt: new Date(payload.exp! * 1000) };
      } catch (error) {
        // The host's keys out of reach is not the token's fault: it goes up as the host being unavailable.
        const code = (error as { code?: unknown }).code;
        if (typeof code !== 'string' || !code.startsWith('ERR_J') || code === 'ERR_JWKS_TIMEOUT') throw error;
        throw new HostTokenRefused(refusalOf(error as { code?: unknown; claim?: unknown; reason?: unknown }));
      }
    },
  };
}

export type HostTokenVerifier = ReturnType<typeof createHostTokenVerifier>;
