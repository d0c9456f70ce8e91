/** What the people search takes: a name or part of one, or a whole ID number, mobile number or passport/permit number. */
export const MAX_PEOPLE_QUERY = 40;

/**
 * Why a search text would be refused or find nobody (an i18n key), or null when it may go. Digits are matched as
 * a whole ID number or mobile number, never as a part: say so instead of finding nobody.
 */
export function peopleQueryProblem(text: string): 'people.tooLong' | 'people.partialNumber' | null {
  if (text.length > MAX_PEOPLE_QUERY) return 'people.tooLong';
  // 8 or 9 digits may be a whole document number: a Taiwan residents' permit, some passports.
  if (/^\d[\dXx]*$/.test(text) && !/^\d{17}[\dXx]$/.test(text) && !/^1\d{10}$/.test(text) && !/^\d{8,9}$/.test(text))
    return 'people.partialNumber';
  return null;
}
