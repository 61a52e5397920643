import { signIn } from "../../auth";

export default function SignIn() {
  async function send(formData: FormData) {
    "use server";
    await signIn("credentials", {
      email: formData.get("email"),
      redirectTo: "/settings/organization",
    });
  }
  return (
    <main>
      <h1>Sign in</h1>
      <form action={send}>
        <label htmlFor="email">Email</label>
        <input id="email" name="email" type="email" required />
        <button type="submit">Sign in</button>
      </form>
    </main>
  );
}
