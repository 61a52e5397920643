/**
 * A person at a browser, reduced to HTTP: a cookie jar shared by every app instance (the
 * load balancer may send each request elsewhere) and the same headers a browser sends.
 */
export class Person {
  readonly cookies = new Map<string, string>();
  constructor(
    readonly email: string,
    /** The app's public URL: the Origin every instance expects. */
    private readonly appUrl: string,
    /** Every response status this person saw, for the "no 5xx" check. */
    private readonly statuses: number[],
  ) {}

  async request(instance: string, path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set("origin", new URL(this.appUrl).origin);
    headers.set("sec-fetch-site", "same-origin");
    if (this.cookies.size > 0) {
      headers.set(
        "cookie",
        [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; "),
      );
    }
    const response = await fetch(new URL(path, instance), {
      ...init,
      headers,
      redirect: "manual",
    });
    this.statuses.push(response.status);
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === "") {
        this.cookies.delete(name);
      } else {
        this.cookies.set(name, value);
      }
    }
    return response;
  }

  /** Calls one tRPC procedure (superjson on the wire) and returns its data or its error. */
  async call<T = unknown>(
    instance: string,
    procedure: string,
    input?: unknown,
  ): Promise<{ ok: true; data: T } | { ok: false; status: number; code: string; message: string }> {
    const response = await this.request(instance, `/api/trpc/${procedure}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: input ?? null }),
    });
    const body = (await response.json()) as {
      result?: { data: { json: T } };
      error?: { json: { message: string; data?: { code?: string; reason?: string } } };
    };
    if (body.result) return { ok: true, data: body.result.data.json };
    const data = body.error?.json.data;
    return {
      ok: false,
      status: response.status,
      code: String(data?.reason ?? data?.code ?? "UNKNOWN"),
      message: body.error?.json.message ?? "",
    };
  }

  /** Calls a procedure that must succeed, else throws with what the server said. */
  async must<T = unknown>(instance: string, procedure: string, input?: unknown): Promise<T> {
    const result = await this.call<T>(instance, procedure, input);
    if (!result.ok) {
      throw new Error(`${procedure} failed (${result.status} ${result.code}): ${result.message}`);
    }
    return result.data;
  }
}
