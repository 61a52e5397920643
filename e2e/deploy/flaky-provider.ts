import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export type SentEmail = { key: string; to: string; subject: string; text: string };

/**
 * A stand-in for Resend's HTTP API, at the edge of the world, that fails half the time: the
 * first attempt of every outbox message fails, alternately refused (nothing sent) and
 * accepted with its answer lost (sent, but the app sees a 500); the retry succeeds. Like
 * Resend, it accepts one message per Idempotency-Key. Sign-in emails (Auth.js's, outside
 * the outbox) are always accepted.
 */
export async function startFlakyProvider() {
  const sent = new Map<string, SentEmail>();
  const attempts = new Map<string, number>();
  let failures = 0;
  let requests = 0;
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      requests += 1;
      const key = String(req.headers["idempotency-key"] ?? "");
      const email = JSON.parse(body) as { to: string | string[]; subject: string; text: string };
      const attempt = (attempts.get(key) ?? 0) + 1;
      attempts.set(key, attempt);
      const accept = () => {
        if (!sent.has(key)) {
          const to = Array.isArray(email.to) ? String(email.to[0]) : email.to;
          sent.set(key, { key, to, subject: email.subject, text: email.text });
        }
      };
      const fail = key.startsWith("orgkit-outbox-") && attempt === 1;
      if (fail) {
        failures += 1;
        if (failures % 2 === 0) accept(); // the answer is lost, the message is not
        res.writeHead(500, { "content-type": "application/json" });
        res.end(
          JSON.stringify({
            name: "internal_server_error",
            message: "fake outage",
            statusCode: 500,
          }),
        );
        return;
      }
      accept();
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ id: key }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    /** Messages the provider accepted, once per idempotency key. */
    sent: () => [...sent.values()],
    stats: () => ({ requests, failures }),
    /** Requests for one outbox message key, before deduplication: a double send shows here. */
    attemptsOf: (messageKey: string) => attempts.get(`orgkit-outbox-${messageKey}`) ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
