import { PAGE } from '../../../shared/limits.ts';
import type { Guard } from '../../platform/actor.ts';
import type { Http } from '../../platform/http.ts';
import { pageAsked } from '../../platform/paging.ts';
import { errorReplies } from '../../platform/schemas.ts';
import { exportRoute } from '../io/list-export.ts';
import type { AddressesService } from './addresses.service.ts';
import { writeBuildingSheet } from './building-export.ts';
import * as S from './buildings.schemas.ts';
import type { BuildingsService } from './buildings.service.ts';
import { writeHouseSheet } from './house-export.ts';
import type { HousesService } from './houses.service.ts';

export async function buildingRoutes(
  app: Http,
  {
    buildings,
    addresses,
    houses,
    guard,
  }: { buildings: BuildingsService; addresses: AddressesService; houses: HousesService; guard: Guard },
) {
  const tags = ['registry'];
  const read = guard('registry.read');
  const write = guard('registry.write');

  app.get(
    '/api/registry/addresses',
    {
      schema: {
        tags,
        summary: '查找标准地址 Standard addresses by text (part) or code, within jurisdiction',
        querystring: S.SearchQuery,
        response: { 200: S.Addresses, ...errorReplies },
      },
      onRequest: read,
    },
    async (request) => addresses.find(request.actor, request.query, pageAsked(request.query, PAGE.places)),
  );
  app.get(
    '/api/registry/addresses/:code',
    {
      schema: {
        tags,
        summary: '标准地址详情 An address, its buildings and history',
        params: S.AddressCode,
        response: { 200: S.AddressDetail, ...errorReplies },
      },
      onRequest: read,
    },
    async (request) => addresses.get(request.actor, request.params.code),
  );
  app.post(
    '/api/registry/addresses',
    {
      schema: {
        tags,
        summary: '登记标准地址 Record an address; the server gives its code',
        body: S.CreateAddressBody,
        response: { 200: S.AddressDetail, ...errorReplies },
      },
      onRequest: write,
    },
    async (request) => addresses.create(request.actor, request.body, request.lang),
  );
  app.put(
    '/api/registry/addresses/:code',
    {
      schema: {
        tags,
        summary: '修改标准地址 Edit an address (409 when it changed since `version`)',
        params: S.AddressCode,
        body: S.EditAddressBody,
        response: { 200: S.AddressDetail, ...errorReplies },
      },
      onRequest: write,
    },
    async (request) => addresses.update(request.actor, request.params.code, request.body, request.lang),
  );
  app.post(
    '/api/registry/addresses/:code/verify',
    {
      schema: {
        tags,
        summary: '核实标准地址 Confirm the record as it stands',
        params: S.AddressCode,
        body: S.VersionBody,
        response: { 200: S.AddressDetail, ...errorReplies },
      },
      onRequest: write,
    },
    async (request) => addresses.verify(request.actor, request.params.code, request.body.version),
  );

  app.get(
    '/api/registry/buildings',
    {
      schema: {
        tags,
        summary: '查找楼栋 Buildings by address or name (part), building or address code, area — within jurisdiction',
        querystring: S.SearchQuery,
        response: { 200: S.Buildings, ...errorReplies },
      },
      onRequest: read,
    },
    async (request) => buildings.find(request.actor, request.query, pageAsked(request.query, PAGE.places)),
  );
  app.get(
    '/api/registry/buildings/:code',
    {
      schema: {
        tags,
        summary: '楼栋详情 A building, its houses, who verified it, and its history',
        params: S.BuildingCode,
        response: { 200: S.BuildingDetail, ...errorReplies },
      },
      onRequest: read,
    },
    async (request) => buildings.get(request.actor, request.params.code),
  );
  app.post(
    '/api/registry/buildings',
    {
      schema: {
        tags,
        summary: '登记楼栋 Record a building',
        body: S.CreateBuildingBody,
        response: { 200: S.BuildingDetail, ...errorReplies },
      },
      onRequest: write,
    },
    async (request) => buildings.create(request.actor, request.body, request.lang),
  );
  app.put(
    '/api/registry/buildings/:code',
    {
      schema: {
        tags,
        summary: '修改楼栋 Edit a building (409 when it changed since `version`)',
        params: S.BuildingCode,
        body: S.EditBuildingBody,
        response: { 200: S.BuildingDetail, ...errorReplies },
      },
      onRequest: write,
    },
    async (request) => buildings.update(request.actor, request.params.code, request.body, request.lang),
  );
  app.post(
    '/api/registry/buildings/:code/verify',
    {
      schema: {
        tags,
        summary: '核实楼栋 Confirm the record as it stands',
        params: S.BuildingCode,
        body: S.VersionBody,
        response: { 200: S.BuildingDetail, ...errorReplies },
      },
      onRequest: write,
    },
    async (request) => buildings.verify(request.actor, request.params.code, request.body.version),
  );
  app.post(
    '/api/registry/buildings/:code/reveal',
    {
      schema: {
        tags,
        summary: '查看楼栋长电话 Reveal the leader’s phone, with a reason (audited)',
        params: S.BuildingCode,
        body: S.RevealLeaderBody,
        response: { 200: S.Revealed, ...errorReplies },
      },
      onRequest: guard('registry.unmask'),
    },
    async (request) => buildings.reveal(request.actor, request.params.code, request.body.reason),
  );

  app.get(
    '/api/registry/houses',
    {
      schema: {
        tags,
        summary: '查找房屋 Houses of a building or a grid, or by address or code (part) — within jurisdiction',
        querystring: S.HouseQuery,
        response: { 200: S.Houses, ...errorReplies },
      },
      onRequest: read,
    },
    async (request) => houses.find(request.actor, request.query, pageAsked(request.query, PAGE.houses)),
  );
  exportRoute(app, guard, {
    url: '/api/registry/buildings/export',
    summary: '导出楼栋 Export a filtered list to Excel (leader phones masked unless unmasking is allowed and explained; audited)',
    filter: S.SearchFilter,
    unmaskable: true,
    fileName: 'buildings.xlsx',
    rows: (actor, filter, unmask) => buildings.export(actor, { ...filter, unmask }),
    write: writeBuildingSheet,
  });
  exportRoute(app, guard, {
    url: '/api/registry/houses/export',
    summary:
      '导出房屋 Export the houses of a building or grid, or found by address or code, to Excel (owner ID numbers and phones masked unless unmasking is allowed and explained; audited)',
    filter: S.HouseFilter,
    needsOneOf: ['building', 'grid', 'q'],
    unmaskable: true,
    fileName: 'houses.xlsx',
    rows: (actor, filter, unmask) => houses.export(actor, { ...filter, unmask }),
    write: writeHouseSheet,
  });
  app.get(
    '/api/registry/houses/:code',
    {
      schema: {
        tags,
        summary: '房屋详情 A house, its building, its ten-household group, who lives there, and its history',
        params: S.HouseCode,
        response: { 200: S.HouseDetail, ...errorReplies },
      },
      onRequest: read,
    },
    async (request) => houses.get(request.actor, request.params.code),
  );
  app.post(
    '/api/registry/houses',
    {
      schema: {
        tags,
        summary: '登记房屋 Record a house (checked like a row of the house template)',
        body: S.CreateHouseBody,
        response: { 200: S.HouseDetail, ...errorReplies },
      },
      onRequest: write,
    },
    async (request) => houses.create(request.actor, request.body, request.lang),
  );
  app.put(
    '/api/registry/houses/:code',
    {
      schema: {
        tags,
        summary: '修改房屋 Edit a house (409 when it changed since `version`)',
        params: S.HouseCode,
        body: S.EditHouseBody,
        response: { 200: S.HouseDetail, ...errorReplies },
      },
      onRequest: write,
    },
    async (request) => houses.update(request.actor, request.params.code, request.body, request.lang),
  );
}
