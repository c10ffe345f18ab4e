import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["@parley/source"] },
  ssr: { resolve: { conditions: ["@parley/source"] } },
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // Every file loads Bolt; sharing the module cache per worker cuts the suite from ~50 s to ~10 s
    // on a busy 2-core machine. The tests keep no module-level state that could leak between files.
    isolate: false,
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
