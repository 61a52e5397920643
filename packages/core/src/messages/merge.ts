import type { Messages } from "./types";

/**
 * Messages laid over a catalogue, by section and key; leaves are ICU MessageFormat strings. A
 * whole catalogue is one too: how a host supplies German (`messagesFor("de")`) or a language
 * orgkit does not ship.
 */
export type MessageOverrides = DeepPartial<Messages>;

type DeepPartial<T> = {
  readonly [K in keyof T]?: T[K] extends string ? string : DeepPartial<T[K]>;
};

/**
 * `base` with `overrides` laid over it, key by key at every depth (overriding one page title
 * keeps the others); `base` itself when there are none.
 * @example mergeMessages(en, { users: { title: "Team" } }).users.title; // "Team"
 */
export function mergeMessages(base: Messages, overrides?: MessageOverrides): Messages {
  return overrides ? (merge(base, overrides) as Messages) : base;
}

function merge(base: object, over: object): object {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    // Only keys the catalogue has: a stray key would be shown nowhere.
    if (!Object.hasOwn(base, key) || value === undefined || value === null) continue;
    const current = (base as Record<string, unknown>)[key];
    if (typeof current === "string") {
      if (typeof value === "string") merged[key] = value;
    } else if (typeof value === "object" && current && typeof current === "object") {
      merged[key] = merge(current, value);
    }
  }
  return merged;
}
