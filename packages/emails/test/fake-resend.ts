import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type Reply = number | "hang";

/**
 * A stand-in for Resend's HTTP API at the edge of the world: it answers from a script
 * and, like Resend, accepts one message per Idempotency-Key.
 */
export async function startFakeResend() {
  const script: Reply[] = [];
  const delivered = new Map<string, { to: string[]; subject: string; text: string }>();
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      const key = String(req.headers["idempotency-key"] ?? "");
      requests.push(key);
      const reply = script.shift() ?? 200;
      if (reply === "hang") return; // never answers; the client must time out
      if (reply !== 200) {
        res.writeHead(reply, { "content-type": "application/json" });
        res.end(
          JSON.stringify({ name: "fake_error", message: `fake ${reply}`, statusCode: reply }),
        );
        return;
      }
      if (!delivered.has(key)) delivered.set(key, JSON.parse(body));
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ id: key }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    script,
    delivered,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
