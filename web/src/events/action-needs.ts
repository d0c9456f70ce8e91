/** What each action's form asks for; the server's rule table (event-actions.core.ts) has the final word. */
export interface ActionNeeds {
  /** 'required': a reason or reply the rule insists on; 'optional': a note may be added. */
  note: 'required' | 'optional';
  photos?: 'required' | 'optional';
  target?: 'department' | 'area';
  rating?: true;
  workingDays?: true;
  master?: true;
}

const REASON: ActionNeeds = { note: 'required' };
const OPTIONAL: ActionNeeds = { note: 'optional' };

export const ACTION_NEEDS: Record<string, ActionNeeds> = {
  accept: OPTIONAL,
  void: REASON,
  merge: { note: 'optional', master: true },
  fix_on_spot: { note: 'required', photos: 'required' },
  escalate: REASON,
  assign_down: { note: 'optional', target: 'area' },
  dispatch: { note: 'optional', target: 'department' },
  sign: OPTIONAL,
  return: REASON,
  extension_request: { note: 'required', workingDays: true },
  extension_approve: OPTIONAL,
  extension_refuse: REASON,
  suspend: REASON,
  resume: OPTIONAL,
  // Whether the after-photo or site photo is required depends on the item; the server says so if it is missing.
  handle: { note: 'required', photos: 'optional' },
  close: { note: 'optional', photos: 'optional' },
  rework: REASON,
  visit: { note: 'optional', rating: true },
  reopen: REASON,
};

/** Actions that turn the case away or back: shown as danger buttons. */
export const DANGER_ACTIONS = new Set(['void', 'return', 'rework', 'reopen', 'extension_refuse', 'suspend']);

/** The step that moves the case forward, first found wins: the drawer shows it first, as the primary button. */
export const FORWARD_ACTIONS = ['accept', 'dispatch', 'sign', 'handle', 'close', 'visit', 'fix_on_spot', 'extension_approve', 'resume'];
