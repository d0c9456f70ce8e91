import { Type } from '@sinclair/typebox';
import { DEVICE_KINDS } from '../../shared/enums.ts';
import { ALARMS, ITEM_CODE_MAX, NOTE_MAX } from '../../shared/limits.ts';
import { oneOf } from '../platform/schemas.ts';

const DeviceId = Type.String({
  minLength: 1,
  maxLength: ALARMS.deviceIdMax,
  pattern: '^[\\x21-\\x7e]+$',
  description: '设备编号 The camera’s or sensor’s id on its platform (国标编码 or the platform’s own)',
  example: '42092300001320000017',
});
const Lng = Type.Number({ minimum: -180, maximum: 180, description: '经度 Longitude (CGCS2000/WGS84)', example: 113.01 });
const Lat = Type.Number({ minimum: -90, maximum: 90, description: '纬度 Latitude', example: 31.01 });
const Kind = oneOf(DEVICE_KINDS, '类型 video 视频 · sensor 感知设备: the source of the cases its alarms become');

export const AlarmHeaders = Type.Object({
  'x-api-key': Type.Optional(
    Type.String({ maxLength: 64, description: 'API 密钥 A key issued for the alarms interface (接入密钥, interfaces: alarms)' }),
  ),
});

export const AlarmBody = Type.Object(
  {
    deviceId: DeviceId,
    kind: Type.Optional({
      ...Kind,
      description: '类型 For a device not registered only: video (default) or sensor; a registered device’s kind wins',
    }),
    itemCode: Type.String({
      minLength: 1,
      maxLength: ITEM_CODE_MAX,
      description: '事项 The catalogue item the alarm is about (派单目录)',
      example: 'CG08004',
    }),
    occurredAt: Type.String({
      format: 'date-time',
      description: '告警时间 When the device caught it; the de-duplication window runs from the first alarm’s time',
      example: '2026-11-02T09:30:00+08:00',
    }),
    lng: Type.Optional({ ...Lng, description: '经度 Where it was caught; left out (with lat), the device’s registered point' }),
    lat: Type.Optional({ ...Lat, description: '纬度 Where it was caught; left out (with lng), the device’s registered point' }),
    snapshot: Type.Optional(
      Type.String({
        minLength: 4,
        maxLength: Math.ceil((ALARMS.snapshotMaxBytes * 4) / 3) + 32,
        description: `抓拍图 A JPEG, PNG or WebP image in base64 (a data: URL prefix allowed), at most ${ALARMS.snapshotMaxBytes / 1024} KB; the case's photo`,
      }),
    ),
    note: Type.Optional(
      Type.String({
        maxLength: NOTE_MAX,
        description: '说明 What the platform says about it (the analysis’ label)',
        example: '占道经营 置信度 0.93',
      }),
    ),
  },
  { additionalProperties: false },
);

export const AlarmReceipt = Type.Object({
  alarmId: Type.String({ format: 'uuid', description: '告警标识 This alarm as kept' }),
  eventId: Type.String({ format: 'uuid', description: '事件标识 The case it became or joined' }),
  caseNo: Type.String({ description: '案件编号 The case number', example: '202611020001' }),
  status: Type.String({ description: '状态 The case’s status now', example: 'reported' }),
  repeat: Type.Boolean({ description: '重复告警 true: a repeat within the window, which joined the first alarm’s case' }),
  alarmsInWindow: Type.Integer({ minimum: 1, description: '窗口内告警数 Alarms of this device and item in the window, this one included' }),
});

export const DeviceBody = Type.Object(
  {
    countyCode: Type.String({
      pattern: '^\\d{6}$',
      description: '县（区） The county the device is in (a county of your jurisdiction)',
      example: '420923',
    }),
    deviceId: DeviceId,
    kind: Kind,
    name: Type.String({
      minLength: 1,
      maxLength: ALARMS.deviceNameMax,
      pattern: '\\S',
      description: '名称 What the device watches',
      example: '解放路与人民路口 东',
    }),
    lng: { ...Lng, description: '经度 The registered point: where an alarm without a point is placed' },
    lat: { ...Lat, description: '纬度 The registered point' },
  },
  { additionalProperties: false },
);

export const DeviceUpdateBody = Type.Omit(DeviceBody, ['countyCode', 'deviceId'], { additionalProperties: false });

export const DeviceParams = Type.Object({
  countyCode: Type.String({ pattern: '^\\d{6}$', description: '县（区） The device’s county' }),
  deviceId: DeviceId,
});

export const Device = Type.Object({
  county: Type.Object({
    code: Type.String({ description: '县（区）代码 Division code', example: '420923' }),
    name: Type.String({ description: '县（区） Name', example: '云梦县' }),
  }),
  deviceId: Type.String({ description: '设备编号 The device’s id on its platform' }),
  kind: Kind,
  name: Type.String({ description: '名称 What the device watches' }),
  lng: Type.Number({ description: '经度 The registered point' }),
  lat: Type.Number({ description: '纬度 The registered point' }),
  updatedAt: Type.Unsafe<Date>({ type: 'string', format: 'date-time', description: '更新时间 Last registered or edited' }),
});

export const DeviceList = Type.Object({ items: Type.Array(Device, { description: '设备 The devices of your counties' }) });
