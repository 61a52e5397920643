"use client";
import type { AppRouter } from "@orgkit/trpc";
import type { inferRouterOutputs } from "@trpc/server";
import { createTRPCContext } from "@trpc/tanstack-react-query";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

type Outputs = inferRouterOutputs<AppRouter>;
/** One row of `members.list`, with its own decisions: inferred from the router, never re-typed. */
export type MemberListItem = Outputs["members"]["list"]["items"][number];
/** One row of `invitations.list`, with its own decisions. */
export type InvitationListItem = Outputs["invitations"]["list"]["items"][number];
