/**
 * Ids for new rows. A desktop on its own lets SQLite number them; a desktop in a team takes them
 * from its own range (main/team/ownIds.ts), so rows made on two desktops offline never collide.
 */
export interface IdAllocator {
  /** The id for a new row of `table`, or null to let SQLite choose. */
  next(table: string): number | null;
}

export const sqliteIds: IdAllocator = { next: () => null };
