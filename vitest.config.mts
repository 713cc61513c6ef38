import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
    environment: 'node',
    // Real SQLite files in temp folders: parallel files are fine, but give slow machines room.
    testTimeout: 30_000,
    pool: 'forks',
  },
});
