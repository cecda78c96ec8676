import type { z } from 'zod';
import type { ErrorCode } from '../core/errors';
import { buildsContract } from './builds';
import { channelsContract } from './channels';
import { demoContract } from './demo';
import { forecastContract } from './forecast';
import { groupsContract } from './groups';
import { inventoryContract } from './inventory';
import { mailContract } from './mail';
import { notificationsContract } from './notifications';
import { purchasingContract } from './purchasing';
import { stockContract } from './stock';
import { teamContract } from './team';
import { transferContract } from './transfer';
import { usersContract } from './users';

export type Access = 'public' | 'member' | 'admin';

export interface MethodSpec {
  /** Who may call: anyone with the host's token, any signed-in user, or administrators. */
  access: Access;
  input: z.ZodType;
  output: z.ZodType;
}

/** Every method the renderer can call. The preload allow-list and the typed client derive from it. */
export const contract = {
  ...usersContract,
  ...inventoryContract,
  ...stockContract,
  ...notificationsContract,
  ...groupsContract,
  ...channelsContract,
  ...mailContract,
  ...buildsContract,
  ...purchasingContract,
  ...forecastContract,
  ...transferContract,
  ...demoContract,
  ...teamContract,
} as const satisfies Record<string, MethodSpec>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export const methodNames = Object.keys(contract) as MethodName[];

/** What a caller sends (quantities as decimal strings, defaults optional). */
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives after validation (quantities as scaled integers, defaults filled). */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export interface CallError {
  code: ErrorCode;
  message: string;
  fields?: Record<string, string>;
}

export type CallResult<M extends MethodName> = { ok: true; value: MethodOutput<M> } | { ok: false; error: CallError };

export { events, eventNames, type EventName, type EventPayload } from './events';
export type { Role, UserListEntry, UserView } from './users';
export type { ChannelPreference, EmailSettingsView, OutboxEntry } from './mail';
export type { CategoryView, LocationView, PartRow, PartDetail, StockItemView } from './inventory';
export type { MovementView } from './stock';
export type { CsvKind, ImportSummary } from './transfer';
export type { BomLineView, BuildStatus, BuildView, RequirementView } from './builds';
export type { ChannelDeliveryView, ChannelKindName, ChannelView } from './channels';
export type { GroupView, MemberGroupView } from './groups';
export type { PurchaseOrderDetail, PurchaseOrderLineView, PurchaseOrderState, PurchaseOrderView, SupplierPartView, SupplierView } from './purchasing';
export type { MuteStatus, NotificationView, SubscriptionStatus, SubscriptionTarget } from './notifications';
export type { PathEntry } from './shared';
export type { ForecastSettings, ForecastStatus, ForecastView, ReorderGroup, ReorderLine, StockHistoryView } from './forecast';
export type { SyncStateView, TeamStatusView } from './team';
