/** Host sign-on's pure rules (docs/integrations/super-app.md): where a sign-on may land, and the reasons it is refused. */

/** How a sign-in was made, kept in its audit row. */
export type SignInMethod = 'password' | 'host_token' | 'oidc';

/**
 * Why a host sign-on was refused: the detail of the 401 (and of the audit row), so the host's engineers can tell
 * a wrong key from a stale token without Gezhi saying more to a guesser than that.
 */
export type HostRefusal =
  | 'malformed'
  | 'signature'
  | 'issuer'
  | 'audience'
  | 'expired'
  | 'not_yet_valid'
  | 'claim_missing'
  | 'algorithm'
  | 'replayed'
  | 'state_mismatch'
  | 'state_unknown'
  | 'code_refused';

/** The field home, where a sign-on lands unless it asked for another field route. */
export const FIELD_HOME = '/m';

/**
 * Only a field route of this server may be landed on after a sign-on: `/m` or a path under it, no scheme, no
 * other host (`//evil`), no backslash a browser would read as a slash. Anything else lands on the home.
 */
export function safeReturnTo(to: string | undefined | null): string {
  if (!to || to.length > 300) return FIELD_HOME;
  if (!/^\/m(?:[/?#]|$)/.test(to) || to.includes('\\') || to.startsWith('//')) return FIELD_HOME;
  return to;
}

/** The claim a host token lacks, when jose says one is missing; jose names it in the error's `claim`. */
const CLAIM_REFUSAL: Record<string, HostRefusal> = { iss: 'issuer', aud: 'audience', nbf: 'not_yet_valid', exp: 'expired' };

/** A jose error (its `code` and, for a claim, the claim it names) as the refusal's reason. */
export function refusalOf(error: { code?: unknown; claim?: unknown; reason?: unknown }): HostRefusal {
  switch (error.code) {
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return 'signature';
    case 'ERR_JWT_EXPIRED':
      return 'expired';
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
    case 'ERR_JOSE_NOT_SUPPORTED':
      return 'algorithm';
    case 'ERR_JWKS_NO_MATCHING_KEY':
      return 'signature';
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      if (error.reason === 'missing') return 'claim_missing';
      return CLAIM_REFUSAL[String(error.claim)] ?? 'claim_missing';
    default:
      return 'malformed';
  }
}
