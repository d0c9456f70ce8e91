import type { Guard } from '../platform/actor.ts';
import type { Http } from '../platform/http.ts';
import { errorReplies } from '../platform/schemas.ts';
import * as S from './alarms.schemas.ts';
import type { AlarmInput, AlarmsService } from './alarms.service.ts';
import type { DeviceInput, DevicesService } from './devices.service.ts';

/**
 * The platforms' endpoint (docs/integrations/alarms.md: no session, an API key for the alarms interface) and the
 * county centre's device registry.
 */
export function alarmsRoutes(app: Http, { alarms, devices, guard }: { alarms: AlarmsService; devices: DevicesService; guard: Guard }) {
  const tags = ['alarms'];

  app.post(
    '/api/alarms',
    {
      schema: {
        tags,
        summary: '告警推送 A video or sensor platform posts an alarm: a case to verify, once per device, item and window',
        headers: S.AlarmHeaders,
        body: S.AlarmBody,
        response: { 200: S.AlarmReceipt, 201: S.AlarmReceipt, ...errorReplies },
      },
    },
    async (request, reply) => {
      const receipt = await alarms.receive(request.headers['x-api-key'], request.body as AlarmInput);
      return reply.status(receipt.repeat ? 200 : 201).send(receipt);
    },
  );

  app.get(
    '/api/alarms/devices',
    {
      schema: {
        tags,
        summary: '感知设备 The cameras and sensors registered in your counties',
        response: { 200: S.DeviceList, ...errorReplies },
      },
      onRequest: guard('alarms.devices'),
    },
    async (request) => ({ items: await devices.find(request.actor) }),
  );

  app.post(
    '/api/alarms/devices',
    {
      schema: {
        tags,
        summary: '登记设备 Register a camera or sensor with the point it watches',
        body: S.DeviceBody,
        response: { 201: S.Device, ...errorReplies },
      },
      onRequest: guard('alarms.devices'),
    },
    async (request, reply) =>
      reply.status(201).send(await devices.register(request.actor, request.body as DeviceInput & { countyCode: string; deviceId: string })),
  );

  app.put(
    '/api/alarms/devices/:countyCode/:deviceId',
    {
      schema: {
        tags,
        summary: '修改设备 Change a device’s kind, name or registered point',
        params: S.DeviceParams,
        body: S.DeviceUpdateBody,
        response: { 200: S.Device, ...errorReplies },
      },
      onRequest: guard('alarms.devices'),
    },
    async (request) => devices.update(request.actor, request.params, request.body as DeviceInput),
  );
}
