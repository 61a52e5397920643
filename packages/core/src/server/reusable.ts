import { is, Param, Placeholder, type Query, sql } from "drizzle-orm";
import type { WithCacheConfig } from "drizzle-orm/cache/core/types";
import type {
  PgPreparedQuery,
  PgTable,
  PgUpdateSetSource,
  PreparedQueryConfig,
  SelectedFieldsOrdered,
} from "drizzle-orm/pg-core";
import type { Queryable } from "./db";

/** What drizzle's prepared query keeps of a built statement: its text and how rows map. */
type Built = {
  query: Query;
  /** What drizzle's query cache, when the host's drizzle has one, needs to hear of a write. */
  queryMetadata: PreparedInternals["queryMetadata"];
  cacheConfig: PreparedInternals["cacheConfig"];
  fields: SelectedFieldsOrdered | undefined;
  arrayMode: boolean;
  joinsNotNullableMap: Record<string, boolean> | undefined;
};

/** The fields drizzle's prepared queries carry on both drivers (postgres-js and PGlite). */
type PreparedInternals = {
  queryMetadata?: { type: "select" | "update" | "delete" | "insert"; tables: string[] };
  cacheConfig?: WithCacheConfig;
  fields?: SelectedFieldsOrdered;
  _isResponseInArrayMode?: boolean;
  joinsNotNullableMap?: Record<string, boolean>;
};

/**
 * drizzle sends a null value as NULL, but a placeholder's value goes through the column's
 * encoder even when null: a jsonb column would store the JSON `null`, a timestamp would throw.
 * A column's placeholder sends null as NULL here too.
 */
function nullSafe(param: unknown): unknown {
  if (!is(param, Param) || !is(param.value, Placeholder)) return param;
  const { encoder } = param;
  return new Param(param.value, {
    mapToDriverValue: (value: unknown) => (value === null ? null : encoder.mapToDriverValue(value)),
  });
}

/** A built query that drizzle can prepare: a select, insert, update or delete builder. */
type Preparable = { prepare(name: string): PgPreparedQuery<PreparedQueryConfig> };

/** A `reusable` statement: run on a connection or transaction with its placeholders' values. */
export type Reusable<R> = (db: Queryable, values: Record<string, unknown>) => Promise<R>;

/**
 * A statement whose SQL text drizzle builds once per process, run in any transaction with new
 * values. drizzle builds a statement's text on every call, walking every fragment of it: half
 * of a role change's Node time (0.5 of 1 ms). Its own `prepare()` keeps the text but binds it
 * to one session, so it cannot serve the transactions that come later; this keeps the text and
 * the row mapping, and binds them to the session of each call.
 *
 * `build` must be a fixed shape: every value that changes between calls is a
 * `sql.placeholder(name)`, given in `values`. A placeholder compared with or written to a
 * column goes through the column's encoder, as a value would; one inside raw `sql` is sent as
 * given (pass a moment there as an ISO 8601 string and cast it, `${now}::timestamptz`).
 *
 * @param build Builds the statement on the queryable it is given (called once, on first use).
 * @returns `(tx, values) => rows`: the rows as the builder would map them.
 * @throws Error when a placeholder has no value or an undefined one; the driver's error on
 *   failure.
 * @example
 * const byId = reusable<{ id: string }[]>((db) =>
 *   db.select({ id: members.id }).from(members).where(eq(members.id, sql.placeholder("id"))),
 * );
 * const rows = await byId(tx, { id });
 */
export function reusable<R>(build: (db: Queryable) => Preparable): Reusable<R> {
  let built: Built | undefined;
  // Async, so a refusal is a rejected promise; the statement is still sent before it returns.
  return async (db, values) => {
    if (!built) {
      const prepared = build(db).prepare("orgkit");
      const internals = prepared as unknown as PreparedInternals;
      const query = prepared.getQuery();
      built = {
        query: { sql: query.sql, params: query.params.map(nullSafe) },
        fields: internals.fields,
        arrayMode: internals._isResponseInArrayMode ?? false,
        joinsNotNullableMap: internals.joinsNotNullableMap,
        queryMetadata: internals.queryMetadata,
        cacheConfig: internals.cacheConfig,
      };
    }
    for (const [name, value] of Object.entries(values)) {
      // drizzle leaves an undefined value out (a column keeps its value or takes its default);
      // a statement of fixed shape cannot, and the drivers would each do something else.
      if (value === undefined) throw new Error(`orgkit: no value for placeholder "${name}"`);
    }
    // Unnamed: the driver decides whether to prepare (see `preparing` in postgres.ts).
    const query = db._.session.prepareQuery(
      built.query,
      built.fields,
      undefined,
      built.arrayMode,
      undefined,
      built.queryMetadata,
      built.cacheConfig,
    );
    (query as unknown as PreparedInternals).joinsNotNullableMap = built.joinsNotNullableMap;
    return query.execute(values) as Promise<R>;
  };
}

/**
 * A row of placeholders for a `reusable` statement, one per column, named `${prefix}${column}`
 * so rows of several tables can share a statement, and `values`, which names a row's values
 * the same way for the call.
 *
 * @example
 * const audit = placeholderRow("audit.", ["action", "createdAt"]);
 * // build: db.insert(auditEvents).values({ ...audit.row, ... })
 * // call:  statement(tx, { ...audit.values({ action, createdAt: now }) })
 */
export function placeholderRow<K extends string>(prefix: string, columns: readonly K[]) {
  return {
    row: Object.fromEntries(
      columns.map((column) => [column, sql.placeholder(`${prefix}${column}`)]),
    ) as Record<K, Placeholder>,
    values: (row: { readonly [C in K]: unknown }) =>
      Object.fromEntries(columns.map((column) => [`${prefix}${column}`, row[column]])),
  };
}

/**
 * An update's `set` for a `reusable` statement: drizzle binds a placeholder in `set` with the
 * column's encoder, as it binds a value, but its types leave placeholders out.
 *
 * @example db.update(members).set(placeholderSet(members, { role: sql.placeholder("role") }))
 */
export const placeholderSet = <T extends PgTable>(
  _table: T,
  set: { [K in keyof T["$inferInsert"]]?: unknown },
) => set as PgUpdateSetSource<T>;

/**
 * `reusable` statements of several shapes (a number of rows, a variant), each built on its
 * first use. Shapes are compared as Map keys do: use numbers, strings or booleans.
 *
 * @param build The statement of one shape, as `reusable` takes it.
 * @returns `(shape) => statement`.
 * @example
 * const insertRows = reusableShapes((rows: number) => (db) => db.insert(t).values(rowsOf(rows)));
 * await insertRows(2)(tx, values);
 */
export function reusableShapes<S, R>(
  build: (shape: S) => (db: Queryable) => Preparable,
): (shape: S) => Reusable<R> {
  const statements = new Map<S, Reusable<R>>();
  return (shape) => {
    let statement = statements.get(shape);
    if (!statement) {
      statement = reusable<R>(build(shape));
      statements.set(shape, statement);
    }
    return statement;
  };
}
