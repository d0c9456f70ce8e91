/** Masking norms seen on government sites: phone 138****1234, ID 4209**********1234. The one place for them. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  const d = phone.replace(/\s/g, '');
  return d.length >= 11 ? `${d.slice(0, 3)}****${d.slice(-4)}` : d.replace(/.(?=.{2})/g, '*');
}

export function maskIdNumber(id: string | null): string | null {
  if (!id) return id;
  return id.length > 8 ? `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}` : '*'.repeat(id.length);
}
