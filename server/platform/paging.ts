import { type TProperties, type TSchema, Type } from '@sinclair/typebox';

/** A kind of list's page sizes (`PAGE` in shared/limits.ts): the default and the most one page may hold. */
export interface PageLimits {
  default: number;
  max: number;
}

/** The page a caller asked for, defaults filled in. */
export interface PageAsked {
  offset: number;
  limit: number;
}

/** The one paging query of every list: rows to skip, and rows in this page up to the kind's most. */
export const pageQuery = (limits: PageLimits) => ({
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0, description: '跳过条数 Rows to skip' })),
  limit: Type.Optional(
    Type.Integer({ minimum: 1, maximum: limits.max, default: limits.default, description: '每页条数 Rows in this page' }),
  ),
});

/** The one reply of every list: this page's rows and how many match over all pages, beside what the list adds. */
export const pageReply = <T extends TSchema, P extends TProperties = Record<never, never>>(item: T, description: string, more?: P) =>
  Type.Object({
    ...(more ?? ({} as P)),
    items: Type.Array(item, { description }),
    total: Type.Integer({ description: '总数 Rows matching, all pages' }),
  });

export const pageAsked = (query: { offset?: number; limit?: number }, limits: PageLimits): PageAsked => ({
  offset: query.offset ?? 0,
  limit: query.limit ?? limits.default,
});

/** The first `n` rows: for exports and pickers that read one batch of a list, not a page a user turns. */
export const firstRows = (n: number): PageAsked => ({ offset: 0, limit: n });
