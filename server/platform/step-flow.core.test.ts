import { describe, expect, it } from 'vitest';
import { AppError } from './errors.ts';
import { nextStatus, type StepFlow, takeStep } from './step-flow.ts';

type Status = 'draft' | 'checked' | 'published';
const FLOW: StepFlow<Status, 'check' | 'publish'> = {
  frozen: 'published',
  steps: { check: { from: ['draft', 'checked'], to: 'checked' }, publish: { from: ['checked'], to: 'published' } },
};

describe('one step at a time, frozen at the last', () => {
  it('leads each step from the statuses it leaves from to the next', () => {
    expect(nextStatus(FLOW, { status: 'draft', version: 2 }, 'check', 2)).toEqual({ to: 'checked' });
    expect(nextStatus(FLOW, { status: 'checked', version: 2 }, 'check', 2)).toEqual({ to: 'checked' });
    expect(nextStatus(FLOW, { status: 'checked', version: 2 }, 'publish', 2)).toEqual({ to: 'published' });
  });

  it('refuses a frozen record first, then a stale version, then a step out of order', () => {
    expect(nextStatus(FLOW, { status: 'published', version: 2 }, 'check', 1)).toEqual({ refused: 'frozen' });
    expect(nextStatus(FLOW, { status: 'draft', version: 2 }, 'publish', 1)).toEqual({ refused: 'stale' });
    expect(nextStatus(FLOW, { status: 'draft', version: 2 }, 'publish', 2)).toEqual({ refused: 'out_of_order' });
  });

  const refuse = (why: string) => new AppError('request.invalid', [{ field: 'status', reason: why }]);
  const reasonOf = (e: unknown) => (e as AppError).details?.[0]?.reason;

  it('saves the next status on the version read, and answers what was saved', async () => {
    const saves: string[] = [];
    const saved = await takeStep({
      flow: FLOW,
      record: { status: 'checked', version: 4 },
      step: 'publish',
      version: 4,
      refuse,
      save: async (to) => {
        saves.push(to);
        return { status: to, version: 5 };
      },
    });
    expect(saves).toEqual(['published']);
    expect(saved).toEqual({ status: 'published', version: 5 });
  });

  it("refuses with the caller's error, or its own rule, and saves nothing; a save that finds a newer version is stale", async () => {
    const saves: string[] = [];
    const save = async (to: Status) => {
      saves.push(to);
      return { status: to };
    };
    const attempt = (q: { status: Status; step: 'check' | 'publish'; rules?: () => AppError | null; lost?: boolean }) =>
      takeStep({
        flow: FLOW,
        record: { status: q.status, version: 1 },
        step: q.step,
        version: 1,
        refuse,
        rules: q.rules,
        save: q.lost ? async () => null : save,
      }).catch(reasonOf);
    expect(await attempt({ status: 'published', step: 'check' })).toBe('frozen');
    expect(await attempt({ status: 'draft', step: 'publish' })).toBe('out_of_order');
    expect(await attempt({ status: 'checked', step: 'publish', rules: () => refuse('period_not_over') })).toBe('period_not_over');
    expect(await attempt({ status: 'draft', step: 'check', lost: true })).toBe('stale');
    expect(saves).toEqual([]);
  });
});
