import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startParley } from "./start/run-start.js";

describe("parley start on a port that is taken", () => {
  it("fails with one line naming PORT and what to do", async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, "127.0.0.1", r));
    const port = (blocker.address() as { port: number }).port;
    const dir = mkdtempSync(join(tmpdir(), "parley-port-"));
    try {
      await expect(
        startParley({
          cwd: dir,
          print: () => {},
          env: { PORT: String(port), LOG_LEVEL: "silent", PARLEY_DATA_DIR: dir },
        }),
      ).rejects.toThrow(new RegExp(`PORT: 127\\.0\\.0\\.1:${port} is already in use`));
    } finally {
      blocker.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
