import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

// Two projects: the compute core and scripts run in plain Node (tfjs CPU/WASM backends);
// Vue components run in happy-dom.
export default defineConfig({
  test: {
    // Both cores: the default leaves one free, which on a 2-core machine runs the files one by one.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/components/**', 'tests/e2e/**'],
          testTimeout: 60_000,
        },
      },
      {
        plugins: [vue()],
        test: {
          name: 'components',
          environment: 'happy-dom',
          include: ['tests/components/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
