import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["@parley/source"] },
  ssr: { resolve: { conditions: ["@parley/source"] } },
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // botbuilder takes about 2 s to load; sharing the module cache per worker loads it once. The SDK's
    // static caches (OpenID metadata per URL) are keyed by each test's own fake, so nothing leaks.
    isolate: false,
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
