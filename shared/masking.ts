/** Masking norms seen on government sites: phone 138****1234, ID 4209**********1234. The one place for them. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  const d = phone.replace(/\s/g, '');
  return d.length >= 11 ? `${d.slice(0, 3)}****${d.slice(-4)}` : d.replace(/.(?=.{2})/g, '*');
}

/**
 * An ID number keeps its first 4 (the province and city) and last 4. Any other document (`idType` of GA/T 517 other
 * than 111: a passport, a permit) is shorter and its prefix says little, so it keeps its first 1 and last 3
 * (E12345678 → E*****678), enough to tell two of one person's documents apart.
 */
export function maskIdNumber(id: string | null, idType = '111'): string | null {
  if (!id) return id;
  const [head, tail] = idType === '111' ? [4, 4] : [1, 3];
  return id.length > head + tail ? `${id.slice(0, head)}${'*'.repeat(id.length - head - tail)}${id.slice(-tail)}` : '*'.repeat(id.length);
}
