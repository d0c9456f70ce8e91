/**
 * The password and field keys of test users and the bench, in a file of their own: the bench imports them
 * without the harness, whose database helper imports vitest and fails outside a test run.
 */
export const TEST_PASSWORD = 'Test2026pass';
export const TEST_FIELD_KEYS = {
  enc: '00112233445566778899aabbccddeeff',
  hash: 'ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100',
};
