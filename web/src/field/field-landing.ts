import { isFieldUser } from '../../../shared/roles.ts';

/** Narrower than this is a phone (a 390 px screen, or a small tablet held upright). */
const PHONE_QUERY = '(max-width: 767px)';
/** Set when a field user picks the full console on a phone, for the rest of the tab's life. */
const CONSOLE_CHOSEN = 'gezhi:console';

export const isPhoneScreen = () => window.matchMedia(PHONE_QUERY).matches;

/** A field user on a phone lands on /m, unless they chose the full console in this tab. */
export const landsOnField = (roles: readonly string[]) =>
  isFieldUser(roles) && isPhoneScreen() && sessionStorage.getItem(CONSOLE_CHOSEN) === null;

export const chooseConsole = () => sessionStorage.setItem(CONSOLE_CHOSEN, '1');
