import { Type } from '@sinclair/typebox';

const Code = Type.String({
  minLength: 1,
  maxLength: 32,
  description: 'The 6 digits the authenticator shows now',
  example: '492039',
});

export const CodeBody = Type.Object({ code: Code }, { additionalProperties: false });

export const SecondFactorBody = Type.Object(
  {
    pendingToken: Type.String({ minLength: 1, maxLength: 100, description: 'The token the password step replied with' }),
    code: Type.String({
      minLength: 1,
      maxLength: 32,
      description: 'The 6 digits the authenticator shows now, or one unused recovery code',
      example: '492039',
    }),
  },
  { additionalProperties: false },
);

export const SecondFactorNeeded = Type.Object(
  {
    secondFactor: Type.Object({
      pendingToken: Type.String({ description: 'Send it with the code to /api/auth/login/second-factor; not a session' }),
      expiresAt: Type.String({ format: 'date-time', description: 'The code must follow before this' }),
    }),
  },
  { description: '密码正确，需要动态口令 The password was right; the second factor must follow' },
);

export const Enrolment = Type.Object(
  {
    secret: Type.String({ description: 'The TOTP secret (Base32), shown this once', example: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' }),
    secretGroups: Type.String({ description: 'The secret in groups of four, for typing by hand', example: 'JBSW Y3DP EHPK 3PXP' }),
    uri: Type.String({ description: 'otpauth:// URI for an authenticator app', example: 'otpauth://totp/…' }),
  },
  { description: '绑定动态口令 A secret to enrol: confirm with a current code' },
);

export const RecoveryCodes = Type.Object(
  {
    recoveryCodes: Type.Array(Type.String({ example: 'k7mp-x3qd-9war' }), {
      description: 'Ten one-time recovery codes, shown this once: each signs in once in place of a code',
    }),
  },
  { description: '恢复码 Two-factor sign-in is on' },
);

export const TotpDisabled = Type.Null({ description: 'Two-factor sign-in is off' });
