import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { assertVersion, changeRow, stampOf, verifiedChange } from './record-lifecycle.core.ts';

describe('record lifecycle rules', () => {
  it('passes the version on record and refuses any other with 409 and the version on record', () => {
    expect(() => assertVersion({ version: 3 }, 3)).not.toThrow();
    const err = (() => {
      try {
        assertVersion({ version: 3 }, 2);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({
      code: 'registry.record_changed',
      status: 409,
      details: [{ field: 'version', reason: 'stale', value: '3' }],
    });
  });

  it('stamps a write with who, when and the new version; a verification keeps the times before and after', () => {
    const now = new Date('2026-11-02T01:00:00Z');
    expect(stampOf({ actorId: 'u1', now, version: 4 })).toEqual({ verifiedBy: 'u1', verifiedAt: now, version: 4, updatedAt: now });
    expect(verifiedChange({ verifiedAt: null }, now)).toEqual({
      before: { verifiedAt: null },
      after: { verifiedAt: '2026-11-02T01:00:00.000Z' },
    });
    expect(changeRow('house', 'H-1', { countyCode: '420923' }, 'u1', now, null, { a: 1 })).toEqual({
      countyCode: '420923',
      recordType: 'house',
      recordKey: 'H-1',
      at: now,
      actorId: 'u1',
      before: null,
      after: { a: 1 },
    });
  });
});
