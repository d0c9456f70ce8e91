import { Type } from '@sinclair/typebox';
import { PAGE } from '../../shared/limits.ts';
import { pageQuery, pageReply } from '../platform/paging.ts';
import { Nullable } from '../platform/schemas.ts';

/** What an issuer or subject may be: the host's strings, printable, of a sane length. */
const HostString = (description: string, example: string) =>
  Type.String({ minLength: 1, maxLength: 255, pattern: '^[^\\u0000-\\u001f]+$', description, example });

export const HostSettingsReply = Type.Object(
  {
    methods: Type.Array(Type.Union([Type.Literal('oidc'), Type.Literal('token')]), {
      description:
        'How the field routes sign on by the host super-app (oidc: OpenID Connect redirect; token: a signed host token); empty: password sign-in',
      example: ['oidc', 'token'],
    }),
    issuer: Nullable(Type.String({ description: "The host's issuer", example: 'https://id.zwfw.example.gov.cn' })),
  },
  { description: '宿主应用登录 Host sign-on settings of this deployment' },
);

export const HostTokenBody = Type.Object(
  {
    token: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 8192,
        description: 'The signed host token (a JWT); or in the X-Host-Token header',
        example: 'eyJhbGciOiJSUzI1NiJ9…',
      }),
    ),
  },
  { additionalProperties: false },
);

export const HostTokenHeaders = Type.Object({
  'x-host-token': Type.Optional(
    Type.String({ maxLength: 8192, description: 'The signed host token, when the host passes it as a header' }),
  ),
});

export const AuthorizeQuery = Type.Object(
  {
    to: Type.Optional(
      Type.String({ maxLength: 300, description: 'The field route to land on afterwards (only /m…)', example: '/m/report' }),
    ),
  },
  { additionalProperties: false },
);

export const CallbackQuery = Type.Object(
  {
    code: Type.Optional(Type.String({ maxLength: 2048, description: 'The authorization code the host sent back' })),
    state: Type.Optional(Type.String({ maxLength: 512, description: 'The state this sign-on began with' })),
    iss: Type.Optional(Type.String({ maxLength: 512, description: "The host's issuer (RFC 9207), when it sends one" })),
    error: Type.Optional(Type.String({ maxLength: 256, description: "The host's error, when it refused" })),
    error_description: Type.Optional(Type.String({ maxLength: 1024, description: "The host's explanation of its error" })),
    session_state: Type.Optional(Type.String({ maxLength: 512, description: 'Session state some hosts add' })),
  },
  { additionalProperties: false },
);

export const Redirected = Type.Null({ description: 'Sent on to the Location header' });

export const HostAccountSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid', description: 'Mapping id' }),
    issuer: Type.String({ description: "The host's issuer", example: 'https://id.zwfw.example.gov.cn' }),
    subject: Type.String({ description: "The host user's subject (sub)", example: '420923199001011234-zw' }),
    userId: Type.String({ format: 'uuid', description: 'The Gezhi account' }),
    username: Type.String({ description: "The account's sign-in name", example: 'worker' }),
    displayName: Type.String({ description: "The account's display name", example: '网格员 李敏' }),
    note: Nullable(Type.String({ description: 'What the administrator noted', example: '政务App 李敏 138****1234' })),
    createdAt: Type.String({ format: 'date-time', description: 'When it was added' }),
  },
  { description: '宿主账号关联 A host user mapped to a Gezhi account' },
);

export const HostAccountQuery = Type.Object(pageQuery(PAGE.hostAccounts), { additionalProperties: false });
export const HostAccountList = pageReply(HostAccountSchema, 'Mappings by issuer, then subject');

export const CreateHostAccountBody = Type.Object(
  {
    issuer: HostString("The host's issuer", 'https://id.zwfw.example.gov.cn'),
    subject: HostString("The host user's subject (sub), as the host's sign-on names it", '420923199001011234-zw'),
    userId: Type.String({ format: 'uuid', description: 'The Gezhi account to sign in as' }),
    note: Type.Optional(Nullable(Type.String({ maxLength: 120, description: 'What recognises the host user', example: '政务App 李敏' }))),
  },
  { additionalProperties: false },
);

export const HostAccountIdParams = Type.Object(
  { id: Type.String({ format: 'uuid', description: 'Mapping id', example: '1b4e28ba-2fa1-41d2-883f-0016d3cca427' }) },
  { additionalProperties: false },
);

export const HostAccountRemoved = Type.Null({ description: 'The mapping was removed' });
