import {
  createOutboxWorker,
  type Db,
  type DeliveryOptions,
  deliverDueOutbox,
  type OrgkitContext,
} from "@orgkit/core/server";
import type { RenderOptions } from "../src";
import { type EmailTransport, emailSender, readDevMailbox } from "../src/server";

export const RENDER = { baseUrl: "http://localhost:3000" };

/** The link token in the newest email to `to`, as a person would click it. */
export async function tokenFromMailbox(db: Db, to: string, index = 0): Promise<string> {
  const messages = await readDevMailbox(db, { to });
  const text = messages[index]?.text ?? "";
  const match = /token=([A-Za-z0-9_-]+)/.exec(text);
  if (!match?.[1]) throw new Error(`no link in the mailbox of ${to}`);
  return match[1];
}

type EmailDelivery = Omit<DeliveryOptions, "deliver"> & {
  transport: EmailTransport;
  render: RenderOptions;
};

/** One outbox pass that sends through `transport`, as a host wires it. */
export function deliverDueEmails(ctx: OrgkitContext, options: EmailDelivery) {
  const { transport, render, ...lifecycle } = options;
  return deliverDueOutbox(ctx, { ...lifecycle, deliver: emailSender({ transport, render }) });
}

/** The outbox worker sending through `transport`, as a host wires it. */
export function emailWorker(ctx: OrgkitContext, options: EmailDelivery & { intervalMs?: number }) {
  const { transport, render, ...lifecycle } = options;
  return createOutboxWorker(ctx, { ...lifecycle, deliver: emailSender({ transport, render }) });
}
