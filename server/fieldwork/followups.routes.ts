import { PAGE } from '../../shared/limits.ts';
import type { Guard } from '../platform/actor.ts';
import type { Http } from '../platform/http.ts';
import { pageAsked } from '../platform/paging.ts';
import { errorReplies } from '../platform/schemas.ts';
import * as S from './followups.schemas.ts';
import type { FollowUpsService, PlanInput } from './followups.service.ts';

export async function followUpRoutes(app: Http, { followUps, guard }: { followUps: FollowUpsService; guard: Guard }) {
  const tags = ['fieldwork'];

  app.get(
    '/api/fieldwork/follow-up-plans',
    {
      schema: {
        tags,
        summary: '随访计划 A county’s follow-up plan per tag: its own where set, the GB/T 31000 default otherwise',
        querystring: S.PlansQuery,
        response: { 200: S.Plans, ...errorReplies },
      },
      onRequest: guard('followups.read'),
    },
    async (request) => followUps.plans(request.actor, request.query.county),
  );

  app.put(
    '/api/fieldwork/follow-up-plans/:tagKind/:tagCode',
    {
      schema: {
        tags,
        summary: '设置随访计划 Set how often and by whom people with a tag are followed up (409 when it changed since `version`)',
        params: S.PlanParams,
        body: S.PlanBody,
        response: { 200: S.Plans, ...errorReplies },
      },
      onRequest: guard('followups.plan'),
    },
    async (request) => followUps.setPlan(request.actor, { ...request.params, ...request.body } as PlanInput),
  );

  app.get(
    '/api/fieldwork/follow-ups',
    {
      schema: {
        tags,
        summary: '随访清单 Tagged people and their follow-ups, missed first: the grid team’s own, or a jurisdiction’s (audited)',
        querystring: S.FollowUpsQuery,
        response: { 200: S.FollowUps, ...errorReplies },
      },
      onRequest: guard('followups.read'),
    },
    async (request) =>
      followUps.find(request.actor, { missed: request.query.missed, area: request.query.area }, pageAsked(request.query, PAGE.followUps)),
  );

  app.get(
    '/api/fieldwork/follow-ups/:personId',
    {
      schema: {
        tags,
        summary: '随访表 A tagged person’s schedule and the visit form of their house, filled from the record (audited)',
        params: S.PersonParams,
        response: { 200: S.FollowUpForm, ...errorReplies },
      },
      onRequest: guard('followups.read'),
    },
    async (request) => followUps.form(request.actor, request.params.personId),
  );

  app.post(
    '/api/fieldwork/follow-ups/:personId/visits',
    {
      schema: {
        tags,
        summary: '记录随访 A follow-up: the visit of the person’s house, by their responsible follower only (403 otherwise)',
        params: S.PersonParams,
        body: S.FollowUpBody,
        response: { 200: S.FollowUpRecorded, ...errorReplies },
      },
      onRequest: guard('followups.visit'),
    },
    async (request) => followUps.record(request.actor, request.params.personId, request.body, request.lang),
  );

  app.get(
    '/api/fieldwork/follow-ups/:personId/followers',
    {
      schema: {
        tags,
        summary: '可指定的随访人 The grid workers and leaders a village or township may name as this person’s follower',
        params: S.PersonParams,
        response: { 200: S.Followers, ...errorReplies },
      },
      onRequest: guard('followups.assign'),
    },
    async (request) => followUps.followers(request.actor, request.params.personId),
  );

  app.put(
    '/api/fieldwork/follow-ups/:personId/assignment',
    {
      schema: {
        tags,
        summary: '指定随访人 Name one tagged person’s follower over the plan’s grid role, with a reason (audited)',
        params: S.PersonParams,
        body: S.AssignBody,
        response: { 200: S.FollowUp, ...errorReplies },
      },
      onRequest: guard('followups.assign'),
    },
    async (request) => followUps.assign(request.actor, request.params.personId, request.body),
  );

  app.delete(
    '/api/fieldwork/follow-ups/:personId/assignment',
    {
      schema: {
        tags,
        summary: '恢复网格随访 Give the person back to their grid team, with a reason (audited)',
        params: S.PersonParams,
        body: S.UnassignBody,
        response: { 200: S.FollowUp, ...errorReplies },
      },
      onRequest: guard('followups.assign'),
    },
    async (request) => followUps.unassign(request.actor, request.params.personId, request.body),
  );
}
