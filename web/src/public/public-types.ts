/** A citizen's view of their report (GET /api/public/reports/:code). */
export interface PublicReport {
  trackingCode: string;
  caseNo: string;
  itemName: string;
  status: string;
  description: string;
  reportedAt: string;
  closedAt: string | null;
  rating: string | null;
  reply: string | null;
  timeline: { status: string; at: string }[];
  canRate: boolean;
  mergedInto: { caseNo: string; status: string } | null;
}

export interface PublicItem {
  code: string;
  name: string;
  group: string | null;
}
