import { Type } from '@sinclair/typebox';
import { RECORD_TYPES } from '../../../shared/enums.ts';
import { SEARCH_TEXT_MAX } from '../../../shared/limits.ts';
import { Nullable, oneOf } from '../../platform/schemas.ts';
import { NEARBY_RADIUS_M } from './record-lookup.service.ts';

const Place = {
  type: oneOf(RECORD_TYPES, RECORD_TYPES.join(' | ')),
  key: Type.String({
    description: 'The natural key: house or building code, unified social credit code, component code',
    example: '42092301037000001',
  }),
  name: Type.String({ description: 'Name (a house: its address)', example: '路灯' }),
  address: Nullable(Type.String({ description: 'Address; none for a component' })),
  classCode: Nullable(
    Type.String({ description: "A component's class code, which names its catalogue item; none for other records", example: '01037' }),
  ),
};

export const NearbyQuery = Type.Object(
  {
    lng: Type.Number({ minimum: -180, maximum: 180, description: '经度 Longitude', example: 113.75 }),
    lat: Type.Number({ minimum: -90, maximum: 90, description: '纬度 Latitude', example: 31.02 }),
    radius: Type.Optional(
      Type.Integer({ minimum: 1, maximum: NEARBY_RADIUS_M.max, default: NEARBY_RADIUS_M.default, description: 'Metres' }),
    ),
  },
  { additionalProperties: false },
);

export const NearbyRecords = Type.Object({
  items: Type.Array(
    Type.Object({
      ...Place,
      lng: Type.Number({ description: '经度 Longitude' }),
      lat: Type.Number({ description: '纬度 Latitude' }),
      distanceMeters: Type.Integer({ description: '距离 Metres from the point', example: 35 }),
    }),
    { description: '附近记录 Records, nearest first' },
  ),
});

export const LookupQuery = Type.Object(
  { q: Type.String({ minLength: 1, maxLength: SEARCH_TEXT_MAX, description: 'A code, or part of a name or address', example: '朝阳' }) },
  { additionalProperties: false },
);

export const FoundRecords = Type.Object({
  items: Type.Array(
    Type.Object({
      ...Place,
      lng: Nullable(Type.Number({ description: '经度 Longitude; none when the record has no point' })),
      lat: Nullable(Type.Number({ description: 'None when the record has no point (a house: its building has none)' })),
    }),
    { description: '找到的记录 Records found' },
  ),
});
