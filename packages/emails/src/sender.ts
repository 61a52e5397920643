import type { OutboxMessage } from "@orgkit/core/server";
import { type RenderOptions, renderEmail } from "./render";
import type { EmailTransport } from "./transports";

/**
 * The outbox's `deliver` for email: renders each message and sends it through the transport,
 * with the message's random outbox key as the idempotency key. A transport's `PermanentDeliveryError`
 * dead-letters the message; any other error retries it.
 *
 * @example
 * createOutboxWorker(ctx, { deliver: emailSender({ transport, render: { baseUrl: "https://app.example.com" } }) });
 */
export function emailSender(options: {
  transport: EmailTransport;
  render: RenderOptions;
}): (message: OutboxMessage) => Promise<void> {
  return async (message) => {
    const rendered = await renderEmail(message, options.render);
    await options.transport.send({
      to: message.to,
      ...rendered,
      idempotencyKey: `orgkit-outbox-${message.key}`,
    });
  };
}
