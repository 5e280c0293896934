// `npm run train:clip`: headless CLIP (scripts/train-clip/main.ts), loaded after the resolve hook
// that tfjs-core's ES build needs in Node (see scripts/cli.ts).
import { resolveFolderImports } from './cli';

resolveFolderImports();
await import('./train-clip/main');
