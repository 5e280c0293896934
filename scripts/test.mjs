// `npm test`: type-check, lint, unit + component tests, build, end-to-end tests in headless Chromium.
// Stops at the first failing stage and prints how long each stage took.
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './chromium.mjs';

const stages = [
  ['type-check', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['unit and component tests', 'npm', ['run', '--silent', 'test:unit']],
  ['build', 'npm', ['run', '--silent', 'build']],
  ['end-to-end tests', 'npm', ['run', '--silent', 'test:e2e']],
];

const chromium = ensureChromium();
if (!chromium.ok) {
  console.error(chromium.message);
  process.exit(1);
}

const started = Date.now();
const timings = [];
for (const [name, cmd, args] of stages) {
  console.log(`\n▶ ${name}`);
  const start = Date.now();
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  const seconds = (Date.now() - start) / 1000;
  timings.push(`${name}: ${seconds.toFixed(1)} s`);
  if (result.status !== 0) {
    console.error(`\n✖ ${name} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
}
const total = ((Date.now() - started) / 1000).toFixed(1);
console.log(`\n✔ all stages passed in ${total} s\n  ${timings.join('\n  ')}`);
