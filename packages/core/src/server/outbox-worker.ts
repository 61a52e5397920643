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
  /**
   * Delivers what is due now, this call's own commits included; resolves with what the run did.
   * Concurrent calls coalesce: at most one run at a time, and one more after it for everyone
   * who arrived meanwhile (so a busy server does not claim once per request).
   */
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
  let following: Promise<DrainReport> | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;

  /**
   * Passes until nothing more is due, or until a caller waits for the next run. Emails: until a
   * claim comes back short of a full batch. Events: until a claim finds none, since only each
   * queue's head is due (in order per consumer and organization) and delivering it makes the
   * next one due.
   */
  async function passes(): Promise<DrainReport> {
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
    let emailsDue = true;
    let eventsDue = Boolean(options.events);
    // A caller waiting for the next run ends this one: that run claims both outboxes anew,
    // so an email queued meanwhile never waits behind a long stream of events.
    while ((emailsDue || eventsDue) && !following) {
      if (emailsDue) {
        emailsDue = add(total, await deliverDueOutbox(ctx, options)) >= (options.batchSize ?? 20);
      }
      if (eventsDue && options.events) {
        eventsDue = add(total.events, await deliverDueEvents(ctx, options.events)) > 0;
      }
    }
    return total;
  }

  /**
   * One run of passes at a time. A caller that arrives while one runs may have committed after
   * its claims: it joins the single run that follows, shared by everyone who arrived meanwhile.
   */
  function drain(): Promise<DrainReport> {
    if (!running) {
      running = passes().finally(() => {
        running = null;
      });
      return running;
    }
    following ??= running
      .catch(() => undefined)
      .then(() => {
        following = null;
        return drain();
      });
    return following;
  }

  function kick() {
    drain().catch((error: unknown) => {
      // The error's class only: a database error's message carries its query and parameters.
      console.error(
        "[orgkit] outbox delivery failed:",
        error instanceof Error ? error.name : "Error",
      );
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
