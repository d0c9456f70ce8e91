import { levelOfCode } from '../../shared/codes.ts';
import type { Actor } from '../platform/actor.ts';
import { AppError } from '../platform/errors.ts';
import { codeInScope } from '../platform/scope.ts';

/** A county inside the caller's jurisdiction: 404 outside it, 400 for a code of another level (rules and ledgers are a county's). */
export function countyArea(actor: Actor, code: string, field: string): string {
  if (!codeInScope(code, actor.scope)) throw new AppError('territory.area_not_found', [{ field, reason: 'outside', value: code }]);
  if (levelOfCode(code) !== 'county') throw new AppError('request.invalid', [{ field, reason: 'reward.not_county', value: code }]);
  return code;
}
