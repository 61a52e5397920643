import { ForgetLinkToken } from "./forget-link-token";

/**
 * Where the emailed sign-in link lands. Opening it signs nobody in (mail scanners open
 * links); the person's click on "Sign in" spends the link, through Auth.js's callback.
 */
export default async function ConfirmSignInPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string; email?: string; callbackUrl?: string }>;
}) {
  const { token, email, callbackUrl } = await searchParams;
  return (
    <main lang="en" className="mx-auto max-w-md px-4 py-10">
      <meta name="referrer" content="no-referrer" />
      <ForgetLinkToken />
      <h1 className="mb-2 text-2xl font-semibold">Sign in</h1>
      {token && email ? (
        <form
          method="post"
          action="/api/signin/confirm"
          className="flex flex-col gap-3 rounded-ok border border-ok-border bg-ok-bg p-5"
        >
          <p className="text-sm">
            Sign in as <strong>{email}</strong>.
          </p>
          <input type="hidden" name="token" value={token} />
          <input type="hidden" name="email" value={email} />
          <input type="hidden" name="callbackUrl" value={callbackUrl ?? "/settings/organization"} />
          <button
            type="submit"
            className="min-h-9 rounded-ok bg-ok-primary px-3 text-sm font-medium text-ok-primary-fg"
          >
            Sign in
          </button>
        </form>
      ) : (
        <p role="alert" className="text-sm">
          This sign-in link is not valid. <a href="/signin">Ask for a new one</a>.
        </p>
      )}
    </main>
  );
}
