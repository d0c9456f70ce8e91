import { randomBytes } from 'node:crypto';
import { chinaDate } from '../../../shared/china-time.ts';
import type { DeclarationStatus } from '../../../shared/enums.ts';
import { normalizeIdNumber } from '../../../shared/id-number.ts';
import { maskIdNumber, maskPhone } from '../../../shared/masking.ts';
import { can } from '../../../shared/roles.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import type { FieldCrypto } from '../../platform/field-crypto.ts';
import { createOnce } from '../../platform/idempotency.ts';
import type { PageAsked } from '../../platform/paging.ts';
import type { DeclaredPeople, RecordLookup } from '../../registry/index.ts';
import { nodeNames } from '../../territory/index.ts';
import type { TaskField } from '../tasks.core.ts';
import { keptValues } from '../tasks.core.ts';
import * as tasks from '../tasks.store.ts';
import {
  checkDeclaration,
  checkPoint,
  type DeclarationInput,
  limitReached,
  type PointInput,
  publishesQr,
  residentFields,
} from './declare.core.ts';
import * as store from './declare.store.ts';

/** Locates a point on the map in a grid (territory's index), handed in by the area. */
export type Locate = (lng: number, lat: number) => Promise<string | null>;

const HOUR_MS = 3_600_000;
const invalid = (code: 'declare.point_invalid' | 'declare.invalid', details: { field: string; reason: string; value?: unknown }[]) =>
  new AppError(code, details);

/**
 * 扫码申报: a screening task's owner publishes a QR code per building or checkpoint; residents declare through it
 * without an account (limited per device and address per hour, once per idempotency key); the point's grid worker
 * confirms each declaration into the people records (matched on the ID number) or rejects it with a reason.
 */
export function createDeclarations({
  db,
  clock,
  fieldCrypto,
  records,
  people,
  locate,
}: {
  db: Db;
  clock: Clock;
  fieldCrypto: FieldCrypto;
  records: RecordLookup;
  people: DeclaredPeople;
  locate: Locate;
}) {
  const fieldOnly = (actor: Actor) => !can(actor.roles, 'tasks.draft') && !can(actor.roles, 'tasks.admit');

  async function taskIn(tx: Tx, actor: Actor, id: string) {
    const row = await tasks.getTask(tx, actor.scope, id, { fieldOnly: fieldOnly(actor) });
    if (!row) throw new AppError('task.not_found');
    return row;
  }

  const pointView = (
    p: Omit<store.PointRow, 'countyCode' | 'taskId' | 'createdAt'>,
    counts?: { pending: number; confirmed: number; rejected: number },
  ) => ({
    id: p.id,
    kind: p.kind as 'building' | 'checkpoint',
    name: p.name,
    buildingCode: p.buildingCode,
    gridCode: p.gridCode,
    lng: p.lng,
    lat: p.lat,
    token: p.token,
    createdBy: p.createdBy,
    pending: counts?.pending ?? 0,
    confirmed: counts?.confirmed ?? 0,
    rejected: counts?.rejected ?? 0,
  });

  const declarationView = (d: store.DeclarationRow, pointName: string) => ({
    id: d.id,
    pointId: d.pointId,
    pointName,
    gridCode: d.gridCode,
    name: d.name,
    idNumber: d.idNumberMasked,
    phone: d.phoneMasked,
    cameFrom: d.cameFrom,
    answers: d.answers,
    declaredAt: d.declaredAt.toISOString(),
    status: d.status as DeclarationStatus,
    decidedBy: d.decidedBy,
    decidedAt: d.decidedAt?.toISOString() ?? null,
    rejection: d.rejection,
    personId: d.personId,
    matched: d.matched,
    version: d.version,
  });

  async function pointNames(tx: Tx, task: { countyCode: string; id: string }, scope: Actor['scope']) {
    return new Map((await store.pointsOf(tx, task, scope)).map((p) => [p.id, p.name]));
  }

  async function decide(
    actor: Actor,
    id: string,
    version: number,
    act: (tx: Tx, d: store.DeclarationRow) => Promise<Partial<store.DeclarationRow>>,
    action: string,
  ) {
    return db.transaction(async (tx) => {
      const d = await store.getDeclaration(tx, actor.scope, id);
      if (!d) throw new AppError('declare.not_found');
      if (d.status !== 'pending')
        throw new AppError('declare.not_pending', [{ field: 'status', reason: 'declare.not_pending', value: d.status }]);
      if (d.version !== version) throw new AppError('declare.not_pending', [{ field: 'body.version', reason: 'stale', value: version }]);
      const at = clock();
      const set = await act(tx, d);
      const saved = await store.decideDeclaration(tx, d, { ...set, decidedById: actor.id, decidedBy: actor.displayName, decidedAt: at });
      if (!saved) throw new AppError('declare.not_pending', [{ field: 'body.version', reason: 'stale', value: version }]);
      const names = await pointNames(tx, { countyCode: d.countyCode, id: d.taskId }, actor.scope);
      await recordAudit(tx, {
        at,
        actorId: actor.id,
        action,
        target: d.id,
        detail: { task: d.taskId, person: saved.personId, matched: saved.matched, reason: saved.rejection },
      });
      return declarationView(saved, names.get(d.pointId) ?? '');
    });
  }

  return {
    /** A QR point of an admitted screening task, by its owner (the drafter or the county): a building of its grids, or a checkpoint placed on the map in them. */
    async createPoint(actor: Actor, taskId: string, input: PointInput) {
      const t = await taskIn(db, actor, taskId);
      if (!publishesQr(t))
        throw new AppError('task.not_screening', [{ field: 'task', reason: 'task.not_screening', value: `${t.kind}/${t.status}` }]);
      if (t.draftedById !== actor.id && !can(actor.roles, 'tasks.admit')) throw new AppError('access.forbidden');
      const details = checkPoint(input);
      if (details.length) throw invalid('declare.point_invalid', details);
      const grids = new Set(await tasks.gridsOf(db, t, actor.scope));
      let place: { name: string; gridCode: string | null; lng: number; lat: number; buildingCode: string | null };
      if (input.kind === 'building') {
        const code = String(input.buildingCode).trim();
        const b = await records.find(actor, 'building', code);
        if (!b || !grids.has(b.gridCode))
          throw invalid('declare.point_invalid', [{ field: 'body.buildingCode', reason: 'not_in_task', value: code }]);
        if (b.lng === null || b.lat === null)
          throw invalid('declare.point_invalid', [{ field: 'body.buildingCode', reason: 'no_point', value: code }]);
        place = { name: input.name?.trim() || b.name, gridCode: b.gridCode, lng: b.lng, lat: b.lat, buildingCode: b.key };
      } else {
        const lng = input.lng as number;
        const lat = input.lat as number;
        place = { name: String(input.name).trim(), gridCode: await locate(lng, lat), lng, lat, buildingCode: null };
      }
      const gridCode = place.gridCode;
      if (!gridCode || !grids.has(gridCode))
        throw invalid('declare.point_invalid', [{ field: 'body.lng', reason: 'not_in_task', value: [place.lng, place.lat] }]);
      return db.transaction(async (tx) => {
        const at = clock();
        const saved = await store.insertPoint(tx, {
          countyCode: t.countyCode,
          taskId: t.id,
          kind: input.kind,
          name: place.name,
          buildingCode: place.buildingCode,
          gridCode,
          lng: place.lng,
          lat: place.lat,
          token: randomBytes(12).toString('base64url'),
          createdBy: actor.displayName,
          createdAt: at,
        });
        await recordAudit(tx, {
          at,
          actorId: actor.id,
          action: 'declaration_point.created',
          target: saved.id,
          detail: { task: t.no, kind: saved.kind, name: saved.name },
        });
        return pointView(saved);
      });
    },

    /** The task's points in the caller's grids, each with its declarations by status: what the map and the QR sheet show. */
    async findPoints(actor: Actor, taskId: string) {
      const t = await taskIn(db, actor, taskId);
      const rows = await store.pointsOf(db, t, actor.scope);
      const names = await nodeNames(db, [...new Set(rows.map((p) => p.gridCode))]);
      return { items: rows.map((p) => ({ ...pointView(p, p), gridName: names.get(p.gridCode)?.name ?? p.gridCode })) };
    },

    /** What the QR page shows before the resident types: the task's title, the point, the questions; nothing of anyone's data. */
    async getPublicPoint(token: string) {
      const p = await store.pointByToken(db, token);
      const t = p && (await tasks.getTask(db, { prefixes: [p.countyCode], ancestors: [] }, p.taskId, { fieldOnly: true }));
      if (!p || !t) throw new AppError('declare.point_not_found');
      return {
        taskTitle: t.title,
        description: t.description,
        pointName: p.name,
        kind: p.kind as 'building' | 'checkpoint',
        open: publishesQr(t),
        questions: residentFields(t.fields as TaskField[]),
      };
    },

    /**
     * A resident's declaration: once per key (a resend answers the first), refused past the hourly limits of its
     * device and address, every problem named by its field; the ID number and phone sealed, hashed and masked.
     */
    async declare(token: string, input: DeclarationInput & { key: string; device: string }, address: string) {
      const p = await store.pointByToken(db, token);
      if (!p) throw new AppError('declare.point_not_found');
      const earlier = await store.declarationByKey(db, p.countyCode, input.key);
      if (earlier) return receipt(earlier, p.name);
      const t = await tasks.getTask(db, { prefixes: [p.countyCode], ancestors: [] }, p.taskId, { fieldOnly: true });
      if (!t) throw new AppError('declare.point_not_found');
      if (!publishesQr(t)) throw new AppError('declare.closed', [{ field: 'task', reason: 'declare.closed', value: t.status }]);
      const at = clock();
      const fields = t.fields as TaskField[];
      const details = checkDeclaration(input, fields, chinaDate(at));
      if (details.length) throw invalid('declare.invalid', details);
      const hashes = { device: fieldCrypto.searchHash(`device:${input.device}`), address: fieldCrypto.searchHash(`address:${address}`) };
      const over = limitReached(await store.sentSince(db, hashes, new Date(at.getTime() - HOUR_MS)));
      if (over) throw new AppError('declare.rate_limited', [{ field: 'request', reason: 'rate_limited', value: over }]);
      const idNumber = normalizeIdNumber(input.idNumber);
      const phone = input.phone.trim();
      const saved = await createOnce(input.key, {
        find: (key) => store.declarationByKey(db, p.countyCode, key),
        create: () =>
          db.transaction((tx) =>
            store.insertDeclaration(tx, {
              countyCode: p.countyCode,
              taskId: t.id,
              pointId: p.id,
              gridCode: p.gridCode,
              idempotencyKey: input.key,
              name: input.name.trim(),
              idNumberEnc: fieldCrypto.encrypt(idNumber),
              idNumberHash: fieldCrypto.searchHash(idNumber),
              idNumberMasked: maskIdNumber(idNumber) as string,
              phoneEnc: fieldCrypto.encrypt(phone),
              phoneHash: fieldCrypto.searchHash(phone),
              phoneMasked: maskPhone(phone) as string,
              cameFrom: input.cameFrom.trim(),
              answers: keptValues(residentFields(fields), input.values, (_type, key) => key),
              deviceHash: hashes.device,
              addressHash: hashes.address,
              declaredAt: at,
              status: 'pending',
            }),
          ),
      });
      return receipt(saved, p.name);
    },

    /** A task's declarations in the caller's grids (a worker: theirs), newest first, masked. */
    async findDeclarations(actor: Actor, taskId: string, q: { status?: DeclarationStatus; pointId?: string }, page: PageAsked) {
      const t = await taskIn(db, actor, taskId);
      const [{ rows, total }, names] = await Promise.all([
        store.findDeclarations(db, t, actor.scope, q, page),
        pointNames(db, t, actor.scope),
      ]);
      return { items: rows.map((d) => declarationView(d, names.get(d.pointId) ?? '')), total };
    },

    /**
     * Into the people records, in one transaction: matched on the ID number (a person on record is linked, not
     * copied), else put on record in the point's grid; for a task filled per person, the answers become its entry.
     */
    confirm: (actor: Actor, id: string, version: number) =>
      decide(
        actor,
        id,
        version,
        async (tx, d) => {
          const at = clock();
          const { personId, matched } = await people.confirm(
            tx,
            actor,
            { name: d.name, idNumber: fieldCrypto.decrypt(d.idNumberEnc), phone: fieldCrypto.decrypt(d.phoneEnc), gridCode: d.gridCode },
            at,
            chinaDate(at),
          );
          const t = await tasks.getTask(tx, actor.scope, d.taskId, { fieldOnly: false });
          if (t?.subject === 'person')
            await tasks.upsertEntry(tx, {
              countyCode: d.countyCode,
              taskId: d.taskId,
              gridCode: d.gridCode,
              subjectKey: personId,
              subjectName: `${d.name} ${d.idNumberMasked}`,
              values: d.answers,
              workerId: actor.id,
              workerName: actor.displayName,
              filledAt: at,
            });
          return { status: 'confirmed', personId, matched };
        },
        'declaration.confirmed',
      ),

    /** Rejected with a reason (a joke, a duplicate, someone passing through): nothing reaches the people records. */
    async reject(actor: Actor, id: string, version: number, reason: string) {
      const why = reason.trim();
      if (!why) throw new AppError('declare.reason_required', [{ field: 'body.reason', reason: 'required' }]);
      return decide(actor, id, version, async () => ({ status: 'rejected', rejection: why }), 'declaration.rejected');
    },
  };
}

/** What the resident reads back: their declaration's number, when, and their own values masked. */
const receipt = (d: store.DeclarationRow, pointName: string) => ({
  id: d.id,
  pointName,
  name: d.name,
  idNumber: d.idNumberMasked,
  phone: d.phoneMasked,
  declaredAt: d.declaredAt.toISOString(),
  status: d.status as DeclarationStatus,
});

export type Declarations = ReturnType<typeof createDeclarations>;
