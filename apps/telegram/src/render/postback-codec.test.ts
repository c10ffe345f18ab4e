import { describe, expect, it } from "vitest";
import { PostbackCodec } from "./postback-codec.js";

describe("postbacks in callback_data (64 bytes at most)", () => {
  it("carry a short postback as is", () => {
    const codec = new PostbackCodec();
    expect(codec.encode("color red")).toBe("color red");
    expect(codec.decode("color red")).toBe("color red");
  });

  it("map a postback over 64 bytes (counted in UTF-8) through a short token", () => {
    const codec = new PostbackCodec();
    const long = "é".repeat(33); // 33 characters, 66 bytes
    const data = codec.encode(long);
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    expect(codec.decode(data)).toBe(long);
  });

  it("forget the oldest tokens past capacity: their buttons expire", () => {
    const codec = new PostbackCodec(2);
    const [a, b, c] = ["a", "b", "c"].map((x) => codec.encode(x.repeat(80)));
    expect(codec.decode(a as string)).toBeUndefined();
    expect(codec.decode(b as string)).toBe("b".repeat(80));
    expect(codec.decode(c as string)).toBe("c".repeat(80));
  });

  it("never confuse a postback that looks like a token with one", () => {
    const codec = new PostbackCodec();
    const data = codec.encode("~literal");
    expect(data).not.toBe("~literal");
    expect(codec.decode(data)).toBe("~literal");
  });
});
