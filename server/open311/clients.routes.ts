import type { Guard } from '../platform/actor.ts';
import type { Http } from '../platform/http.ts';
import { errorReplies } from '../platform/schemas.ts';
import * as S from './clients.schemas.ts';
import type { ClientsService, IssueInput } from './clients.service.ts';

/** The console's Open311 pages: API keys (system administrator) and requests to place (county centre). */
export function clientsRoutes(app: Http, { clients, guard }: { clients: ClientsService; guard: Guard }) {
  const tags = ['open311'];

  app.get(
    '/api/open311/clients',
    {
      schema: {
        tags,
        summary: '接入密钥 The Open311 clients of your counties and their keys (hints only)',
        response: { 200: S.ClientList, ...errorReplies },
      },
      onRequest: guard('interfaces.keys'),
    },
    async (request) => ({ items: await clients.find(request.actor) }),
  );

  app.post(
    '/api/open311/clients',
    {
      schema: {
        tags,
        summary: '签发密钥 Issue a key for a client and a county; the reply carries the key, shown this once',
        body: S.IssueBody,
        response: { 201: S.IssuedClient, ...errorReplies },
      },
      onRequest: guard('interfaces.keys'),
    },
    async (request, reply) => reply.status(201).send(await clients.issue(request.actor, request.body as IssueInput)),
  );

  app.post(
    '/api/open311/clients/:id/rotate',
    {
      schema: {
        tags,
        summary: '轮换密钥 A new key for the same client and county; the old one stops working at once',
        params: S.ClientParams,
        response: { 200: S.IssuedClient, ...errorReplies },
      },
      onRequest: guard('interfaces.keys'),
    },
    async (request) => clients.rotate(request.actor, request.params.id),
  );

  app.post(
    '/api/open311/clients/:id/revoke',
    {
      schema: {
        tags,
        summary: '吊销密钥 Revoke a key: its next POST gets 403',
        params: S.ClientParams,
        response: { 200: S.Client, ...errorReplies },
      },
      onRequest: guard('interfaces.keys'),
    },
    async (request) => clients.revoke(request.actor, request.params.id),
  );

  app.get(
    '/api/open311/pending',
    {
      schema: {
        tags,
        summary: '待定位上报 Open311 requests located by an address only, waiting for a place on the map',
        response: { 200: S.PendingList, ...errorReplies },
      },
      onRequest: guard('open311.place'),
    },
    async (request) => ({ items: await clients.pending(request.actor) }),
  );

  app.post(
    '/api/open311/pending/:token/place',
    {
      schema: {
        tags,
        summary: '定位立案 File a waiting request at the point picked: a citizen report of the loop; its token resolves',
        params: S.TokenParams,
        body: S.PlaceBody,
        response: { 200: S.Placed, ...errorReplies },
      },
      onRequest: guard('open311.place'),
    },
    async (request) => clients.place(request.actor, request.params.token, request.body),
  );

  app.post(
    '/api/open311/pending/:token/refuse',
    {
      schema: {
        tags,
        summary: '退回 Refuse a waiting request; its client reads the reason on the token',
        params: S.TokenParams,
        body: S.RefuseBody,
        response: { 200: S.Refused, ...errorReplies },
      },
      onRequest: guard('open311.place'),
    },
    async (request) => clients.refuse(request.actor, request.params.token, request.body.reason),
  );
}
