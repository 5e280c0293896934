// The PyTorch side of `npm run bench`: scripts/bench/torch_bench.py, started once and asked for
// blocks of steps, so the tfjs and PyTorch timings can alternate within one run.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { StepTimes } from './settings';

/** Which BLAS PyTorch calls, as torch_bench.py found it. */
export interface BlasInfo {
  /** e.g. "OpenBLAS", or "the reference BLAS (netlib)". */
  name: string;
  /** The library file that defines sgemm, where it was found there. */
  library: string | null;
  /** The library's own description of its build, or how it was identified. */
  detail: string;
  /** False for the reference BLAS and for one that could not be identified. */
  optimised: boolean;
}

/** What torch_bench.py reports about itself on start. */
export interface TorchInfo {
  torch: string;
  threads: number;
  blas: BlasInfo;
}

/** A workload of torch_bench.py, with the same settings as its tfjs counterpart. */
export type TorchWorkload =
  | { workload: 'ntxent'; n: number; d: number; tau: number }
  | { workload: 'simclr'; batch: number; tau: number; lr: number };

const SCRIPT = fileURLToPath(new URL('./torch_bench.py', import.meta.url));

/** A running torch_bench.py. */
export class TorchBench {
  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    private readonly lines: AsyncIterator<string>,
    private readonly stderr: string[],
    readonly info: TorchInfo,
  ) {}

  /**
   * Starts `python` on torch_bench.py with one thread (and without the OpenBLAS core-type
   * overrides some shells carry); rejects with the script's last error line if it cannot start.
   */
  static async start(python: string): Promise<TorchBench> {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      OMP_NUM_THREADS: '1',
      OPENBLAS_NUM_THREADS: '1',
    };
    delete env.OPENBLAS_CORETYPE;
    delete env.OPENBLAS_L2_SIZE;
    const child = spawn(python, [SCRIPT], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    const stderr: string[] = [];
    createInterface({ input: child.stderr }).on('line', (line) => stderr.push(line));
    const spawnError = new Promise<never>((_, reject) => child.once('error', reject));
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const first = await Promise.race([lines.next(), spawnError]);
    if (first.done) {
      await new Promise((resolve) => child.once('close', resolve));
      throw new Error(stderr.filter((l) => l.trim()).at(-1) ?? `${python} exited without output`);
    }
    return new TorchBench(child, lines, stderr, JSON.parse(first.value) as TorchInfo);
  }

  /** Runs `steps` steps of `workload` (warmed up on first use); per-step wall and CPU ms. */
  async time(workload: TorchWorkload, steps: number): Promise<StepTimes> {
    this.child.stdin.write(`${JSON.stringify({ ...workload, steps })}\n`);
    const reply = await this.lines.next();
    if (reply.done) {
      throw new Error(`PyTorch stopped: ${this.stderr.filter((l) => l.trim()).at(-1) ?? ''}`);
    }
    return JSON.parse(reply.value) as StepTimes;
  }

  /** Ends the process. */
  close(): void {
    this.child.stdin.end();
  }
}
