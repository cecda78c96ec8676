import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import type { MethodInput, MethodName, MethodOutput } from '../../../main/contract';
import type { CallFailure } from './callFailure';
import { useClient } from './client';

type CallQueryOptions<M extends MethodName> = Omit<
  UseQueryOptions<MethodOutput<M>, CallFailure, MethodOutput<M>, readonly [M, MethodInput<M>]>,
  'queryKey' | 'queryFn'
>;

/** Reads through the contract; cached per method and input, refreshed when the host pushes a change. */
export function useCall<M extends MethodName>(method: M, input: MethodInput<M>, options?: CallQueryOptions<M>) {
  const { call } = useClient();
  return useQuery({
    queryKey: [method, input] as const,
    queryFn: () => call(method, input),
    ...options,
  });
}

/**
 * Asks a read now, while rendering, under the key `useCall` looks for, so a component that mounts later
 * (or whose effects run later) finds it answered or on its way. The host answers calls in turn: this
 * decides which it hears first, and spares a read waiting for another to answer before it is even asked.
 */
export function usePrefetchCall<M extends MethodName>(method: M, input: MethodInput<M>, { enabled = true }: { enabled?: boolean } = {}) {
  const { call } = useClient();
  const queryClient = useQueryClient();
  const queryKey = [method, input] as const;
  // Cached, failed or in flight: left to useCall's own rules.
  if (enabled && !queryClient.getQueryState(queryKey)) {
    void queryClient.prefetchQuery({ queryKey, queryFn: () => call(method, input) });
  }
}

/**
 * Writes through the contract. Every successful write refreshes all reads: simple and always correct.
 * `onSuccess` here runs even if the component has gone meanwhile (a sign-out the call caused), unlike
 * the one given to `mutate`.
 */
export function useMutate<M extends MethodName>(method: M, options: { onSuccess?: (value: MethodOutput<M>) => void } = {}) {
  const { call } = useClient();
  const queryClient = useQueryClient();
  return useMutation<MethodOutput<M>, CallFailure, MethodInput<M>>({
    // Named by method, so the cache can tell a refused sign-in from a session that expired mid-task.
    mutationKey: [method],
    mutationFn: (input) => call(method, input),
    // Not awaited: the caller's own onSuccess (navigate, toast) must run even if the refetch unmounts it.
    onSuccess: (value) => {
      void queryClient.invalidateQueries();
      options.onSuccess?.(value);
    },
  });
}
