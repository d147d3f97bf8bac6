import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("./", import.meta.url));

export default defineConfig({
  resolve: {
    // Same alias as tsconfig.json "paths": "@/machines/x" -> "<repo>/machines/x".
    alias: [{ find: /^@\//, replacement: root }],
  },
  test: {
    environment: "node",
    include: ["test/unit/**/*.test.ts", "test/fidelity/**/*.test.ts"],
    // Whole simulated quarters run inside some tests; a loaded machine must not turn them red.
    testTimeout: 30_000,
  },
});
