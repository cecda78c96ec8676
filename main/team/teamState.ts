import type { CoreContext, WriteContext } from '../core/context';

// This desktop's place in its team, kept in the settings table under keys that are never shared
// (see replicatedTables.ts): which team, which replica number, and how far into the log it is.

export interface TeamMembership {
  /** nats://host:port, comma-separated for a cluster. */
  servers: string;
  team: string;
  replica: number;
  /** This desktop's name, as the other desktops see it. */
  desktop: string;
  user?: string;
  /** The NATS password, sealed by the Secrets port. */
  sealedPass?: string;
  /** PEM of the authority that signed a private team server's certificate. */
  ca?: string;
}

const MEMBERSHIP = 'team.membership';
const POSITION = 'team.position';

function read<T>(ctx: CoreContext, key: string): T | null {
  const value = ctx.db.$client.prepare('select value from settings where key = ?').pluck().get(key) as string | undefined;
  return value === undefined ? null : (JSON.parse(value) as T);
}

function write(ctx: WriteContext | CoreContext, key: string, value: unknown): void {
  ctx.db.$client.prepare('insert into settings (key, value) values (?, ?) on conflict (key) do update set value = excluded.value').run(key, JSON.stringify(value));
}

export const teamState = {
  membership: (ctx: CoreContext) => read<TeamMembership>(ctx, MEMBERSHIP),
  setMembership: (ctx: WriteContext, membership: TeamMembership | null) =>
    membership ? write(ctx, MEMBERSHIP, membership) : ctx.db.$client.prepare('delete from settings where key = ?').run(MEMBERSHIP),
  /** The last log position applied here (0: none yet). */
  position: (ctx: CoreContext) => read<number>(ctx, POSITION) ?? 0,
  setPosition: (ctx: WriteContext, seq: number) => write(ctx, POSITION, seq),
};
