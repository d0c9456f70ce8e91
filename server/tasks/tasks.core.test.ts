import { describe, expect, it } from 'vitest';
import { checkDraft, checkValues, keptFields, keptValues, progressOf, type TaskDraft, type TaskField } from './tasks.core.ts';

const draft = (over: Partial<TaskDraft> = {}): TaskDraft => ({
  title: '入户调查',
  kind: 'survey',
  subject: 'person',
  fields: [{ key: 'q1', label: '问题一', type: 'text', required: true }],
  gridCodes: ['420923100001001'],
  deadline: '2026-11-30',
  subsidy: 0,
  ...over,
});
const reasons = (ds: { field: string; reason: string }[]) => ds.map((d) => `${d.field}:${d.reason}`);

describe('checkDraft', () => {
  it('passes a good draft, and one due today', () => {
    expect(checkDraft(draft(), '2026-11-02')).toEqual([]);
    expect(checkDraft(draft({ deadline: '2026-11-02' }), '2026-11-02')).toEqual([]);
  });

  it('names each problem: title, grids, an impossible date, the subsidy, keys and options', () => {
    const d = draft({
      title: ' ',
      gridCodes: [],
      deadline: '2026-02-30',
      subsidy: -1,
      fields: [
        { key: 'Bad Key', label: 'x', type: 'text', required: false },
        { key: 'c', label: ' ', type: 'choice', required: true, options: ['是', ' 是 '] },
      ],
    });
    expect(reasons(checkDraft(d, '2026-11-02'))).toEqual([
      'body.title:required',
      'body.gridCodes:required',
      'body.deadline:date',
      'body.subsidy:range',
      'body.fields.0.key:format',
      'body.fields.1.label:required',
      'body.fields.1.options:two_or_more',
      'body.fields.1.options:duplicate',
    ]);
  });

  it('keeps options on a choice only, trimmed', () => {
    expect(
      keptFields([
        { key: 'a', label: ' 甲 ', type: 'choice', required: true, options: [' 是', '否 ', ''] },
        { key: 'b', label: '乙', type: 'number', required: false, options: ['x'] },
      ]),
    ).toEqual([
      { key: 'a', label: '甲', type: 'choice', required: true, options: ['是', '否'] },
      { key: 'b', label: '乙', type: 'number', required: false },
    ]);
  });
});

const FORM: TaskField[] = [
  { key: 'n', label: '人数', type: 'number', required: true },
  { key: 'd', label: '日期', type: 'date', required: false },
  { key: 'who', label: '联系人', type: 'person', required: false },
  { key: 'home', label: '住址', type: 'house', required: false },
  { key: 'pic', label: '照片', type: 'photo', required: false },
];

describe('checkValues', () => {
  it('collects the picked records to look up, and finds nothing wrong in good answers', () => {
    const { details, picks } = checkValues(FORM, { n: 3, d: '2026-11-02', who: { key: 'p-1' }, home: { key: 'H-1' }, pic: 'a'.repeat(64) });
    expect(details).toEqual([]);
    expect(picks).toEqual({ person: ['p-1'], house: ['H-1'], organisation: [] });
  });

  it('names each wrong answer by its field; empty optional ones are fine', () => {
    const { details } = checkValues(FORM, { n: '3', d: '2026-13-01', who: 'p-1', home: null, pic: 'x', other: 1 });
    expect(reasons(details)).toEqual([
      'body.values.other:not_on_form',
      'body.values.n:number',
      'body.values.d:date',
      'body.values.who:pick',
      'body.values.pic:photo',
    ]);
    expect(reasons(checkValues(FORM, { n: '' }).details)).toEqual(['body.values.n:required']);
  });

  it('keeps picked records under the names on record, not what the client sent', () => {
    const kept = keptValues(FORM, { n: 2, who: { key: 'p-1', name: '乱写' }, d: ' ' }, (type, key) => `${type}/${key}`);
    expect(kept).toEqual({ n: 2, who: { key: 'p-1', name: 'person/p-1' } });
  });
});

describe('progressOf', () => {
  it('open never below zero, share within 0–1, an empty grid at 0', () => {
    expect(
      progressOf([
        { gridCode: 'a', total: 4, filled: 1 },
        { gridCode: 'b', total: 1, filled: 2 },
        { gridCode: 'c', total: 0, filled: 0 },
      ]),
    ).toEqual([
      { gridCode: 'a', total: 4, filled: 1, open: 3, share: 0.25 },
      { gridCode: 'b', total: 1, filled: 2, open: 0, share: 1 },
      { gridCode: 'c', total: 0, filled: 0, open: 0, share: 0 },
    ]);
  });
});
