"use client";
import { useEffect } from "react";

/** Takes the sign-in token out of the address bar once the page has it (R40's rule). */
export function ForgetLinkToken() {
  useEffect(() => {
    window.history.replaceState(window.history.state, "", window.location.pathname);
  }, []);
  return null;
}
