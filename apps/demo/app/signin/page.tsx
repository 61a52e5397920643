import { normalizeIdentifier } from "@orgkit/core/policy";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth";

const ACCOUNTS = [
  "owner@demo.test",
  "admin@demo.test",
  "user@demo.test",
  "viewer@demo.test",
  "solo@demo.test",
];

/** Only local paths are followed after sign-in. */
const localPath = (value: string | undefined) =>
  value?.startsWith("/") && !value.startsWith("//") ? value : "/settings/organization";

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
}) {
  const { callbackUrl, error } = await searchParams;
  async function send(formData: FormData) {
    "use server";
    const next = localPath(String(formData.get("callbackUrl") ?? ""));
    let email: string;
    try {
      // R39: the same normalizer Auth.js is given, so the form refuses what it would.
      email = normalizeIdentifier(String(formData.get("email") ?? ""));
    } catch {
      redirect(`/signin?error=email&callbackUrl=${encodeURIComponent(next)}`);
    }
    await signIn("email", {
      email,
      redirectTo: next,
      redirect: false,
    });
    redirect(`/signin/check-email?email=${encodeURIComponent(email)}`);
  }
  return (
    <main lang="en" className="mx-auto max-w-md px-4 py-10">
      <h1 className="mb-2 text-2xl font-semibold">Sign in</h1>
      <p className="mb-6 text-sm text-ok-muted">
        Enter your email and follow the link that arrives in your mailbox.
      </p>
      <form
        action={send}
        className="flex flex-col gap-3 rounded-ok border border-ok-border bg-ok-bg p-5"
      >
        <input type="hidden" name="callbackUrl" value={localPath(callbackUrl)} />
        {error === "email" ? (
          <p role="alert" className="text-sm text-ok-danger">
            Enter a valid email address
          </p>
        ) : null}
        <label htmlFor="email" className="text-sm font-medium">
          Email
        </label>
        <input
          id="email"
          name="email"
          type="email"
          required
          autoComplete="email"
          className="min-h-9 rounded-ok border border-ok-border bg-ok-bg px-3 text-sm"
        />
        <button
          type="submit"
          className="min-h-9 rounded-ok bg-ok-primary px-3 text-sm font-medium text-ok-primary-fg"
        >
          Send sign-in link
        </button>
      </form>
      <p className="mt-6 text-sm text-ok-muted">Demo accounts: {ACCOUNTS.join(", ")}.</p>
    </main>
  );
}
