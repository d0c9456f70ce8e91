import { describe, expect, it } from 'vitest';
import type { HouseRow } from '../registry/index.ts';
import { changeList, correctedHouse, correctsHouse, planVisit } from './visits.core.ts';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';
const residents = [
  { id: A, name: '张建华' },
  { id: B, name: '李秀兰' },
];
const fields = (r: ReturnType<typeof planVisit>) => r.problems.map((p) => `${p.field}:${p.reason}:${String(p.value)}`);

describe('planVisit', () => {
  it('plans every resident marked once, a phone normalised', () => {
    const r = planVisit(
      residents,
      [
        { personId: A, status: 'present', phone: ' +86 138-7200-1234 ' },
        { personId: B, status: 'movedOut' },
      ],
      'zh-CN',
    );
    expect(r.problems).toEqual([]);
    expect([...r.plan]).toEqual([
      [A, { status: 'present', phone: '13872001234' }],
      [B, { status: 'movedOut' }],
    ]);
  });

  it('names every problem by its place in the list, with a message', () => {
    const r = planVisit(
      residents,
      [
        { personId: A, phone: '12345' },
        { personId: C, status: 'present' },
        { personId: A, status: 'present' },
      ],
      'zh-CN',
    );
    expect(fields(r)).toEqual([
      'residents[0].status:visit.mark_required:张建华',
      'residents[0].phone:phone.invalid:12345',
      `residents[1].personId:visit.not_resident:${C}`,
      'residents[2].personId:visit.marked_twice:张建华',
      'residents:visit.mark_required:李秀兰',
    ]);
    expect(r.problems[1].message).toContain('12345');
    expect(planVisit(residents, [], 'en').problems[0].message).toMatch(/^Mark the resident/);
  });
});

describe('house corrections', () => {
  const h = {
    code: 'H-1',
    address: '朝阳路 1 号',
    gridCode: '420923100001001',
    buildingCode: 'B-1',
    unit: '1 单元',
    floor: 3,
    room: '301',
    areaM2: 80,
    ownerName: '王五',
    hazards: ['01'],
    use: '01',
    rented: true,
    rentalUse: '02',
    rentalCategory: null,
    rentalLevel: 'B',
  } as unknown as HouseRow;

  it('only a field that differs is a correction; a left-out grading is none', () => {
    expect(correctsHouse(h, { use: '01', rented: true, rentalUse: '02', rentalLevel: 'B' })).toBe(false);
    expect(correctsHouse(h, { use: '01', rented: true, rentalUse: '02', rentalLevel: 'C' })).toBe(true);
    expect(correctsHouse(h, { use: '01', rented: false, rentalUse: null, rentalLevel: null })).toBe(true);
  });

  it('the house form keeps everything else as it stands', () => {
    expect(correctedHouse(h, { use: '02', rented: false })).toEqual({
      address: '朝阳路 1 号',
      gridCode: '420923100001001',
      buildingCode: 'B-1',
      unit: '1 单元',
      floor: 3,
      room: '301',
      areaM2: 80,
      ownerName: '王五',
      hazards: ['01'],
      use: '02',
      rented: false,
      rentalUse: null,
      rentalCategory: null,
      rentalLevel: null,
    });
  });
});

describe('changeList', () => {
  it('names the house fields and each person’s change', () => {
    expect(
      changeList(
        ['rentalLevel'],
        [
          { name: '张建华', fields: ['phone'] },
          { name: '李秀兰', fields: ['houseCode'] },
          { name: '王五', fields: [] },
        ],
      ),
    ).toEqual(['house.rentalLevel', 'person.phone:张建华', 'person.movedOut:李秀兰']);
  });
});
