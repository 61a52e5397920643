import type { OrgkitContext } from "./context";
import { deliverDueEvents, type EventDeliveryOptions } from "./events";
import { type DeliveryOptions, type DeliveryReport, deliverDueOutbox } from "./outbox-delivery";

/** What a drain did: emails at the top level, events (host and webhooks) under `events`. */
export type DrainReport = DeliveryReport & { events: DeliveryReport };

export type OutboxWorker = {
  /** Delivers soon: call it after each committed change. Calls made during a pass coalesce. */
  kick(): void;
  /** Starts the periodic sweep that picks up retries and other instances' leftovers. */
  start(): void;
  stop(): void;
  /** Runs passes until nothing is due; resolves with what they did. */
  drain(): Promise<DrainReport>;
};

/**
 * Runs the outbox after each commit in this process (`kick`) and on a periodic sweep
 * (`start`). In a serverless function, call `drain()` inside Next's `after()` and sweep from
 * a cron route (`createOutboxCronHandler`) instead of `start()`.
 *
 * @param options.intervalMs milliseconds between sweeps. Default 30 000.
 * @param options.events the host's `onEvent` and webhook endpoints, delivered by the same passes
 *   (register them once with `syncEventConsumers`). Default: no event delivery here.
 * @example
 * const worker = createOutboxWorker(ctx, {
 *   deliver: emailSender({ transport, render: { baseUrl: "https://app.example.com" } }),
 * });
 * worker.start();
 */
export function createOutboxWorker(
  ctx: OrgkitContext,
  options: DeliveryOptions & { intervalMs?: number; events?: EventDeliveryOptions },
): OutboxWorker {
  let running: Promise<DrainReport> | null = null;
  let again = false;
  let timer: ReturnType<typeof setInterval> | null = null;

  async function drain(): Promise<DrainReport> {
    const total: DrainReport = {
      sent: 0,
      retrying: 0,
      dead: 0,
      events: { sent: 0, retrying: 0, dead: 0 },
    };
    const add = (into: DeliveryReport, report: DeliveryReport) => {
      into.sent += report.sent;
      into.retrying += report.retrying;
      into.dead += report.dead;
      return report.sent + report.retrying + report.dead;
    };
    for (;;) {
      let done = add(total, await deliverDueOutbox(ctx, options));
      if (options.events) done += add(total.events, await deliverDueEvents(ctx, options.events));
      if (done === 0) return total;
    }
  }

  function kick() {
    if (running) {
      again = true;
      return;
    }
    running = drain()
      .catch((error: unknown) => {
        // The error's class only: a database error's message carries its query and parameters.
        console.error(
          "[orgkit] outbox delivery failed:",
          error instanceof Error ? error.name : "Error",
        );
        return { sent: 0, retrying: 0, dead: 0, events: { sent: 0, retrying: 0, dead: 0 } };
      })
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          kick();
        }
      });
  }

  return {
    kick,
    start() {
      timer ??= setInterval(kick, options.intervalMs ?? 30_000);
      timer.unref?.();
      kick();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
    drain,
  };
}
