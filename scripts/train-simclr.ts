// `npm run train:simclr`: headless SimCLR (scripts/train-simclr/main.ts), loaded after the resolve
// hook that tfjs-core's ES build needs in Node (see scripts/cli.ts).
import { resolveFolderImports } from './cli';

resolveFolderImports();
await import('./train-simclr/main');
