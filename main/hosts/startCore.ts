import { openDatabase, type OpenOptions } from '../../db/open';
import { createCore, type Core } from '../core/core';
import type { Clock } from '../core/clock';
import { createDispatcher, type Dispatcher } from '../dispatch/dispatch';
import { databaseFile } from './dataDir';

export interface Runtime {
  core: Core;
  dispatch: Dispatcher;
}

/** What both hosts start with: the database opened strictly, the core over it, one dispatcher. */
export function startCore(dataDir: string, options: OpenOptions & { clock?: Clock; checkOutputs?: boolean } = {}): Runtime {
  const db = openDatabase(databaseFile(dataDir), options);
  const core = createCore(db, options.clock ? { clock: options.clock } : {});
  return { core, dispatch: createDispatcher(core, { checkOutputs: options.checkOutputs ?? false }) };
}
