import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/**
 * Seals Slack bot tokens for storage with AES-256-GCM (node:crypto), so a copy of the database (a backup, a dump
 * handed to support) holds no usable token. Each sealed value names the key that sealed it, and binds the row it
 * belongs to as associated data: a sealed token copied onto another workspace's row does not open.
 *
 * Rotation: set the new key as SLACK_TOKEN_KEY and the old one as SLACK_TOKEN_KEY_PREVIOUS; tokens sealed with either
 * open, new ones are sealed with the new key, and `npm run slack:rotate-key` reseals the old ones so that the
 * previous key can be dropped.
 */

const FORMAT = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface SealedToken {
  sealed: string;
  keyId: string;
}

export class TokenCipherError extends Error {
  constructor(readonly code: "bad_key" | "unknown_key" | "unreadable") {
    super(
      code === "bad_key"
        ? "SLACK_TOKEN_KEY must be 32 random bytes, base64 or hex (generate one with: openssl rand -base64 32)"
        : code === "unknown_key"
          ? "a stored Slack token was sealed with a key that is neither SLACK_TOKEN_KEY nor SLACK_TOKEN_KEY_PREVIOUS"
          : "a stored Slack token could not be opened (wrong key, or the row was altered)",
    );
    this.name = "TokenCipherError";
  }
}

interface Key {
  id: string;
  bytes: Buffer;
}

export class TokenCipher {
  private readonly current: Key;
  private readonly keys: Map<string, Key>;

  /** `currentKey` seals and opens; `previousKey` (during a rotation) only opens. */
  constructor(currentKey: string, previousKey?: string) {
    this.current = parseKey(currentKey);
    this.keys = new Map([[this.current.id, this.current]]);
    if (previousKey) {
      const previous = parseKey(previousKey);
      this.keys.set(previous.id, previous);
    }
  }

  /** The id of the key new tokens are sealed with (safe to store and to log: a hash prefix, not the key). */
  get currentKeyId(): string {
    return this.current.id;
  }

  /** Seals `token` for the row named by `boundTo` (the installation key). */
  seal(token: string, boundTo: string): SealedToken {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.current.bytes, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(boundTo, "utf8"));
    const body = Buffer.concat([cipher.update(token, "utf8"), cipher.final()]);
    const parts = [FORMAT, this.current.id, b64(iv), b64(cipher.getAuthTag()), b64(body)];
    return { sealed: parts.join("."), keyId: this.current.id };
  }

  /** Opens a value sealed for `boundTo`; throws a {@link TokenCipherError} (never the value) when it cannot. */
  open(sealed: string, boundTo: string): string {
    const [format, keyId, iv, tag, body, ...rest] = sealed.split(".");
    if (format !== FORMAT || !keyId || !iv || !tag || body === undefined || rest.length > 0) {
      throw new TokenCipherError("unreadable");
    }
    const key = this.keys.get(keyId);
    if (!key) throw new TokenCipherError("unknown_key");
    try {
      const decipher = createDecipheriv("aes-256-gcm", key.bytes, fromB64(iv), { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(boundTo, "utf8"));
      decipher.setAuthTag(fromB64(tag));
      return Buffer.concat([decipher.update(fromB64(body)), decipher.final()]).toString("utf8");
    } catch {
      throw new TokenCipherError("unreadable");
    }
  }
}

/** A key is 32 bytes written as base64 (44 characters) or hex (64); its id is a short hash, never the key. */
function parseKey(text: string): Key {
  const trimmed = text.trim();
  const bytes = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, "hex") : Buffer.from(trimmed, "base64");
  if (bytes.length !== 32) throw new TokenCipherError("bad_key");
  const id = createHash("sha256").update("roviec-slack-token-key").update(bytes).digest("base64url").slice(0, 10);
  return { id, bytes };
}

/** Whether `text` is a usable SLACK_TOKEN_KEY (for the configuration check). */
export function isTokenKey(text: string): boolean {
  try {
    parseKey(text);
    return true;
  } catch {
    return false;
  }
}

const b64 = (bytes: Buffer) => bytes.toString("base64url");
const fromB64 = (text: string) => Buffer.from(text, "base64url");
