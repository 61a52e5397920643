import { config, devMailboxEnabled } from "@/lib/config";

export default async function CheckEmailPage({
  searchParams,
}: {
  searchParams: Promise<{ email?: string }>;
}) {
  const { email } = await searchParams;
  return (
    <main lang="en" className="mx-auto max-w-md px-4 py-10">
      <h1 className="mb-2 text-2xl font-semibold">Check your email</h1>
      <p className="text-sm">
        A sign-in link was sent{email ? ` to ${email}` : ""}. It works once and expires in 24 hours.
      </p>
      {devMailboxEnabled() ? (
        <p className="mt-4 text-sm">
          No email provider is configured: open the{" "}
          <a className="underline underline-offset-4" href="/dev/mailbox">
            dev mailbox
          </a>
          .
        </p>
      ) : null}
      {!devMailboxEnabled() && !config.resendApiKey ? (
        <p role="alert" className="mt-4 text-sm">
          No email can be delivered: this demo has no email provider (RESEND_API_KEY) and its dev
          tools are off. Restart it with ORGKIT_DEV_TOOLS=1 to read sign-in links at /dev/mailbox.
        </p>
      ) : null}
    </main>
  );
}
