// `npm run train:simclr`: headless SimCLR (scripts/train-simclr/main.ts). tfjs-core's ES build
// imports its own files without extensions, which Node's ES loader rejects; this resolve hook
// retries those relative imports with `.js` before the script (and so tfjs) is loaded.
import { register } from 'node:module';

const hook = `export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (error) {
    if (error?.code !== 'ERR_UNSUPPORTED_DIR_IMPORT' || !specifier.startsWith('.')) throw error;
    return next(specifier + '.js', context);
  }
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
await import('./train-simclr/main');
