import { Type } from '@sinclair/typebox';
import type { Http } from '../../platform/http.ts';
import { errorReplies } from '../../platform/schemas.ts';
import type { Guard } from '../../platform/actor.ts';
import type { QualityService } from './quality.service.ts';
import { ANOMALY_KINDS, FIGURES } from './quality.store.ts';

const FIGURE_NOTES: Record<(typeof FIGURES)[number], string> = {
  people: 'People on record', peopleVerified: 'People verified within the window',
  houses: 'Houses', housesVerified: 'Houses verified within the window',
  buildings: 'Buildings (楼栋)', buildingsVerified: 'Buildings verified within the window',
  organisations: 'Organisations (实有单位)', organisationsVerified: 'Organisations verified within the window',
  facilities: 'Facilities (部件)', facilitiesVerified: 'Facilities verified within the window',
  groups: 'Ten-household groups (十户联防)', groupsVerified: 'Groups verified within the window',
  homeless: 'People with no current house', emptyHouses: 'Houses marked lived in (dwelling, or let as home or dormitory) with nobody living there',
  housesWithoutBuilding: 'Houses linked to no building', housesInGroups: 'Houses in a ten-household group',
  idCheckFailed: 'ID numbers whose check digit fails', idUnchecked: 'ID numbers not yet checked (older rows; the server checks a batch a minute, and one per request)',
};
const Figures = Object.fromEntries(FIGURES.map((f) => [f, Type.Integer({ description: FIGURE_NOTES[f] })])) as Record<(typeof FIGURES)[number], ReturnType<typeof Type.Integer>>;
const Area = Type.String({ pattern: '^[0-9]{6,15}$', description: 'Area or grid code, in the caller’s jurisdiction', example: '420923100' });

const Quality = Type.Object({
  area: Type.String(), name: Type.String(), level: Type.String(), verifiedWithinDays: Type.Integer(),
  total: Type.Object(Figures),
  children: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), level: Type.String(), ...Figures }), { description: 'The nodes right below the area (a grid: itself)' }),
});
const Anomalies = Type.Object({
  kind: Type.String(), page: Type.Integer(), pageSize: Type.Integer(), total: Type.Integer({ description: 'Groups of this kind under the area' }),
  items: Type.Array(Type.Object({
    key: Type.String({ description: 'Stable key of the row' }),
    houses: Type.Array(Type.Object({ code: Type.String(), address: Type.String(), gridCode: Type.String() })),
    people: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), idNumber: Type.String({ description: 'Masked' }), gridCode: Type.String() })),
    elsewhere: Type.Integer({ description: 'Records of the same group outside the caller’s jurisdiction: counted, never listed' }),
  })),
});

export async function qualityRoutes(app: Http, { quality, guard }: { quality: QualityService; guard: Guard }) {
  const tags = ['registry'];

  app.get('/api/registry/quality', {
    schema: {
      tags, summary: '数据质量 Figures per child node of an area: counts, verified within N days, anomalies counted',
      querystring: Type.Object({
        area: Area,
        days: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650, default: 90, description: 'Verified within this many days counts as verified' })),
      }, { additionalProperties: false }),
      response: { 200: Quality, ...errorReplies },
    },
    onRequest: guard('registry.read'),
  }, async (request) => quality.figures(request.actor, request.query.area, request.query.days ?? 90));

  app.get('/api/registry/quality/anomalies', {
    schema: {
      tags, summary: '数据质量问题 One page of one anomaly list under an area, naming the records to fix',
      querystring: Type.Object({
        area: Area,
        kind: Type.Union(ANOMALY_KINDS.map((k) => Type.Literal(k))),
        page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
        pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
      }, { additionalProperties: false }),
      response: { 200: Anomalies, ...errorReplies },
    },
    onRequest: guard('registry.read'),
  }, async (request) => quality.anomalies(request.actor, request.query.area, request.query.kind, request.query.page ?? 1, request.query.pageSize ?? 20));
}
