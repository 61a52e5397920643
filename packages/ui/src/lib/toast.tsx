"use client";
import * as Toast from "@radix-ui/react-toast";
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";
import { cn } from "./cn";
import { useT } from "./i18n";

type Tone = "success" | "error";
type Item = { id: number; tone: Tone; message: string };
type Toaster = { success: (message: string) => void; error: (message: string) => void };

const ToastContext = createContext<Toaster | null>(null);
let nextId = 0;

/** Success and error toasts, announced to screen readers (Radix Toast: F8 focuses them). */
export function ToastProvider({ children }: { children: ReactNode }) {
  const t = useT("common");
  const [items, setItems] = useState<Item[]>([]);
  const push = useCallback((tone: Tone, message: string) => {
    nextId += 1;
    const id = nextId;
    setItems((current) => [...current.slice(-3), { id, tone, message }]);
  }, []);
  const toaster = useMemo<Toaster>(
    () => ({ success: (m) => push("success", m), error: (m) => push("error", m) }),
    [push],
  );
  return (
    <ToastContext.Provider value={toaster}>
      <Toast.Provider duration={5000} swipeDirection="right" label={t("notification")}>
        {children}
        {items.map((item) => (
          <Toast.Root
            key={item.id}
            type={item.tone === "error" ? "foreground" : "background"}
            data-toast={item.tone}
            onOpenChange={(open) => {
              if (!open) setItems((current) => current.filter((other) => other.id !== item.id));
            }}
            className={cn(
              "flex items-start justify-between gap-3 rounded-ok border bg-ok-bg px-4 py-3 text-sm text-ok-fg shadow-lg",
              item.tone === "error" ? "border-ok-danger" : "border-ok-border",
            )}
          >
            <Toast.Description>{item.message}</Toast.Description>
            <Toast.Close
              aria-label={t("dismiss")}
              className="rounded-ok px-1 text-ok-muted hover:text-ok-fg"
            >
              ×
            </Toast.Close>
          </Toast.Root>
        ))}
        <Toast.Viewport
          // Radix fills in {hotkey} itself ("F8"): passed through as written.
          label={t("notifications", { hotkey: "{hotkey}" })}
          className="fixed right-4 bottom-4 z-50 flex w-[min(24rem,calc(100vw-2rem))] flex-col gap-2 outline-none"
        />
      </Toast.Provider>
    </ToastContext.Provider>
  );
}

export function useToast(): Toaster {
  const toaster = useContext(ToastContext);
  if (!toaster) throw new Error("orgkit: wrap orgkit components in <OrgkitProvider>");
  return toaster;
}
