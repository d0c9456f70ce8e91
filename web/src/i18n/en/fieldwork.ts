import type { fieldwork as zh } from '../zh-CN/fieldwork.ts';

/** English UI strings of field work: house visits; the type keeps the keys in step with Chinese. */
export const fieldwork: typeof zh = {
  visits: {
    visit: 'Visit',
    title: 'Visit: {{address}}',
    residents: 'Residents ({{n}})',
    residentsHint:
      'Check each one: leave “Lives here” for those still living here, choose “Moved out” for those who left (their residence ends today); type a new phone where it changed.',
    noResidents: 'Nobody is recorded as living here',
    present: 'Lives here',
    movedOut: 'Moved out',
    phoneFix: 'New phone (leave empty if unchanged)',
    house: 'The house',
    houseHint: 'Filled in from the record; correct what differs',
    note: 'Note',
    notePlaceholder: 'Anything else found on the visit',
    save: 'Save visit',
    saved: 'Visit recorded',
    stale: 'Someone else updated the house meanwhile; it was reloaded — check and save again',
    records: 'Visits ({{n}})',
    noRecords: 'No visits yet',
    summary: '{{confirmed}} confirmed, {{movedOut}} moved out',
    noChanges: 'All as recorded',
    changePhone: 'phone of {{name}}',
    changeMovedOut: '{{name}} moved out',
  },
};
