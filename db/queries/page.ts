// Lists are read one page at a time with one row more than the page size
// (`.limit(limit + 1)`): the extra row only tells whether a next page exists,
// without counting the whole list.

export type Page<T> = { rows: T[]; hasMore: boolean };

export function pageOf<T>(rows: T[], limit: number): Page<T> {
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}
