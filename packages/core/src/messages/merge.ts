import type { Catalogue, Messages } from "./types";

/**
 * Messages laid over a catalogue, by section and key; leaves are ICU MessageFormat strings. A
 * whole catalogue is one too: how a host supplies German (`messagesFor("de")`) or a language
 * orgkit does not ship.
 */
export type MessageOverrides = { readonly [K in keyof Messages]?: Partial<Catalogue<Messages[K]>> };

/**
 * `base` with `overrides` laid over it, section by section; `base` itself when there are none.
 * @example mergeMessages(en, { users: { title: "Team" } }).users.title; // "Team"
 */
export function mergeMessages(base: Messages, overrides?: MessageOverrides): Messages {
  if (!overrides) return base;
  const merged: Record<string, unknown> = { ...base };
  for (const [section, messages] of Object.entries(overrides)) {
    if (!Object.hasOwn(base, section) || !messages) continue;
    merged[section] = { ...base[section as keyof Messages], ...messages };
  }
  return merged as Messages;
}
