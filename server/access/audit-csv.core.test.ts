import { describe, expect, it } from 'vitest';
import { auditCsv, csvCell } from './audit-csv.core.ts';

describe('the audit log as CSV', () => {
  it('quotes commas, quotes and line breaks, and defuses cells a spreadsheet would run as formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-1')).toBe("'-1");
  });

  it('one line per entry under headers in the caller’s language, with the hashes, led by a BOM', () => {
    const csv = auditCsv(
      [
        {
          id: 7,
          at: new Date('2026-11-02T01:00:00.000Z'),
          actorId: null,
          actorName: null,
          action: 'auth.login',
          target: null,
          detail: { ip: '10.0.0.1' },
          prevHash: 'a'.repeat(64),
          hash: 'b'.repeat(64),
        },
      ],
      'en',
    );
    expect(csv.startsWith('\uFEFFNo.,Time,')).toBe(true);
    expect(csv.split('\r\n')[1]).toBe(
      `7,2026-11-02T01:00:00.000Z,,,auth.login,,"{""ip"":""10.0.0.1""}",${'a'.repeat(64)},${'b'.repeat(64)}`,
    );
  });
});
