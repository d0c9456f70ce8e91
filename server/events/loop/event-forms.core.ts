/**
 * What the form of each action asks for on one case, read from the same action table the machine checks, so the
 * console marks as required exactly what the server will require.
 */

import { type ActionDef, EVENT_ACTIONS, type EventActionName, type EventState } from './event-actions.core.ts';
import { extensionLeft } from './event-guards.core.ts';

/**
 * What the form of one action asks for on this case, as the server will check it: the web marks exactly these
 * as required. `noteRequiredWhen` is a reason that becomes required by another field's value.
 */
export interface ActionForm {
  note: 'required' | 'optional';
  noteRequiredWhen?: { field: 'rating' | 'closingType'; value: string };
  photos?: 'required' | 'optional';
  target?: 'unit' | 'area';
  coUnits?: boolean;
  firstResponsibility?: boolean;
  urgency?: boolean;
  closingType?: boolean;
  rating?: boolean;
  /** extension_request: at most the days left; extension_approve: at most the days asked. */
  workingDays?: { required: boolean; max: number; requested?: number; reason?: string };
  master?: boolean;
}

export function actionForm(event: EventState, action: EventActionName): ActionForm {
  const def: ActionDef = EVENT_ACTIONS[action];
  const needs = (r: (typeof def.requires)[number]) => def.requires.includes(r);
  const takes = (t: NonNullable<ActionDef['takes']>[number]) => def.takes?.includes(t) ?? false;
  const photoNeed =
    needs('attachments') ||
    (needs('after_photo') && event.rule.closing.afterPhoto) ||
    (needs('site_photo') && event.rule.closing.onSiteCheck);
  const form: ActionForm = { note: needs('reason') ? 'required' : 'optional' };
  if (photoNeed) form.photos = 'required';
  else if (needs('after_photo') || needs('site_photo') || takes('photos')) form.photos = 'optional';
  if (needs('target')) form.target = action === 'assign_down' ? 'area' : 'unit';
  if (takes('co_units')) form.coUnits = true;
  if (takes('first_responsibility')) form.firstResponsibility = true;
  if (takes('urgency')) form.urgency = true;
  if (takes('closing_type')) {
    form.closingType = true;
    form.noteRequiredWhen = { field: 'closingType', value: 'error' };
  }
  if (needs('rating')) {
    form.rating = true;
    form.noteRequiredWhen = { field: 'rating', value: 'dissatisfied' };
  }
  if (needs('working_days')) form.workingDays = { required: true, max: extensionLeft(event) };
  if (takes('granted_days') && event.extension)
    form.workingDays = {
      required: false,
      max: event.extension.workingDays,
      requested: event.extension.workingDays,
      reason: event.extension.reason,
    };
  if (needs('master')) form.master = true;
  return form;
}
