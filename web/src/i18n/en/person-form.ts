import type { personForm as zh } from '../zh-CN/person-form.ts';

/** English UI strings of the person form; the type keeps the keys in step with Chinese. */
export const personForm: typeof zh = {
  personForm: {
    register: 'Register a person',
    registerResident: 'Register a resident',
    createTitle: 'Register a person',
    editTitle: 'Edit: {{name}}',
    save: 'Save',
    idNumberHint: 'Type the 18-character ID number first: sex and birth date are read from it',
    idFixed:
      'The ID number identifies the person and cannot be changed. If it was recorded wrongly, register the person with the right number and move the old record out.',
    documentHint: 'Passports and permits have 5–20 letters and digits; sex and birth date are then typed',
    documentFixed:
      'The document number identifies the person and cannot be changed. If it was recorded wrongly, register the person with the right number and move the old record out.',
    nameOrForeign: 'May be left empty: the foreign name is used',
    readFromId: 'Read from the ID number',
    idProblem: {
      'id.length': 'An ID number has 18 characters',
      'id.format': '17 digits and a digit or X',
      'id.region': 'The first 6 digits are not a division code',
      'id.birth_date': 'The birth date inside does not exist or is in the future',
      'id.checksum': 'The check digit does not match; check each digit',
    },
    required: 'Required',
    phoneKeep: 'Leave empty to keep {{masked}}',
    house: 'House lived in',
    houseSearch: 'Type part of the address or the house code',
    movedIn: 'Moved in',
    today: 'Empty: today',
    exists: 'This ID number is already registered',
    openExisting: 'Open the record',
    registered: '{{name}} registered',
    edit: 'Edit',
    move: 'Move in',
    moveOut: 'Move out',
    moveTitle: 'Move into another house: {{name}}',
    moveHint: 'The residence lived in ends the day the new one begins.',
    moveOutTitle: 'Move out: {{name}}',
    moveOutHint: 'The person stays on record but lives in no house ({{address}}). To record a new house, use Move in.',
    movedOut: 'Moved out',
    moved: 'Moved into {{address}}',
    movedOutDone: 'Moved out',
    stale: 'Someone else changed the record; it has been read again, please try once more',
  },
};
