"use client";
import { type UseMutationOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { useErrorMessages } from "./errors";
import { useToast } from "./toast";

/**
 * Wraps a mutation the way every orgkit action behaves: a pending state, a toast on
 * success or failure, and every query refetched so the page shows the saved state.
 */
export function useAction<TData, TError, TVariables, TContext>(
  options: UseMutationOptions<TData, TError, TVariables, TContext>,
  success: string | ((data: TData) => string),
  handlers: {
    onError?: (error: TError) => boolean | undefined;
    onSuccess?: (data: TData) => void;
  } = {},
) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const { messageOf } = useErrorMessages();
  return useMutation({
    ...options,
    onSuccess: async (data: TData) => {
      toast.success(typeof success === "function" ? success(data) : success);
      handlers.onSuccess?.(data);
      await queryClient.invalidateQueries();
    },
    onError: async (error: TError) => {
      // A form that shows the error beside its field returns true to skip the toast.
      if (!handlers.onError?.(error)) toast.error(messageOf(error));
      await queryClient.invalidateQueries();
    },
  });
}
