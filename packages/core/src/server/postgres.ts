import postgres from "postgres";

/** Raised when PostgreSQL answered a COMMIT with ROLLBACK: nothing of the transaction was stored. */
export class TransactionRolledBackError extends Error {
  readonly code = "TRANSACTION_ROLLED_BACK";
  constructor() {
    super("orgkit: the database rolled the transaction back at COMMIT; nothing was stored");
    this.name = "TransactionRolledBackError";
  }
}

/**
 * Whether a connection string points at a pooler in transaction mode, where a prepared
 * statement made on one server connection is missing on the next:
 * `?pgbouncer=true` (the convention Prisma and Supabase document), port 6543 (Supabase's
 * transaction pooler) or a `-pooler.` host name (Neon's pooled endpoint).
 *
 * @example
 * isPooledUrl("postgres://u:p@aws-0-eu.pooler.supabase.com:6543/postgres"); // true
 * isPooledUrl("postgres://u@127.0.0.1:5432/app"); // false
 */
export function isPooledUrl(url: string): boolean {
  // Read as text: a multi-host URL (`h1:5432,h2:5432`), which postgres-js accepts, is no WHATWG URL.
  const [hosts = ""] = url.replace(/^[a-z]+:\/\/([^@/]*@)?/i, "").split(/[/?]/);
  return (
    /[?&]pgbouncer=true(&|$)/.test(url) || /:6543(,|$)/.test(hosts) || hosts.includes("-pooler.")
  );
}

/** The URL without orgkit's own `pgbouncer` marker, which PostgreSQL would refuse as a setting. */
function withoutMarker(url: string): string {
  return url.replace(/([?&])pgbouncer=[^&]*(&|$)/, (_, before: string, after: string) =>
    after ? before : "",
  );
}

export type PostgresOptions = {
  url: string;
  max: number;
  prepare: boolean;
  onQuery?: ((sql: string) => void) | undefined;
};

/**
 * A postgres-js client for drizzle whose transactions run on one reserved connection and
 * check COMMIT's answer: PostgreSQL answers COMMIT of a transaction that an earlier error
 * aborted with ROLLBACK, not an error, and the driver (which retries some failed statements)
 * would report that as success. BEGIN and COMMIT go as simple queries, never prepared.
 */
export function createPostgresClient(options: PostgresOptions) {
  const onQuery = options.onQuery;
  const client = postgres(withoutMarker(options.url), {
    max: options.max,
    prepare: options.prepare,
    onnotice: () => {},
    ...(onQuery ? { debug: (_connection: number, query: string) => onQuery(query) } : {}),
  });

  async function begin<T>(work: (connection: postgres.Sql) => Promise<T>): Promise<T> {
    const connection = await client.reserve();
    try {
      await connection.unsafe("begin");
      let result: T;
      try {
        result = await work(connection);
      } catch (error) {
        await connection.unsafe("rollback").catch(() => {});
        throw error;
      }
      const commit = await connection.unsafe("commit");
      if (commit.command !== "COMMIT") throw new TransactionRolledBackError();
      return result;
    } finally {
      connection.release();
    }
  }

  // drizzle reads `options`, runs statements with `unsafe` and transactions with `begin`.
  const forDrizzle = Object.assign(
    ((...args: Parameters<typeof client>) => client(...args)) as typeof client,
    client,
    { begin },
  );
  return { client, forDrizzle };
}
