// The host's own authentication: a deliberately small next-auth set-up for the fixture.
import { schema } from "@orgkit/core/server";
import { eq } from "drizzle-orm";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getOrgkit } from "./lib/orgkit";

export const { handlers, auth, signIn } = NextAuth({
  secret: process.env.AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt" },
  pages: { signIn: "/signin" },
  providers: [
    Credentials({
      credentials: { email: {} },
      async authorize(credentials) {
        const email = String(credentials.email ?? "")
          .trim()
          .toLowerCase();
        if (!email.includes("@")) return null;
        const { ctx } = await getOrgkit();
        const [found] = await ctx.db
          .select()
          .from(schema.users)
          .where(eq(schema.users.email, email));
        const user = found ?? (await ctx.db.insert(schema.users).values({ email }).returning())[0];
        return user ? { id: user.id, email: user.email } : null;
      },
    }),
  ],
  callbacks: {
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});
