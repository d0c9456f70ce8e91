/** The dispatch catalogue as its administrator sees it (GET /api/catalogue). */

export type LimitUnit = 'hours' | 'workingDays' | 'clockHours';
export type StageLimit = Partial<Record<LimitUnit, number>>;

export interface CatalogueRule {
  level: string;
  department: string | null;
  limits: Record<string, StageLimit>;
  severity: string;
  closing: { afterPhoto: boolean; onSiteCheck: boolean };
  fixOnSpot: boolean;
}

export interface AdminNode {
  code: string;
  parentCode: string | null;
  kind: 'major' | 'minor' | 'item';
  name: string;
  rule: CatalogueRule | null;
  version: number;
  local: boolean;
  retired: boolean;
  updatedAt: string;
}

/** The values a rule may take, as the server's schema accepts them. */
export interface RuleChoices {
  stages: string[];
  severities: string[];
  levels: string[];
  departmentKinds: string[];
}

export interface CatalogueAdmin {
  items: AdminNode[];
  choices: RuleChoices;
}

/** An earlier version of a node, with who replaced it and when. */
export interface CatalogueVersion {
  version: number;
  name: string;
  rule: CatalogueRule | null;
  retired: boolean;
  changedBy: string;
  changedAt: string;
}

export interface CatalogueHistory {
  node: AdminNode;
  versions: CatalogueVersion[];
}
