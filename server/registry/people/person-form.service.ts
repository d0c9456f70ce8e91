import { chinaDate } from '../../../shared/china-time.ts';
import type { ErrorCode } from '../../../shared/errors.ts';
import type { Lang } from '../../../shared/i18n/errors.ts';
import { importMessage } from '../../../shared/i18n/import.ts';
import { normalizeIdNumber } from '../../../shared/id-number.ts';
import { can } from '../../../shared/roles.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import type { FieldCrypto } from '../../platform/field-crypto.ts';
import { codeInScope } from '../../platform/scope.ts';
import { cellText } from '../io/template-fields.ts';
import { type ImportRecord, type ImportTemplate, validateRow } from '../io/templates.ts';
import { applyPeople, personFacts, str } from '../records/record-apply.ts';
import { createRecordLifecycle } from '../records/record-lifecycle.ts';
import * as store from '../records/records.store.ts';
import { PERSON_RECORD, type RegistryService } from './people.service.ts';
import type { PeopleEdits } from './people-edits.ts';
import {
  NATURAL_KEY,
  PERSON_FACTS,
  PERSON_MOVE,
  PERSON_MOVE_OUT,
  PERSON_REGISTRATION,
  residenceDayIssue,
  TAG_KEYS,
} from './person-form.core.ts';

/** A form's values by template key (text, codes or their names, dates, tag lists; null clears), as the route's schema let them through. */
export type PersonFields = Readonly<Record<string, unknown>>;

/**
 * Registering and keeping people by hand (the grid worker at the door, the centre's desk): each use case checked by
 * the person template, written in one transaction through the import's own path (create) or the people edits
 * (edit, move, move out), with history and a raised version.
 */
export function createPersonForm({
  db,
  clock,
  fieldCrypto,
  people,
  registry,
}: {
  db: Db;
  clock: Clock;
  fieldCrypto: FieldCrypto;
  people: PeopleEdits;
  registry: RegistryService;
}) {
  const records = createRecordLifecycle(PERSON_RECORD, { db, clock, fieldCrypto });
  const refuse = (lang: Lang, field: string, reason: string, value?: string, code: ErrorCode = 'registry.record_invalid') =>
    new AppError(code, [{ field, reason, message: importMessage(reason, lang, { value }), ...(value ? { value } : {}) }]);

  /** Every problem of the values at once, each naming its field, as an import reports a row. */
  function check(template: ImportTemplate, values: Record<string, string>, lang: Lang): ImportRecord {
    const result = validateRow(template, values, { today: chinaDate(clock()), lang });
    if (result.ok) return result.record;
    throw new AppError(
      'registry.record_invalid',
      result.errors.map((e) => ({
        field: e.field,
        reason: e.reason,
        message: e.message,
        ...(values[e.field] ? { value: values[e.field] } : {}),
      })),
    );
  }

  /** Special-group and key-person tags are set only by roles allowed to see them. */
  function assertMaySetTags(actor: Actor, input: PersonFields, lang: Lang) {
    const key = TAG_KEYS.find((k) => input[k] !== undefined);
    if (key && !can(actor.roles, 'registry.tags')) throw refuse(lang, key, 'person.tags_not_allowed', undefined, 'access.forbidden');
  }

  /** A house of the caller's jurisdiction, in the person's county (people are kept by county). */
  async function houseFor(tx: Tx, actor: Actor, code: string, lang: Lang, countyCode?: string) {
    const [house] = await store.housesByCode(tx, actor.scope, [code]);
    if (!house) throw refuse(lang, 'houseCode', 'house.not_found', code);
    if (countyCode && house.countyCode !== countyCode) throw refuse(lang, 'houseCode', 'person.outside_county', code);
    return house;
  }

  async function livingIn(tx: Tx, personId: string) {
    const [current] = await store.currentResidences(tx, [personId]);
    return current;
  }

  return {
    /**
     * A newcomer into a house: an ID number already on record (anywhere) answers 409 `registry.person_exists`,
     * with the person's id when they are within the caller's jurisdiction — never a silent update.
     */
    async create(actor: Actor, input: PersonFields & { movedIn?: string | null }, lang: Lang) {
      assertMaySetTags(actor, input, lang);
      const values = Object.fromEntries(PERSON_REGISTRATION.fields.map((f) => [f.key, cellText(input[f.key])]));
      const record = check(PERSON_REGISTRATION, values, lang);
      const now = clock();
      const today = chinaDate(now);
      const movedIn = str(record.movedIn) ?? today;
      const id = await db.transaction(async (tx) => {
        const idNumber = normalizeIdNumber(String(record.idNumber));
        const [existing] = await store.peopleByIdHash(tx, [fieldCrypto.searchHash(idNumber)]);
        if (existing) {
          const visible = codeInScope(existing.gridCode, actor.scope);
          throw new AppError('registry.person_exists', [
            { field: NATURAL_KEY, reason: 'exists', value: existing.idNumberMasked, ...(visible ? { id: existing.id } : {}) },
          ]);
        }
        await houseFor(tx, actor, String(record.houseCode), lang);
        const issue = residenceDayIssue(movedIn, personFacts(record, today));
        if (issue) throw refuse(lang, 'movedIn', issue, movedIn);
        const outcome = await applyPeople(tx, {
          rows: [{ rowNumber: 1, record }],
          actor,
          now,
          today,
          crypto: fieldCrypto,
          scopeAllows: (code) => codeInScope(code, actor.scope),
          movedIn,
        });
        const [refused] = outcome.refused;
        if (refused) throw refuse(lang, refused.field, refused.reason, refused.value);
        const [created] = await store.peopleByIdHash(tx, [fieldCrypto.searchHash(idNumber)]);
        return created.id;
      });
      return registry.getPerson(actor, id);
    },

    /**
     * The person's own facts on the version read; a field left out keeps its value, null clears it. The ID number is
     * not among them: it is the natural key.
     */
    async update(actor: Actor, id: string, input: PersonFields & { version: number }, lang: Lang) {
      assertMaySetTags(actor, input, lang);
      await db.transaction(async (tx) => {
        const before = await records.get(tx, actor, id);
        const stored = before as unknown as Record<string, unknown>;
        const values = Object.fromEntries(
          PERSON_FACTS.fields.map((f) => [f.key, cellText(input[f.key] !== undefined ? input[f.key] : stored[f.key])]),
        );
        values[NATURAL_KEY] = fieldCrypto.decrypt(before.idNumberEnc);
        // The phone on record is sealed: left out, it stays as it is; the form only ever sees it masked.
        values.phone = cellText(input.phone);
        const record = check(PERSON_FACTS, values, lang);
        records.assertVersion(before, input.version);
        await people.update(
          tx,
          actor,
          before,
          { facts: personFacts(record, chinaDate(clock())), ...(input.phone !== undefined ? { phone: str(record.phone) } : {}) },
          clock(),
        );
      });
      return registry.getPerson(actor, id);
    },

    /** Into another house of the caller's and the person's county; the residence lived in ends the day the new one begins. */
    async move(
      actor: Actor,
      id: string,
      input: { houseCode: string; relation?: string | null; movedIn?: string | null; version: number },
      lang: Lang,
    ) {
      const record = check(
        PERSON_MOVE,
        { houseCode: input.houseCode, relation: cellText(input.relation), movedIn: cellText(input.movedIn) },
        lang,
      );
      const movedIn = str(record.movedIn) ?? chinaDate(clock());
      await db.transaction(async (tx) => {
        const before = await records.get(tx, actor, id);
        const house = await houseFor(tx, actor, String(record.houseCode), lang, before.countyCode);
        const current = await livingIn(tx, id);
        if (current?.houseCode === house.code) throw refuse(lang, 'houseCode', 'residence.same_house', house.code);
        const issue = residenceDayIssue(movedIn, { birthDate: before.birthDate, livingSince: current?.movedIn });
        if (issue) throw refuse(lang, 'movedIn', issue, movedIn);
        records.assertVersion(before, input.version);
        await people.update(
          tx,
          actor,
          before,
          {
            movedOutOf: current?.houseCode,
            movedInto: { code: house.code, gridCode: house.gridCode, relation: str(record.relation) },
            on: movedIn,
          },
          clock(),
        );
      });
      return registry.getPerson(actor, id);
    },

    /** Ends where the person lives; they stay on record, in their grid, without a house. */
    async moveOut(actor: Actor, id: string, input: { movedOut?: string | null; version: number }, lang: Lang) {
      const record = check(PERSON_MOVE_OUT, { movedOut: cellText(input.movedOut) }, lang);
      const movedOut = str(record.movedOut) ?? chinaDate(clock());
      await db.transaction(async (tx) => {
        const before = await records.get(tx, actor, id);
        const current = await livingIn(tx, id);
        if (!current) throw refuse(lang, 'movedOut', 'residence.none');
        const issue = residenceDayIssue(movedOut, { birthDate: before.birthDate, livingSince: current.movedIn });
        if (issue) throw refuse(lang, 'movedOut', issue, movedOut);
        records.assertVersion(before, input.version);
        await people.update(tx, actor, before, { movedOutOf: current.houseCode, on: movedOut }, clock());
      });
      return registry.getPerson(actor, id);
    },
  };
}

export type PersonForm = ReturnType<typeof createPersonForm>;
