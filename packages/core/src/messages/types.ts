import type { en } from "./en";

/** A catalogue shaped like `T`, every leaf a message string. */
export type Catalogue<T> = {
  readonly [K in keyof T]: T[K] extends string ? string : Catalogue<T[K]>;
};

/** The shape of every locale's catalogue: English's keys, each an ICU MessageFormat string. */
export type Messages = Catalogue<typeof en>;

/** English's own type, literal messages included: translators infer each message's arguments from it. */
export type EnglishMessages = typeof en;
