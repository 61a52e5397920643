import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/** R33: 256 random bits, URL-safe; only the SHA-256 hash is stored. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function sealingKey(secret: string): Buffer {
  return createHash("sha256").update(`orgkit:outbox:${secret}`).digest();
}

/**
 * Encrypts a token for the email outbox (AES-256-GCM), so a queued email can be
 * retried without the token ever resting in the database in plain text.
 */
export function sealToken(secret: string, token: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", sealingKey(secret), iv);
  const body = Buffer.concat([cipher.update(token, "utf8"), cipher.final()]);
  return [iv, body, cipher.getAuthTag()].map((part) => part.toString("base64url")).join(".");
}

export function openToken(secret: string, sealed: string): string {
  const [iv, body, tag] = sealed.split(".").map((part) => Buffer.from(part, "base64url"));
  if (!iv || !body || !tag) throw new Error("orgkit: malformed sealed token");
  const decipher = createDecipheriv("aes-256-gcm", sealingKey(secret), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
}
