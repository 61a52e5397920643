import type { OrgkitContext } from "./context";
import { type DeliveryOptions, type DeliveryReport, deliverDueOutbox } from "./outbox-delivery";

export type OutboxWorker = {
  /** Delivers soon: call it after each committed change. Calls made during a pass coalesce. */
  kick(): void;
  /** Starts the periodic sweep that picks up retries and other instances' leftovers. */
  start(): void;
  stop(): void;
  /** Runs passes until nothing is due; resolves with what they did. */
  drain(): Promise<DeliveryReport>;
};

/**
 * Runs the outbox after each commit in this process (`kick`) and on a periodic sweep
 * (`start`). In a serverless function, call `drain()` inside Next's `after()` and sweep from
 * a cron route (`createOutboxCronHandler`) instead of `start()`.
 *
 * @param options.intervalMs milliseconds between sweeps. Default 30 000.
 * @example
 * const worker = createOutboxWorker(ctx, {
 *   deliver: emailSender({ transport, render: { baseUrl: "https://app.example.com" } }),
 * });
 * worker.start();
 */
export function createOutboxWorker(
  ctx: OrgkitContext,
  options: DeliveryOptions & { intervalMs?: number },
): OutboxWorker {
  let running: Promise<DeliveryReport> | null = null;
  let again = false;
  let timer: ReturnType<typeof setInterval> | null = null;

  async function drain(): Promise<DeliveryReport> {
    const total: DeliveryReport = { sent: 0, retrying: 0, dead: 0 };
    for (;;) {
      const report = await deliverDueOutbox(ctx, options);
      total.sent += report.sent;
      total.retrying += report.retrying;
      total.dead += report.dead;
      if (report.sent + report.retrying + report.dead === 0) return total;
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
        return { sent: 0, retrying: 0, dead: 0 };
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
