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
};
