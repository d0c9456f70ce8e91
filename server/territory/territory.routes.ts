import type { Guard } from '../platform/actor.ts';
import type { Http } from '../platform/http.ts';
import { errorReplies } from '../platform/schemas.ts';
import type { GridFeatureCollection, GridImportService } from './grid-import.service.ts';
import type { NetworksService } from './networks.service.ts';
import * as S from './territory.schemas.ts';
import type { TerritoryService } from './territory.service.ts';

interface Deps {
  territory: TerritoryService;
  gridImport: GridImportService;
  networks: NetworksService;
  guard: Guard;
}

export function territoryRoutes(app: Http, { territory, gridImport, networks, guard }: Deps) {
  const tags = ['territory'];
  const read = guard('territory.read');
  const manage = guard('territory.manage');

  app.get(
    '/api/territory/areas',
    {
      schema: { tags, summary: '管辖根节点 The roots of my jurisdiction', response: { 200: S.AreaNodes, ...errorReplies } },
      onRequest: read,
    },
    async (request) => ({ items: await territory.roots(request.actor) }),
  );

  app.get(
    '/api/territory/areas/:code',
    {
      schema: {
        tags,
        summary: '区域详情 An area with its outline and path',
        params: S.AreaParams,
        response: { 200: S.AreaDetail, ...errorReplies },
      },
      onRequest: read,
    },
    async (request) => territory.area(request.actor, request.params.code),
  );

  app.get(
    '/api/territory/areas/:code/children',
    {
      schema: {
        tags,
        summary: '下级节点 Children of an area (grids under a village)',
        params: S.AreaParams,
        response: { 200: S.AreaNodes, ...errorReplies },
      },
      onRequest: read,
    },
    async (request) => ({ items: await territory.children(request.actor, request.params.code) }),
  );

  app.get(
    '/api/territory/grids',
    {
      schema: {
        tags,
        summary: '区域内网格 Grids under an area, as GeoJSON',
        querystring: S.AreaQuery,
        response: { 200: S.FeatureCollection, ...errorReplies },
      },
      onRequest: read,
    },
    async (request) => territory.gridsOf(request.actor, request.query.area),
  );

  app.get(
    '/api/territory/outlines',
    {
      schema: {
        tags,
        summary: '区划轮廓 Outlines of an area and of the townships and villages inside it, as GeoJSON (the map without tiles)',
        querystring: S.AreaQuery,
        response: { 200: S.FeatureCollection, ...errorReplies },
      },
      onRequest: read,
    },
    async (request) => territory.outlinesOf(request.actor, request.query.area),
  );

  app.get(
    '/api/territory/grids/export',
    {
      schema: {
        tags,
        summary: '导出网格 Export grids under an area as a GeoJSON file',
        querystring: S.AreaQuery,
        response: { 200: S.FeatureCollection, ...errorReplies },
      },
      onRequest: manage,
    },
    async (request, reply) => {
      reply.header('content-disposition', `attachment; filename="grids-${request.query.area}.geojson"`);
      return gridImport.exportGrids(request.actor, request.query.area);
    },
  );

  app.post(
    '/api/territory/grids/import',
    {
      schema: {
        tags,
        summary: '导入网格 Import grids from GeoJSON (all or nothing)',
        body: S.FeatureCollection,
        response: { 200: S.ImportReply, ...errorReplies },
      },
      onRequest: manage,
    },
    async (request) => gridImport.importGrids(request.actor, request.body as GridFeatureCollection, request.lang),
  );

  app.get(
    '/api/territory/grids/:code',
    {
      schema: {
        tags,
        summary: '网格详情 A grid with its team, professional units and claims',
        params: S.GridParams,
        response: { 200: S.GridDetail, ...errorReplies },
      },
      onRequest: read,
    },
    async (request) => territory.grid(request.actor, request.params.code),
  );

  app.get(
    '/api/territory/locate',
    {
      schema: {
        tags,
        summary: '坐标定位 Which grid, village, township and county a point is in',
        querystring: S.LocateQuery,
        response: { 200: S.LocateReply, ...errorReplies },
      },
      onRequest: read,
    },
    async (request) => territory.locateFor(request.actor, request.query.lng, request.query.lat),
  );

  app.get(
    '/api/territory/networks',
    {
      schema: { tags, summary: '专业网格列表 Professional networks', response: { 200: S.Networks, ...errorReplies } },
      onRequest: read,
    },
    async () => ({ items: await networks.find() }),
  );

  app.post(
    '/api/territory/networks',
    {
      schema: {
        tags,
        summary: '新建专业网格 Define a professional network',
        body: S.CreateNetworkBody,
        response: { 201: S.Network, ...errorReplies },
      },
      onRequest: manage,
    },
    async (request, reply) => reply.status(201).send(await networks.create(request.actor, request.body)),
  );

  app.post(
    '/api/territory/networks/:code/units',
    {
      schema: {
        tags,
        summary: '导入专业网格单元 Import units of a network from GeoJSON',
        params: S.NetworkParams,
        body: S.FeatureCollection,
        response: { 200: S.UnitImportReply, ...errorReplies },
      },
      onRequest: manage,
    },
    async (request) => networks.importUnits(request.actor, request.params.code, request.body as GridFeatureCollection, request.lang),
  );

  app.get(
    '/api/territory/networks/:code/units',
    {
      schema: {
        tags,
        summary: '专业网格单元 Units overlapping grids under an area',
        params: S.NetworkParams,
        querystring: S.AreaQuery,
        response: { 200: S.FeatureCollection, ...errorReplies },
      },
      onRequest: read,
    },
    async (request) => networks.unitsOf(request.actor, request.params.code, request.query.area),
  );
}
