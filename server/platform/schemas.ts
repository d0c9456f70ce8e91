import { type TSchema, Type } from '@sinclair/typebox';

/** Schemas shared by every area's routes. */
export const ErrorReply = Type.Object(
  {
    code: Type.String({ description: 'Error code, area first; also the i18n key', example: 'request.invalid' }),
    message: Type.String({ description: 'Message in the request language', example: '请求内容有误，请检查标出的字段' }),
    details: Type.Array(
      Type.Object(
        {
          field: Type.String({ description: 'Which field, row or feature', example: 'body.username' }),
          reason: Type.String({ description: 'Why, as a keyword', example: 'required' }),
          message: Type.Optional(Type.String({ description: 'Why, in words' })),
        },
        { additionalProperties: true },
      ),
      { description: '问题明细 What is wrong, field by field (empty when the message says it all)' },
    ),
    errorId: Type.Optional(Type.String({ description: 'Present on 500: quote it to an administrator' })),
  },
  { $id: 'ErrorReply', description: 'The one error shape' },
);

export const errorReplies = {
  400: ErrorReply,
  401: ErrorReply,
  403: ErrorReply,
  404: ErrorReply,
  409: ErrorReply,
  422: ErrorReply,
  423: ErrorReply,
};

export const AreaRefSchema = Type.Object({
  code: Type.String({ description: 'Division code', example: '420923' }),
  name: Type.String({ description: 'Name', example: '云梦县' }),
  level: Type.String({ description: 'city | county | township | village | grid', example: 'county' }),
});

export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

/** One of a list of strings: a value outside it gets one "enum" reason naming the list, not one per literal. */
export const oneOf = <T extends string>(xs: readonly T[], description: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...xs], description });

/** Free-form GeoJSON geometry (validated by the territory core, not by JSON schema). */
export const GeometrySchema = Type.Object(
  {
    type: Type.String({ description: '几何类型 GeoJSON geometry type', example: 'Polygon' }),
    coordinates: Type.Array(Type.Any(), { description: '坐标 Coordinates, lng/lat' }),
  },
  { additionalProperties: true, description: 'GeoJSON geometry, lng/lat (EPSG:4326)' },
);
