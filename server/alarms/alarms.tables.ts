import { boolean, doublePrecision, index, pgTable, primaryKey, text, timestamptz, uuid } from '../platform/columns.ts';

/**
 * 感知设备: a camera of a video-analysis platform or a sensor, registered by its county centre with the point it
 * watches, so an alarm that sends no point is placed there. The device id is the platform's own.
 */
export const alarmDevice = pgTable(
  'alarm_device',
  {
    countyCode: text('county_code').notNull(),
    deviceId: text('device_id').notNull(),
    /** video · sensor (shared/enums.ts DEVICE_KINDS): the source of the cases its alarms become. */
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    lng: doublePrecision('lng').notNull(),
    lat: doublePrecision('lat').notNull(),
    createdAt: timestamptz('created_at').notNull(),
    createdBy: uuid('created_by').notNull(),
    updatedAt: timestamptz('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.countyCode, t.deviceId] })],
);

/**
 * The open de-duplication window of one device and item: opened by the first alarm (its time), and every alarm of
 * the same device and item within the window joins the case filed under the window's id. One row per device and
 * item, replaced when an alarm comes after the window closed; the primary key makes concurrent first alarms one.
 */
export const alarmWindow = pgTable(
  'alarm_window',
  {
    countyCode: text('county_code').notNull(),
    deviceId: text('device_id').notNull(),
    itemCode: text('item_code').notNull(),
    windowId: uuid('window_id').notNull(),
    openedAt: timestamptz('opened_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.countyCode, t.deviceId, t.itemCode] })],
);

/** 告警: every alarm a platform posted, the first of a window and each repeat, linked to the case it became or joined. */
export const alarm = pgTable(
  'alarm',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** The API key's client that posted it. */
    clientId: uuid('client_id').notNull(),
    deviceId: text('device_id').notNull(),
    itemCode: text('item_code').notNull(),
    occurredAt: timestamptz('occurred_at').notNull(),
    receivedAt: timestamptz('received_at').notNull(),
    lng: doublePrecision('lng').notNull(),
    lat: doublePrecision('lat').notNull(),
    /** The point came from the device's registration, not from the alarm. */
    registeredPoint: boolean('registered_point').notNull(),
    /** The snapshot's photo key in the file store. */
    snapshot: text('snapshot'),
    note: text('note'),
    windowId: uuid('window_id').notNull(),
    eventId: uuid('event_id').notNull(),
    /** Not the window's first alarm: it made no case of its own. */
    repeat: boolean('repeat').notNull(),
  },
  (t) => [primaryKey({ columns: [t.countyCode, t.id] }), index('alarm_county_code_window_id_idx').on(t.countyCode, t.windowId)],
);
