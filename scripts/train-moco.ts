// `npm run train:moco`: headless MoCo (scripts/train-moco/main.ts), loaded after the resolve hook
// that tfjs-core's ES build needs in Node (see scripts/cli.ts).
import { resolveFolderImports } from './cli';

resolveFolderImports();
await import('./train-moco/main');
