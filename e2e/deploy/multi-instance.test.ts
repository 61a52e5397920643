import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Cluster, startCluster } from "./cluster";
import type { SentEmail } from "./flaky-provider";
import { Person } from "./http-client";

const ROUNDS = 20;
const journal = JSON.parse(
  readFileSync(
    path.join(import.meta.dirname, "../../packages/core/drizzle/meta/_journal.json"),
    "utf8",
  ),
) as { entries: unknown[] };

describe("three instances of the demo behind PgBouncer (transaction mode)", () => {
  let cluster: Cluster;
  const statuses: number[] = [];
  let next = 0;
  /** The load balancer: each call goes to the next instance. */
  const any = () => {
    next += 1;
    return cluster.instances[next % cluster.instances.length]?.url ?? "";
  };
  const person = (email: string) => new Person(email, cluster.appUrl, statuses);

  beforeAll(async () => {
    cluster = await startCluster(3);
  }, 180_000);
  afterAll(async () => {
    await cluster?.stop();
  }, 60_000);

  /** Waits for the `seen + 1`-th email to `to` whose subject contains `subject`, sweeping meanwhile. */
  async function waitForEmail(to: string, subject: string, seen = 0): Promise<SentEmail> {
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const found = cluster.provider
        .sent()
        .filter((mail) => mail.to === to && mail.subject.includes(subject));
      if (found.length > seen) return found[found.length - 1] as SentEmail;
      await cluster.sweep(any());
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    throw new Error(`no "${subject}" email reached ${to}`);
  }

  const linkOf = (mail: SentEmail) => {
    const match = /https?:\/\/\S+/.exec(mail.text);
    if (!match) throw new Error(`no link in "${mail.subject}"`);
    return new URL(match[0]);
  };
  const tokenOf = (mail: SentEmail) => linkOf(mail).searchParams.get("token") ?? "";

  /** Auth.js's email sign-in over HTTP, each step on another instance. */
  async function signIn(email: string): Promise<Person> {
    const someone = person(email);
    const csrf = await someone.request(any(), "/api/auth/csrf");
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const asked = await someone.request(any(), "/api/auth/signin/email", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, email, callbackUrl: "/settings/organization" }),
    });
    expect(asked.status).toBe(302);
    const link = linkOf(await waitForEmail(email, "Sign in"));
    const confirmed = await someone.request(any(), "/api/signin/confirm", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: link.searchParams,
    });
    expect(confirmed.status).toBe(302);
    expect(someone.cookies.has("authjs.session-token")).toBe(true);
    return someone;
  }

  async function newOrganization(label: string) {
    const owner = await signIn(`${label}-owner@deploy.test`);
    const name = `Deploy ${label}`;
    await owner.must(any(), "organization.activate", { name });
    return { owner, name };
  }

  /** Invites `email`, waits for the email and returns its link token. */
  async function invite(admin: Person, email: string, username: string, role: string) {
    await admin.must(any(), "invitations.send", { email, username, role });
    return tokenOf(await waitForEmail(email, "You are invited"));
  }

  async function join(admin: Person, email: string, username: string, role: string) {
    const token = await invite(admin, email, username, role);
    const member = person(email);
    await member.must(any(), "invitations.accept", { token });
    return member;
  }

  async function memberId(organization: string, username: string): Promise<string> {
    const rows = await cluster.db<{ id: string }[]>`
      select m.id from members m join organizations o on o.id = m.organization_id
      where o.name = ${organization} and m.username = ${username} and m.status = 'ACTIVE'`;
    if (rows.length !== 1)
      throw new Error(`${username} is not one active member of ${organization}`);
    return rows[0]?.id ?? "";
  }

  it("R38 three instances started at once migrate one database once, through the pooler", async () => {
    const applied = await cluster.db<{ n: number }[]>`
      select count(*)::int as n from orgkit_migrations.__drizzle_migrations`;
    expect(applied[0]?.n).toBe(journal.entries.length);
    // Every instance serves a database request (the demo seeded Acme once, not three times).
    for (const instance of cluster.instances) {
      const csrf = await fetch(new URL("/api/auth/csrf", instance.url));
      expect(csrf.status).toBe(200);
    }
    const acme = await cluster.db<{ n: number }[]>`
      select count(*)::int as n from organizations where name = 'Acme'`;
    expect(acme[0]?.n).toBe(1);
  });

  it("R16 R18 two admins demoting each other on two instances: exactly one wins, 20 rounds", async () => {
    const { owner, name } = await newOrganization("demote");
    const a = await join(owner, "demote-a@deploy.test", "demote-a", "ADMIN");
    const b = await join(owner, "demote-b@deploy.test", "demote-b", "ADMIN");
    const ids = { a: await memberId(name, "demote-a"), b: await memberId(name, "demote-b") };
    for (let round = 0; round < ROUNDS; round += 1) {
      const [byA, byB] = await Promise.all([
        a.call(any(), "members.changeRole", { memberId: ids.b, role: "USER" }),
        b.call(any(), "members.changeRole", { memberId: ids.a, role: "USER" }),
      ]);
      // Whoever commits second is no longer an admin when its change is decided.
      expect([byA.ok, byB.ok].filter(Boolean)).toHaveLength(1);
      for (const result of [byA, byB]) if (!result.ok) expect(result.status).toBe(403);
      const demoted = byA.ok ? ids.b : ids.a;
      await owner.must(any(), "members.changeRole", { memberId: demoted, role: "ADMIN" });
    }
  }, 240_000);

  it("R13 R14 one invitation accepted on two instances at once: exactly one membership, 20 rounds", async () => {
    const { owner, name } = await newOrganization("accept");
    for (let round = 0; round < ROUNDS; round += 1) {
      const email = `accept-${round}@deploy.test`;
      const username = `accept-${round}`;
      const token = await invite(owner, email, username, "USER");
      const [first, second] = await Promise.all([
        person(email).call(any(), "invitations.accept", { token }),
        person(email).call(any(), "invitations.accept", { token }),
      ]);
      expect([first.ok, second.ok].filter(Boolean)).toHaveLength(1);
      for (const result of [first, second]) if (!result.ok) expect(result.status).toBeLessThan(500);
      const members = await cluster.db<{ n: number }[]>`
        select count(*)::int as n from members m join organizations o on o.id = m.organization_id
        where o.name = ${name} and m.username = ${username} and m.status = 'ACTIVE'`;
      expect(members[0]?.n).toBe(1);
    }
  }, 300_000);

  it("R23 R16 confirming a transfer while its target is removed: exactly one wins, 20 rounds", async () => {
    const started = await newOrganization("transfer");
    const { name } = started;
    let owner = started.owner;
    const admin = await join(owner, "transfer-admin@deploy.test", "transfer-admin", "ADMIN");
    let transfers = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      const email = `target-${round}@deploy.test`;
      const target = await join(owner, email, `target-${round}`, "USER");
      const targetId = await memberId(name, `target-${round}`);
      const seen = cluster.provider
        .sent()
        .filter((mail) => mail.to === owner.email && mail.subject.includes("Confirm")).length;
      await owner.must(any(), "ownership.start", { memberId: targetId });
      const token = tokenOf(await waitForEmail(owner.email, "Confirm", seen));
      const [confirmed, removed] = await Promise.all([
        owner.call(any(), "ownership.confirm", { token }),
        admin.call(any(), "members.remove", { memberId: targetId }),
      ]);
      expect([confirmed.ok, removed.ok].filter(Boolean)).toHaveLength(1);
      for (const result of [confirmed, removed]) {
        if (!result.ok) expect(result.status).toBeLessThan(500);
      }
      if (confirmed.ok) {
        owner = target;
        transfers += 1;
      }
    }
    console.info(`transfer won ${transfers} of ${ROUNDS} rounds, removal the others`);
  }, 480_000);

  it("R16 R38 afterwards: one owner and an admin per organization, each email sent exactly once, no 5xx", async () => {
    // Let the outbox finish: every message sent, none dead.
    for (let attempt = 0; attempt < 100; attempt += 1) {
      await cluster.sweep(any());
      const [open] = await cluster.db<{ n: number }[]>`
        select count(*)::int as n from email_outbox where status = 'PENDING'`;
      if (open?.n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    // Every message sent, none dead; only a transfer's confirmation may be cancelled (its
    // target was removed while the email's retry was still queued).
    const outbox = await cluster.db<{ key: string; status: string; template: string }[]>`
      select message_key as key, status, template from email_outbox`;
    expect(outbox.filter((row) => row.status !== "SENT" && row.status !== "CANCELLED")).toEqual([]);
    const cancelled = outbox.filter((row) => row.status === "CANCELLED");
    expect(cancelled.filter((row) => row.template !== "ownership-transfer-confirmation")).toEqual(
      [],
    );

    const organizations = await cluster.db<{ name: string; owners: number; admins: number }[]>`
      select o.name,
        count(*) filter (where m.role = 'OWNER' and m.status = 'ACTIVE')::int as owners,
        count(*) filter (where m.role in ('OWNER', 'ADMIN') and m.status = 'ACTIVE')::int as admins
      from organizations o left join members m on m.organization_id = o.id
      group by o.name order by o.name`;
    expect(organizations.length).toBeGreaterThanOrEqual(4);
    for (const organization of organizations) {
      expect(organization, organization.name).toMatchObject({ owners: 1 });
      expect(organization.admins, organization.name).toBeGreaterThanOrEqual(1);
    }

    // Every invitation the app sent (not the seed's, which joined without email) reached the
    // provider exactly once, although the provider failed the first attempt of each.
    const invitations = await cluster.db<{ email: string; n: number }[]>`
      select i.email, count(*)::int as n from invitations i
      join organizations o on o.id = i.organization_id
      where o.name <> 'Acme' group by i.email`;
    expect(invitations.length).toBeGreaterThan(2 * ROUNDS);
    // The demo's seed (Acme, @demo.test) deletes its invitations' emails after queueing them;
    // another instance's worker may deliver one first, so those addresses are left out.
    const invitationEmails = cluster.provider
      .sent()
      .filter((mail) => mail.subject.startsWith("You are invited"))
      .filter((mail) => !mail.to.endsWith("@demo.test"));
    for (const invitation of invitations) {
      const received = invitationEmails.filter((mail) => mail.to === invitation.email);
      expect(received, invitation.email).toHaveLength(invitation.n);
    }
    expect(invitationEmails).toHaveLength(invitations.reduce((sum, row) => sum + row.n, 0));
    expect(cluster.provider.stats().failures).toBeGreaterThan(2 * ROUNDS);
    // No message was sent twice: each sent key saw its failed first attempt and one retry, and
    // no other instance or stale lease sent it again; a cancelled one was never retried.
    const sent = outbox.filter((row) => row.status === "SENT");
    expect(sent.length).toBeGreaterThan(2 * ROUNDS);
    expect(sent.filter((row) => cluster.provider.attemptsOf(row.key) !== 2)).toEqual([]);
    expect(cancelled.filter((row) => cluster.provider.attemptsOf(row.key) > 1)).toEqual([]);

    expect(statuses.length).toBeGreaterThan(10 * ROUNDS);
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
  }, 120_000);

  it("R38 every instance renders and sends email through its own sweep", async () => {
    // The sweeps above went to any instance: one that could not render would hide behind the
    // others. Here each instance alone claims a message, and the provider must see it.
    for (const [index, instance] of cluster.instances.entries()) {
      let claimed: string | undefined;
      // Another instance's periodic sweep may claim the probe first: then try a new one.
      for (let attempt = 0; attempt < 5 && !claimed; attempt += 1) {
        const payload = { organizationName: "Probe", previousOwner: "a", newOwner: "b" };
        const [probe] = await cluster.db<{ key: string }[]>`
          insert into email_outbox (template, "to", payload, next_attempt_at, created_at)
          values ('ownership-transferred', ${`probe-${index}-${attempt}@deploy.test`},
            ${cluster.db.json(payload)}, now(), now())
          returning message_key as key`;
        const report = await cluster.sweep(instance.url);
        if (report.sent + report.retrying + report.dead === 1) claimed = probe?.key;
      }
      expect(claimed, instance.url).toBeDefined();
      expect(cluster.provider.attemptsOf(claimed ?? ""), instance.url).toBe(1);
    }
  }, 60_000);
});
