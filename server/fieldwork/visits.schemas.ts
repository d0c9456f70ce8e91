import { Type } from '@sinclair/typebox';
import { DESCRIPTION_MAX, PAGE } from '../../shared/limits.ts';
import { pageQuery, pageReply } from '../platform/paging.ts';
import { Nullable } from '../platform/schemas.ts';

export const HouseCode = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 40, description: '房屋编号', example: '420923100001001-0001' }),
});

const Masked = (description: string, example: string) => Nullable(Type.String({ description, example }));

export const VisitForm = Type.Object({
  house: Type.Object(
    {
      code: Type.String({ description: '房屋编号' }),
      address: Type.String({ description: '房屋地址' }),
      gridCode: Type.String({ description: 'Its grid' }),
      use: Type.String({ description: 'house_use code', example: '01' }),
      rented: Type.Boolean({ description: '是否出租' }),
      rentalUse: Nullable(Type.String({ description: 'rental_use code' })),
      rentalCategory: Nullable(Type.String({ description: 'rental_category code' })),
      rentalLevel: Nullable(Type.String({ description: 'rental_level code', example: 'B' })),
      ownerName: Nullable(Type.String({ description: '房主姓名' })),
      ownerIdNumber: Masked('Owner’s ID number, masked', '4209**********2016'),
      ownerPhone: Masked('Owner’s phone, masked', '138****1234'),
      verifiedAt: Nullable(Type.String({ description: 'Last verified' })),
      version: Type.Integer({ description: 'Send it back with the visit' }),
    },
    { description: '房屋 The house as on record' },
  ),
  residents: Type.Array(
    Type.Object({
      personId: Type.String({ format: 'uuid', description: 'Person id' }),
      name: Type.String({ description: 'Name', example: '张建华' }),
      idNumber: Type.String({ description: 'ID number, masked', example: '4209**********2016' }),
      phone: Masked('Phone, masked', '138****1234'),
      relation: Nullable(Type.String({ description: 'Relation to the householder (code)', example: '02' })),
      residentType: Type.String({ description: 'Resident type code', example: '01' }),
      movedIn: Type.String({ description: 'Moved in', example: '2020-05-01' }),
    }),
    { description: 'Who lives there now' },
  ),
});

export const VisitBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1, description: 'The house version the form was filled from (409 when it changed since)' }),
    residents: Type.Array(
      Type.Object(
        {
          personId: Type.String({ format: 'uuid', description: 'A current resident of the house' }),
          status: Type.Optional(
            Type.Union([Type.Literal('present'), Type.Literal('movedOut')], {
              description: 'present: still lives here (verified); movedOut: the residence ends today',
            }),
          ),
          phone: Type.Optional(
            Type.String({
              minLength: 1,
              maxLength: 40,
              description: 'Corrected phone; left out, the one on record stays',
              example: '13872001234',
            }),
          ),
        },
        { additionalProperties: false },
      ),
      { maxItems: 500, description: 'Every current resident, each marked once' },
    ),
    house: Type.Optional(
      Type.Object(
        {
          use: Type.String({ maxLength: 20, description: 'house_use code or name', example: '01' }),
          rented: Type.Boolean({ description: '是否出租' }),
          rentalUse: Type.Optional(Nullable(Type.String({ maxLength: 20, description: 'rental_use code (required when rented)' }))),
          rentalCategory: Type.Optional(Nullable(Type.String({ maxLength: 20, description: 'rental_category code' }))),
          rentalLevel: Type.Optional(Nullable(Type.String({ maxLength: 20, description: 'rental_level code' }))),
        },
        { additionalProperties: false, description: 'The house fields as found; those that differ go through the house edit' },
      ),
    ),
    note: Type.Optional(
      Nullable(Type.String({ maxLength: DESCRIPTION_MAX, description: 'What the worker noted', example: '租户已换人，房东已告知' })),
    ),
  },
  { additionalProperties: false },
);

export const Visit = Type.Object({
  id: Type.String({ format: 'uuid', description: '走访标识 Visit id' }),
  at: Type.String({ description: '走访时间 When' }),
  actorName: Type.String({ description: 'Who visited', example: '网格员 李娜' }),
  confirmed: Type.Integer({ description: 'Residents confirmed as living there' }),
  movedOut: Type.Integer({ description: 'Residents recorded as moved out' }),
  changes: Type.Array(Type.String(), {
    description: 'What changed: house.<field>, person.phone:<name>, person.movedOut:<name>',
    example: ['house.rentalLevel', 'person.movedOut:李秀兰'],
  }),
  note: Nullable(Type.String({ description: '走访记录 What the worker noted' })),
});
export const Visits = Type.Object({ items: Type.Array(Visit, { description: '走访记录 Visits, newest first' }) });

export const DueQuery = Type.Object({ ...pageQuery(PAGE.visitsDue) }, { additionalProperties: false });
export const DueHouses = pageReply(
  Type.Object({
    code: Type.String({ description: '房屋编号', example: '420923100001001-0001' }),
    address: Type.String({ description: '房屋地址', example: '城关镇朝阳社区东街12号' }),
    gridCode: Type.String({ description: 'Its grid', example: '420923100001001' }),
    lastVisitAt: Nullable(Type.String({ description: '上次走访 When it was last visited; null: never' })),
  }),
  '待走访 Houses due in my jurisdiction, this page: never visited first, then the longest ago',
  { roundDays: Type.Integer({ description: 'A house is due when not visited for this many days', example: 90 }) },
);
