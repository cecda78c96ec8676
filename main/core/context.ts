import type { Db } from '../../db/open';
import type { Change } from './change';
import type { Clock } from './clock';
import type { IdAllocator } from './ids';
import type { LinkBuilder } from './ports';

/** What every core service reads and writes through. */
export interface CoreContext {
  db: Db;
  clock: Clock;
  links: LinkBuilder;
  ids: IdAllocator;
}

/** A service call inside a transaction: the acting user and what the change has touched so far. */
export interface WriteContext extends CoreContext {
  change: Change;
  actorId: number | null;
}
