/** The visit form as the server fills it from the base data: identifiers masked. */
export interface VisitForm {
  house: {
    code: string;
    address: string;
    gridCode: string;
    use: string;
    rented: boolean;
    rentalUse: string | null;
    rentalCategory: string | null;
    rentalLevel: string | null;
    ownerName: string | null;
    ownerIdNumber: string | null;
    ownerPhone: string | null;
    verifiedAt: string | null;
    version: number;
  };
  residents: {
    personId: string;
    name: string;
    idNumber: string;
    phone: string | null;
    relation: string | null;
    residentType: string;
    movedIn: string;
  }[];
}

export type ResidentStatus = 'present' | 'movedOut';

/** One recorded visit; `changes` as the server keeps them: house.<field>, person.phone:<name>, person.movedOut:<name>. */
export interface Visit {
  id: string;
  at: string;
  actorName: string;
  confirmed: number;
  movedOut: number;
  changes: string[];
  note: string | null;
}
