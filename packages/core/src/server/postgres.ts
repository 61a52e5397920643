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
 * transaction pooler), port 6432 (PgBouncer's default) or a `-pooler.` host name (Neon's
 * pooled endpoint).
 *
 * @example
 * isPooledUrl("postgres://u:p@aws-0-eu.pooler.supabase.com:6543/postgres"); // true
 * isPooledUrl("postgres://u@127.0.0.1:5432/app"); // false
 */
export function isPooledUrl(url: string): boolean {
  // Read as text: a multi-host URL (`h1:5432,h2:5432`), which postgres-js accepts, is no WHATWG URL.
  const [hosts = ""] = url.replace(/^[a-z]+:\/\/([^@/]*@)?/i, "").split(/[/?]/);
  return (
    /[?&]pgbouncer=true(&|$)/.test(url) ||
    /:(6543|6432)(,|$)/.test(hosts) ||
    hosts.includes("-pooler.")
  );
}

/** The URL without orgkit's own `pgbouncer` marker, which PostgreSQL would refuse as a setting. */
function withoutMarker(url: string): string {
  return url.replace(/([?&])pgbouncer=[^&]*(&|$)/, (_, before: string, after: string) =>
    after ? before : "",
  );
}

/**
 * Whether `url` reaches PostgreSQL through a transaction-mode pooler, found by trying: there a
 * client connection's statements run on whichever server connection is free. One connection
 * notes its server process, a second opens a transaction (a pooler hands it the server just
 * freed, the most recently used), then the first asks again. Directly its process is the same;
 * through a pooler it differs, or the question waits for the transaction (a pool of one).
 * A pooler that deals servers round robin may pass for direct: mark its URL.
 *
 * @returns true through a transaction-mode pooler; false directly or through a session pooler.
 * @throws the driver's error when the database cannot be reached.
 * @example if (await behindTransactionPooler(process.env.DATABASE_URL)) console.warn("pooled");
 */
export async function behindTransactionPooler(url: string): Promise<boolean> {
  const probe = postgres(withoutMarker(url), {
    max: 2,
    prepare: false,
    // Not `fetch_types: false`: with it, postgres-js never hands out a first reserved connection.
    onnotice: () => {},
    ...({ max_pipeline: 0 } as postgres.Options<Record<string, never>>),
  });
  const pid = async (sql: postgres.Sql) =>
    (await sql<{ pid: number }[]>`select pg_backend_pid() as pid`)[0]?.pid;
  try {
    const [first, second] = [await probe.reserve(), await probe.reserve()];
    try {
      const before = await pid(first);
      await second.unsafe("begin");
      await pid(second);
      const waited = new Promise<null>((resolve) => setTimeout(() => resolve(null), 1000).unref());
      // Caught: through a pool of one it may still be waiting when the probe ends.
      const after = await Promise.race([pid(first).catch(() => null), waited]);
      return after === null || after !== before;
    } finally {
      await second.unsafe("rollback").catch(() => {});
      first.release();
      second.release();
    }
  } finally {
    await probe.end({ timeout: 1 });
  }
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
 *
 * Off a pooler (`prepare`), statements are pipelined: BEGIN travels with the transaction's first
 * statement, and a read sent behind another goes in the same round trip. Through a pooler
 * (`prepare` off) nothing is: a transaction-mode pooler may hand the server connection on when
 * it sees one reply end, and wedge the statements still in flight (postgres-js issue #970 with
 * Supavisor). Prepared statements through such a pooler are unsupported: they fail, and
 * pipelined ones can hang, since postgres-js retries each in the aborted transaction.
 */
export function createPostgresClient(options: PostgresOptions) {
  const onQuery = options.onQuery;
  const client = postgres(withoutMarker(options.url), {
    max: options.max,
    prepare: options.prepare,
    // 0: a statement waits for the one before it (the default is 100 in flight). An option of
    // postgres-js that its type declarations leave out.
    ...({ max_pipeline: options.prepare ? 100 : 0 } as postgres.Options<Record<string, never>>),
    onnotice: () => {},
    ...(onQuery ? { debug: (_connection: number, query: string) => onQuery(query) } : {}),
  });

  async function begin<T>(work: (connection: postgres.Sql) => Promise<T>): Promise<T> {
    const connection = await client.reserve();
    const transaction = inTransaction(connection, options.prepare);
    try {
      // BEGIN is sent, not awaited: pipelined, the work's first statement follows it in the same
      // flight, one round trip fewer per transaction. The server runs them in order. BEGIN fails
      // only with its connection, and then every statement after it fails too.
      const began = connection.unsafe("begin").execute();
      began.catch(() => {}); // awaited below; until then its failure is not unhandled
      let result: T;
      try {
        result = await work(transaction.sql);
        await began;
      } catch (error) {
        // A COMMIT sent behind a statement that failed is answered ROLLBACK.
        await transaction.commit?.catch(() => {});
        await connection.unsafe("rollback").catch(() => {});
        throw error;
      }
      const commit = await (transaction.commit ?? connection.unsafe("commit"));
      if (commit.command !== "COMMIT") throw new TransactionRolledBackError();
      return result;
    } finally {
      connection.release();
    }
  }

  // drizzle reads `options`, runs statements with `unsafe` and transactions with `begin`.
  const forDrizzle = Object.assign(preparing(client, options.prepare), { begin });
  return { client, forDrizzle };
}

/** The key of a transaction's `sql` under which `lastStatement` finds `commitBehindNext`. */
export const COMMIT_BEHIND = Symbol("orgkit.commitBehind");

/**
 * `sql` whose `unsafe` prepares statements with parameters when `prepare` says so. postgres-js
 * prepares no `unsafe` statement unless asked, and drizzle sends every statement through it.
 * Unprepared, postgres-js describes a statement with parameters in a round trip of its own
 * before it runs it, and sends nothing behind it meanwhile: two round trips a statement, none
 * pipelined. Prepared, a statement takes one round trip from its second use on. orgkit's
 * statements are a fixed set of shapes, so each connection's cache stays small.
 */
function preparing(sql: postgres.Sql, prepare: boolean, after?: (statement: Query) => void) {
  const unsafe = ((
    query: string,
    parameters?: postgres.ParameterOrJSON<never>[],
    queryOptions?: postgres.UnsafeQueryOptions,
  ) => {
    const statement = sql.unsafe(query, parameters, {
      ...queryOptions,
      prepare: prepare && parameters !== undefined && parameters.length > 0,
    });
    after?.(statement);
    return statement;
  }) as postgres.Sql["unsafe"];
  return Object.assign(((...args: Parameters<typeof sql>) => sql(...args)) as typeof sql, sql, {
    unsafe,
  });
}

type Query = { execute(): unknown };

/**
 * A transaction's `sql` for drizzle, and the COMMIT that `lastStatement` may have sent behind
 * the work's last statement (see `commitBehindNext`).
 */
function inTransaction(connection: postgres.ReservedSql, prepare: boolean) {
  let armed = false;
  const state: {
    sql: postgres.Sql;
    commit: Promise<postgres.RowList<postgres.Row[]>> | undefined;
  } = { sql: connection, commit: undefined };
  state.sql = Object.assign(
    preparing(connection, prepare, (statement) => {
      if (!armed) return;
      armed = false;
      // The statement first, then COMMIT: the driver sends them in the order they start.
      statement.execute();
      const commit = connection.unsafe("commit").execute();
      commit.catch(() => {}); // awaited by `begin`
      state.commit = commit;
    }),
    {
      /** The next statement goes with COMMIT right behind it, in the same round trip. */
      [COMMIT_BEHIND]: () => {
        armed = true;
      },
    },
  );
  return state;
}
