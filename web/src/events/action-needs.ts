/**
 * How the buttons of the loop are ordered and coloured. What each action's form asks for comes from the server
 * with the case (`forms`), so a dialog marks as required exactly what the server will require.
 */

/** Actions that turn the case away or back: shown as danger buttons. */
export const DANGER_ACTIONS = new Set([
  'void',
  'unfounded',
  'return',
  'return_dispute',
  'rework',
  'reopen',
  'extension_refuse',
  'special_close_refuse',
  'suspend',
]);

/** The step that moves the case forward, first found wins: the drawer shows it first, as the primary button. */
export const FORWARD_ACTIONS = [
  'verify',
  'accept',
  'dispatch',
  'return_accept',
  'arbitrate',
  'sign',
  'co_sign',
  'co_reply',
  'handle',
  'check',
  'close',
  'visit',
  'fix_on_spot',
  'extension_approve',
  'special_close_approve',
  'resume',
];
