import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../platform/calendar/calendar.core.ts';
import { SEVERITIES, STAGES, stageDueAt } from '../loop/deadlines.core.ts';
import { applyAction, reportEvent } from '../loop/event-machine.core.ts';
import { type CatalogueNode, type CatalogueRule, DEFAULT_CATALOGUE, DEPARTMENT_KINDS } from './catalogue.seed.ts';

const items = DEFAULT_CATALOGUE.filter((n) => n.kind === 'item');
const byCode = new Map(DEFAULT_CATALOGUE.map((n) => [n.code, n]));
const ruleOf = (code: string): CatalogueRule => byCode.get(code)!.rule!;

describe('the default catalogue', () => {
  it('is a tree of 40–80 items with unique codes nested by prefix', () => {
    expect(items.length).toBeGreaterThanOrEqual(40);
    expect(items.length).toBeLessThanOrEqual(80);
    expect(byCode.size).toBe(DEFAULT_CATALOGUE.length);
    const expectedParent: Record<CatalogueNode['kind'], CatalogueNode['kind'] | null> = { major: null, minor: 'major', item: 'minor' };
    for (const node of DEFAULT_CATALOGUE) {
      const parent = node.parentCode === null ? null : byCode.get(node.parentCode);
      expect(parent?.kind ?? null, node.code).toBe(expectedParent[node.kind]);
      if (parent) expect(node.code.startsWith(parent.code), node.code).toBe(true);
      expect(node.rule === null, node.code).toBe(node.kind !== 'item');
      expect(node.name.trim()).not.toBe('');
    }
    expect(DEFAULT_CATALOGUE.filter((n) => n.kind === 'major').map((n) => n.name)).toEqual([
      '城市管理',
      '矛盾纠纷',
      '安全隐患',
      '便民服务',
      '12345热线',
    ]);
  });

  it('keeps the standards codes: GB/T 47678.5 for urban items, GB/T 31000 5.56 for disputes', () => {
    expect(byCode.get('CG06010')?.name).toBe('暴露垃圾');
    expect(byCode.get('CG06')?.name).toBe('市容环境类');
    expect(byCode.get('CG09006')?.name).toBe('占道经营');
    expect(byCode.get('MD0102')?.name).toBe('抚养赡养监护纠纷');
    expect(byCode.get('MD07')?.name).toBe('劳动人事争议');
    for (const item of items.filter((n) => n.code.startsWith('CG'))) expect(item.code).toMatch(/^CG\d{5}$/);
    for (const item of items.filter((n) => n.code.startsWith('MD'))) expect(item.code).toMatch(/^MD\d{4}$/);
  });

  it('gives every item a valid rule with a handling limit', () => {
    for (const item of items) {
      const rule = item.rule!;
      expect(['city', 'county', 'township', 'village'], item.code).toContain(rule.level);
      if (rule.department !== null) expect(Object.keys(DEPARTMENT_KINDS), item.code).toContain(rule.department);
      expect(SEVERITIES, item.code).toContain(rule.severity);
      expect(rule.limits.handle, item.code).toBeDefined();
      for (const limit of Object.values(rule.limits)) {
        const [amount] = Object.values(limit!);
        expect(amount, item.code).toBeGreaterThan(0);
        if ('workingDays' in limit!) expect(Number.isInteger(limit.workingDays), item.code).toBe(true);
      }
    }
  });

  it('carries the sourced limits', () => {
    expect(ruleOf('CG06010').limits.handle).toEqual({ hours: 4 }); // exposed rubbish, 4 working hours
    expect(ruleOf('CG06012').limits.handle).toEqual({ hours: 2 });
    expect(ruleOf('CG06011').limits.handle).toEqual({ workingDays: 2 });
    expect(ruleOf('CG06001').limits.handle).toEqual({ workingDays: 20 });
    expect(ruleOf('CG06010').limits.accept).toEqual({ hours: 0.5 });
    expect(ruleOf('RX0101').limits).toMatchObject({ handle: { workingDays: 3 }, sign: { workingDays: 1 }, visit: { workingDays: 1 } });
    expect(ruleOf('RX0201').limits.handle).toEqual({ workingDays: 13 });
    expect(ruleOf('RX0301').limits.handle).toEqual({ workingDays: 13 });
    expect(ruleOf('MD0201')).toMatchObject({ level: 'village', fixOnSpot: true, closing: { afterPhoto: false } });
  });

  it('runs every item through the loop: each stage limit gives a due time on the calendar', () => {
    const calendar = createCalendar();
    const now = new Date('2025-09-30T16:00:00+08:00');
    for (const item of items) {
      const rule = item.rule!;
      for (const stage of STAGES) {
        // Every stage has a clock: the item's limit or the default one.
        expect(stageDueAt(rule.limits, stage, now, calendar) > now, `${item.code} ${stage}`).toBe(true);
      }
      const ownerCode = { city: '420900', county: '420923', township: '420923100', village: '420923100201' }[rule.level];
      const init = { ownerCode, gridCode: '420923100201001', rule, source: 'grid_worker', photos: 1 };
      const { next } = reportEvent(init, { now, calendar });
      const actor = {
        roles: ['city_center', 'county_center', 'township_center', 'village_center'] as const,
        level: rule.level,
        isOwner: true,
        isLead: false,
        coUnit: null,
        isSuperior: false,
        isReporter: false,
      };
      const accepted = applyAction(next, 'accept', {}, { now, actor, calendar }).next;
      const dispatched = applyAction(accepted, 'dispatch', { targetUnit: 'unit' }, { now, actor, calendar }).next;
      expect(dispatched.dueAt, item.code).toEqual(stageDueAt(rule.limits, 'handle', now, calendar));
    }
  });
});
