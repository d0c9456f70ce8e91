import type { Actor } from './access.service.ts';

/**
 * Who the CLI acts as: the operator at the console, with the whole territory in scope; audited under the nil id,
 * and named by that id wherever a record shows who changed or verified it (imports and the demo load).
 */
export const consoleActor: Actor = {
  id: '00000000-0000-0000-0000-000000000000',
  username: 'console',
  displayName: '命令行',
  roles: ['system_admin', 'security_admin'],
  permissions: [],
  departmentCode: null,
  areas: [],
  scope: { prefixes: [''], ancestors: [] },
  pendingStep: null,
  totpEnabled: false,
};
