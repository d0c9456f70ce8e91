import { Type } from '@sinclair/typebox';
import { Nullable } from '../platform/schemas.ts';

export const SessionSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid', description: 'Session id (not its token)' }),
    createdAt: Type.String({ format: 'date-time', description: 'When it was signed in', example: '2026-12-02T09:00:00.000Z' }),
    lastSeenAt: Type.String({
      format: 'date-time',
      description: 'Its last request, to the minute (the idle limit counts from it)',
      example: '2026-12-02T09:20:00.000Z',
    }),
    expiresAt: Type.String({ format: 'date-time', description: 'Its absolute limit', example: '2026-12-02T21:00:00.000Z' }),
    ip: Nullable(Type.String({ description: 'Address it signed in from', example: '10.20.1.7' })),
    userAgent: Nullable(Type.String({ description: 'Browser it signed in with (User-Agent)', example: 'Mozilla/5.0 …' })),
    current: Type.Boolean({ description: 'This is the session making the request', example: true }),
  },
  { description: '会话 A session of the signed-in user' },
);

export const SessionList = Type.Object({ items: Type.Array(SessionSchema, { description: 'Live sessions, newest first' }) });

export const SessionIdParams = Type.Object(
  { id: Type.String({ format: 'uuid', description: 'Session id', example: '1b4e28ba-2fa1-41d2-883f-0016d3cca427' }) },
  { additionalProperties: false },
);

export const SessionsEnded = Type.Object(
  { ended: Type.Integer({ minimum: 0, description: 'Sessions ended', example: 2 }) },
  { description: 'The other sessions were ended' },
);

export const SessionEnded = Type.Null({ description: 'The session was ended' });
