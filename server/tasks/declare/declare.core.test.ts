import { describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../registry/index.ts';
import type { TaskField } from '../tasks.core.ts';
import { checkDeclaration, checkPoint, limitReached, publishesQr, residentFields } from './declare.core.ts';

const FIELDS: TaskField[] = [
  { key: 'fever', label: '发热', type: 'choice', required: true, options: ['是', '否'] },
  { key: 'shot', label: '截图', type: 'photo', required: true },
  { key: 'who', label: '同住人', type: 'person', required: false },
  { key: 'temp', label: '体温', type: 'number', required: false },
];
const ID = makeIdNumber('420923', '1980-02-02', 7, 'male');
const good = { name: '张三', idNumber: ID, phone: '13800001234', cameFrom: '武汉', values: { fever: '否' } };
const problems = (d = {}) => checkDeclaration({ ...good, ...d }, FIELDS, '2026-11-02').map((p) => `${p.field}:${p.reason}`);

describe('what a resident declares', () => {
  it('answers only what a person can type or choose: no photo, no pick from the base data', () => {
    expect(residentFields(FIELDS).map((f) => f.key)).toEqual(['fever', 'temp']);
    expect(problems()).toEqual([]);
  });

  it('names the field and the rule of each problem: the ID number’s check digit, the mobile, the required answers', () => {
    const wrongCheck = `${ID.slice(0, 17)}${ID[17] === '0' ? '1' : '0'}`;
    expect(problems({ idNumber: wrongCheck })).toEqual(['body.idNumber:id.checksum']);
    expect(problems({ idNumber: '4209231980' })).toEqual(['body.idNumber:id.length']);
    expect(problems({ name: ' ', phone: '1380000123', cameFrom: '', values: { fever: '也许', extra: 1 } })).toEqual([
      'body.name:required',
      'body.phone:phone',
      'body.cameFrom:required',
      'body.values.extra:not_on_form',
      'body.values.fever:not_an_option',
    ]);
  });
});

describe('points and limits', () => {
  it('a building by its code, a checkpoint by its name and a point in China', () => {
    expect(checkPoint({ kind: 'building' }).map((d) => d.field)).toEqual(['body.buildingCode']);
    expect(checkPoint({ kind: 'checkpoint', name: '卡口', lng: 2.35, lat: 48.85 }).map((d) => d.reason)).toEqual(['outside']);
    expect(checkPoint({ kind: 'checkpoint', name: '卡口', lng: 113.7, lat: 31.0 })).toEqual([]);
  });

  it('only an admitted screening publishes codes', () => {
    expect([
      publishesQr({ kind: 'epidemic', status: 'admitted' }),
      publishesQr({ kind: 'survey', status: 'admitted' }),
      publishesQr({ kind: 'hazard', status: 'closed' }),
    ]).toEqual([true, false, false]);
  });

  it('counts a device before an address, each at its hourly limit', () => {
    expect([
      limitReached({ device: 4, address: 59 }),
      limitReached({ device: 5, address: 0 }),
      limitReached({ device: 0, address: 60 }),
    ]).toEqual([null, 'device', 'address']);
  });
});
