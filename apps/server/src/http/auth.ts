// Credential checks. Every failure is the same bare 401 so a caller learns nothing about which part was wrong.
import { hash, timingSafeEqual } from "node:crypto";
import { UnauthorizedError } from "./errors.js";

function digest(value: string): Buffer {
  return hash("sha256", value, "buffer");
}

export class AppAuth {
  private readonly keyDigest: Buffer;

  constructor(
    readonly appId: string,
    userKey: string,
  ) {
    this.keyDigest = digest(userKey);
  }

  /** Throws 401 unless the app id and user key match; comparing digests keeps it constant-time. */
  check(appId: string, userKey: unknown): void {
    const keyOk = typeof userKey === "string" && timingSafeEqual(digest(userKey), this.keyDigest);
    if (!keyOk || appId !== this.appId) throw new UnauthorizedError();
  }
}
