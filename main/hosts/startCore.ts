import { openDatabase, type OpenOptions } from '../../db/open';
import { createCore, type Core } from '../core/core';
import type { Clock } from '../core/clock';
import type { LinkBuilder, Secrets } from '../core/ports';
import { createDispatcher, type Dispatcher } from '../dispatch/dispatch';
import { TeamControl } from '../team/teamControl';
import { databaseFile } from './dataDir';

export interface Runtime {
  core: Core;
  secrets: Secrets;
  dataDir: string;
  dispatch: Dispatcher;
  /** Team mode: resumed at start when this desktop belongs to a team (main/team). */
  team: TeamControl;
}

export interface StartOptions extends OpenOptions {
  secrets: Secrets;
  clock?: Clock;
  links?: LinkBuilder;
  checkOutputs?: boolean;
}

/** What both hosts start with: the database opened strictly, the core over it, one dispatcher. */
export async function startCore(dataDir: string, options: StartOptions): Promise<Runtime> {
  const db = await openDatabase(databaseFile(dataDir), options);
  const core = createCore(db, { ...(options.clock ? { clock: options.clock } : {}), ...(options.links ? { links: options.links } : {}) });
  const team = new TeamControl(core, options.secrets);
  team.resume();
  return {
    core,
    secrets: options.secrets,
    dataDir,
    team,
    dispatch: createDispatcher(
      core,
      options.secrets,
      team,
      { dataDir, ...(options.migrationsFolder ? { migrationsFolder: options.migrationsFolder } : {}), ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) },
      { checkOutputs: options.checkOutputs ?? false },
    ),
  };
}
