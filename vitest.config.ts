import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests create real git repositories and run the built CLI as a subprocess.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
