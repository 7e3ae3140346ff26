import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Each test file: its own code cache directory for the built CLI, its temp dirs removed after it.
    setupFiles: ['test/helpers/setup.ts'],
    // End-to-end tests create real git repositories and run the built CLI as a subprocess.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
