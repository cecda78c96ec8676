import type { TeamStatusView, WaitingChangesView } from '../contract/team';
import type { Core } from '../core/core';
import { DomainError } from '../core/errors';
import { ownMail, type MailClaims } from '../core/mail/mailClaims';
import type { Secrets } from '../core/ports';
import { foundTeam, joinTeam, resumeTeam, type TeamHandle } from './teamMode';
import { teamState } from './teamState';
import { describeWaiting } from './waitingChanges';

// What the hosts hold of team mode: resume at start, found, join, leave, and the status the
// header and Settings > Team show. Every change of state is pushed to the windows ('team.changed').

export interface TeamAddressInput {
  servers: string;
  team: string;
  desktop: string;
  user: string;
  password: string;
  ca: string;
}

/** How long the status waits for the server's list of desktops before showing the last one it had. */
const DESKTOPS_WAIT_MS = 1_500;

interface DesktopRecord {
  desktop: string;
  at: number;
}

export class TeamControl {
  private handle: TeamHandle | null = null;
  private stopWatching: () => void = () => undefined;
  private knownDesktops: TeamStatusView['desktops'] | null = null;

  constructor(
    private readonly core: Core,
    private readonly secrets: Secrets,
  ) {}

  /** Back into this desktop's team after a start, if it has one; works offline from the first moment. */
  resume(): void {
    const membership = this.core.read((ctx) => teamState.membership(ctx));
    if (!membership || this.handle) return;
    const pass = membership.sealedPass ? this.secrets.decrypt(membership.sealedPass) : undefined;
    this.attach(resumeTeam(this.core, pass));
  }

  /** For the mail worker: the team's claims while in a team, this desktop's own otherwise. */
  claims(): MailClaims {
    return this.handle?.claims ?? ownMail;
  }

  private attach(handle: TeamHandle | null): void {
    this.handle = handle;
    this.knownDesktops = null;
    this.stopWatching();
    this.stopWatching = () => undefined;
    if (!handle) return;
    const changed = () => this.core.emit('team.changed', {}, { everyone: true });
    const timer = setInterval(() => {
      // The sync loop reaches the server in its own time; watch for it and announce each state.
      const sync = handle.sync();
      if (!sync) return;
      clearInterval(timer);
      const stop = sync.onState(changed);
      this.stopWatching = stop;
      changed();
    }, 200);
    timer.unref();
    this.stopWatching = () => clearInterval(timer);
    handle.replica.onQueued(changed);
  }

  private address(input: TeamAddressInput) {
    return { servers: input.servers, team: input.team, ...(input.user ? { user: input.user, pass: input.password } : {}), ...(input.ca ? { ca: input.ca } : {}) };
  }

  private async keepPassword(input: TeamAddressInput): Promise<void> {
    if (!input.user) return;
    const sealedPass = this.secrets.encrypt(input.password);
    this.core.write(null, (ctx) => {
      const membership = teamState.membership(ctx);
      if (membership) teamState.setMembership(ctx, { ...membership, sealedPass });
    });
  }

  private refuseIfInTeam(): void {
    if (this.handle || this.core.read((ctx) => teamState.membership(ctx))) {
      throw new DomainError('CONFLICT', 'This desktop is already in a team. Leave it first.');
    }
  }

  private async reach<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof DomainError) throw error;
      throw new DomainError('CONFLICT', `The team could not be set up: ${(error as Error).message}`);
    }
  }

  async found(input: TeamAddressInput): Promise<TeamStatusView> {
    this.refuseIfInTeam();
    const handle = await this.reach(() => foundTeam(this.core, this.address(input), input.desktop));
    this.attach(handle);
    await this.keepPassword(input);
    return this.status();
  }

  async join(input: TeamAddressInput): Promise<TeamStatusView> {
    this.refuseIfInTeam();
    const handle = await this.reach(() => joinTeam(this.core, this.address(input), input.desktop));
    this.attach(handle);
    await this.keepPassword(input);
    return this.status();
  }

  /** This desktop goes on alone with the inventory as it has it; changes still waiting are not sent. */
  async leave(): Promise<TeamStatusView> {
    const handle = this.handle;
    this.attach(null);
    await handle?.stop();
    this.core.write(null, (ctx) => teamState.setMembership(ctx, null));
    this.core.emit('team.changed', {}, { everyone: true });
    return this.status();
  }

  async status(): Promise<TeamStatusView> {
    const membership = this.core.read((ctx) => teamState.membership(ctx));
    if (!membership) return { membership: null, sync: null, desktops: [], skippedEvents: 0 };
    const handle = this.handle;
    const sync = handle?.sync() ?? null;
    const waiting = handle?.replica.waitingCount() ?? 0;
    const desktops = handle ? await this.desktops(handle) : [];
    return {
      membership: { team: membership.team, servers: membership.servers, desktop: membership.desktop, replica: membership.replica },
      sync: sync ? sync.state() : handle?.refusal() ? { kind: 'refused', reason: handle.refusal() ?? '', changes: waiting } : { kind: 'connecting', changes: waiting },
      desktops,
      skippedEvents: handle?.replica.skippedEvents() ?? 0,
    };
  }

  /** What of this desktop's waiting changes `viewerId` may see, newest first, in words. */
  waiting(viewerId: number, limit: number): WaitingChangesView {
    const replica = this.handle?.replica;
    if (!replica) return { total: 0, rows: [] };
    const client = this.core.db.$client;
    const rows: WaitingChangesView['rows'] = [];
    // The newest lead: they are what a person just did. Others' private changes are left out, so a
    // few more than asked for are read; the total counts every change waiting here.
    for (const waiting of replica.newestWaiting(limit * 4)) {
      const view = describeWaiting(client, waiting.event, viewerId);
      if (view) rows.push(view);
      if (rows.length === limit) break;
    }
    return { total: replica.waitingCount(), rows };
  }

  /**
   * The team's desktops as the server last told this one. Never waits on a server that is away: the
   * status is what the header shows, and it must say "Offline" at once, not after a time-out.
   */
  private async desktops(handle: TeamHandle): Promise<TeamStatusView['desktops']> {
    const kv = handle.kv();
    const known = this.knownDesktops ?? [{ replica: handle.membership.replica, desktop: handle.membership.desktop, lastSeenAt: null }];
    const state = handle.sync()?.state();
    if (!kv || !state || state.kind === 'offline') return known;
    const read = async () => {
      const found: TeamStatusView['desktops'] = [];
      for await (const key of await kv.keys('desktop.*')) {
        const entry = await kv.get(key);
        if (!entry) continue;
        const record = entry.json<DesktopRecord>();
        found.push({ replica: Number(key.slice('desktop.'.length)), desktop: record.desktop, lastSeenAt: record.at });
      }
      return found.sort((a, b) => a.replica - b.replica);
    };
    let timer: NodeJS.Timeout | undefined;
    const tooSlow = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), DESKTOPS_WAIT_MS);
    });
    try {
      const found = await Promise.race([read(), tooSlow]);
      if (found) this.knownDesktops = found;
      return found ?? known;
    } catch {
      return known;
    } finally {
      clearTimeout(timer);
    }
  }

  async stop(): Promise<void> {
    const handle = this.handle;
    this.attach(null);
    await handle?.stop();
  }
}
