"use client";
import type { AppRouter } from "@orgkit/trpc";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { type ReactNode, useState } from "react";
import superjson from "superjson";
import { type LocaleProps, OrgkitIntl } from "./lib/i18n";
import { ToastProvider } from "./lib/toast";
import { TRPCProvider } from "./lib/trpc";

export type OrgkitProviderProps = LocaleProps & {
  /** Where the host mounted the tRPC route handler. Default `/api/trpc`. */
  apiUrl?: string;
  children: ReactNode;
};

/**
 * The data layer every orgkit component needs. The pages include it; wrap your own
 * composition of orgkit components in it.
 */
export function OrgkitProvider({ apiUrl = "/api/trpc", children, ...locale }: OrgkitProviderProps) {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 5_000, retry: false } } }),
  );
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: apiUrl, transformer: superjson, maxItems: 10 })],
    }),
  );
  return (
    <OrgkitIntl {...locale}>
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
          <ToastProvider>{children}</ToastProvider>
        </TRPCProvider>
      </QueryClientProvider>
    </OrgkitIntl>
  );
}
