import type { field as zh } from '../zh-CN/field.ts';

/** English UI strings of the phone app (/m). */
export const field: typeof zh = {
  field: {
    title: 'My day',
    backHome: 'Back to my day',
    offline: 'No signal: reports are kept on this phone and sent when the signal returns',
    todo: 'My to-do',
    console: 'Open the full console (desktop)',
    cases: {
      title: 'My cases',
      handling: 'Handling',
      reported: 'Reported by me',
      none: 'No cases',
    },
    visits: {
      title: 'Visits due',
      all: 'Houses not visited this round ({{days}} days)',
      hint: '{{n}} houses not visited in {{days}} days; never visited first',
      never: 'Never visited',
      last: 'Last visited {{date}}',
      none: 'This round of visits is done',
    },
    outbox: {
      title: 'Outbox',
      waiting: 'Waiting to send',
      sent: 'Sent',
      refused: 'Refused: correct it and report again',
      discard: 'Discard',
      clearSent: 'Clear the sent ones',
      queuedTitle: 'Saved on this phone',
      queuedHint: 'No signal now: it is sent by itself when the signal returns; see the outbox on My day',
    },
  },
  hostSignOn: {
    signingOn: 'Signing on through the government app…',
    failedTitle: 'Could not sign on',
    failed:
      "The government app's sign-on token is not valid or has expired. Go back to the government app and open the grid workbench again.",
    unmappedTitle: 'Account not linked yet',
    unmapped:
      "Your government-app account is not linked to a Gezhi account yet. Tell your county platform's security administrator the number below; once they add the link under Host accounts, open it again.",
    subject: 'Government-app user number',
    refusedTitle: 'Cannot sign on',
    refused:
      'The linked Gezhi account is disabled, or is an administrator account (administrators sign in on a computer with a password and a code). Ask the security administrator.',
    unavailable: "The government app's sign-on service cannot be reached; try again later.",
    openFromHost: 'Open the grid workbench from the government app.',
    retry: 'Sign on again',
  },
};
