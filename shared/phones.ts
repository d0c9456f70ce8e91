/**
 * A mainland mobile number, bare (+86, spaces and dashes dropped), or null when the text is not one. The one
 * normal form a phone is hashed in, so the same number typed two ways finds the same rows.
 */
export function bareMobile(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const bare = phone.replace(/[\s-]/g, '').replace(/^(\+?86)/, '');
  return /^1[3-9][0-9]{9}$/.test(bare) ? bare : null;
}
