// Adam for the Trainer, with every variable updated at once. tfjs's AdamOptimizer runs its dozen
// elementwise ops once per variable (a small CNN: ten variables, 140 kernels a step); on WASM each
// kernel costs microseconds whatever its size, so here the gradients, values and moment estimates
// are single flat vectors and the update is one dozen kernels. The arithmetic is tfjs's, op for
// op and element by element, so the numbers are the same to the last bit.
import { tf } from './tf';

/** Adam (Kingma & Ba, 2015) as tf.AdamOptimizer computes it, on all variables as one vector. */
export class FlatAdam {
  private readonly accBeta1: tf.Variable;
  private readonly accBeta2: tf.Variable;
  /** First and second moment estimates, flat, in the order of the variables; made on first use. */
  private moments: { m: tf.Variable; v: tf.Variable } | null = null;

  constructor(
    private learningRate: number,
    private readonly beta1 = 0.9,
    private readonly beta2 = 0.999,
    private readonly epsilon = 1e-7,
  ) {
    // Made in tidies, which free the initial values and keep the variables.
    this.accBeta1 = tf.tidy(() => tf.variable(tf.scalar(beta1), false));
    this.accBeta2 = tf.tidy(() => tf.variable(tf.scalar(beta2), false));
  }

  /** Changes the learning rate from the next step on, keeping the moment estimates. */
  setLearningRate(rate: number): void {
    this.learningRate = rate;
  }

  /**
   * One step on `varList` down the gradient of `f`, like tf.Optimizer.minimize. The variables must
   * be the same, in the same order, on every call.
   *
   * @returns the value of `f` when `returnCost`, else null.
   */
  minimize(f: () => tf.Scalar, returnCost: boolean, varList: tf.Variable[]): tf.Scalar | null {
    const { value, grads } = tf.variableGrads(f, varList);
    try {
      this.apply(varList, grads);
    } finally {
      tf.dispose(grads);
    }
    if (returnCost) return value;
    value.dispose();
    return null;
  }

  /** Frees the moment estimates. */
  dispose(): void {
    tf.dispose([this.accBeta1, this.accBeta2]);
    if (this.moments) tf.dispose([this.moments.m, this.moments.v]);
    this.moments = null;
  }

  private apply(variables: tf.Variable[], grads: tf.NamedTensorMap): void {
    const sizes = variables.map((v) => v.size);
    const total = sizes.reduce((a, b) => a + b, 0);
    if (this.moments === null) {
      this.moments = {
        m: tf.tidy(() => tf.variable(tf.zeros([total]), false)),
        v: tf.tidy(() => tf.variable(tf.zeros([total]), false)),
      };
    }
    const { m, v } = this.moments;
    if (m.size !== total) throw new Error('FlatAdam: the variables changed between steps.');
    tf.tidy(() => {
      // tfjs skips a variable without a gradient (no connection to the loss): it keeps its value
      // and moments. Its place in the vector gets a zero gradient here, and its old values back.
      const present = variables.map((x) => grads[x.name] != null);
      const g = tf.concat(
        variables.map((x, i) =>
          present[i] ? tf.reshape(grads[x.name]!, [-1]) : tf.zeros([sizes[i]!]),
        ),
      );
      const value = tf.concat(variables.map((x) => tf.reshape(x, [-1])));
      const oneMinusAccBeta1 = tf.sub(1, this.accBeta1);
      const oneMinusAccBeta2 = tf.sub(1, this.accBeta2);
      let newM = tf.add(tf.mul(m, this.beta1), tf.mul(g, 1 - this.beta1));
      let newV = tf.add(tf.mul(v, this.beta2), tf.mul(tf.square(g), 1 - this.beta2));
      const mHat = tf.div(newM, oneMinusAccBeta1);
      const vHat = tf.div(newV, oneMinusAccBeta2);
      const step = tf.mul(tf.div(mHat, tf.add(tf.sqrt(vHat), this.epsilon)), -this.learningRate);
      const newValue = tf.split(tf.add(step, value), sizes);
      if (!present.every(Boolean)) {
        const keep = (next: tf.Tensor, old: tf.Tensor) => {
          const [fresh, stale] = [tf.split(next, sizes), tf.split(old, sizes)];
          return tf.concat(fresh.map((part, i) => (present[i] ? part : stale[i]!)));
        };
        newM = keep(newM, m);
        newV = keep(newV, v);
      }
      m.assign(newM);
      v.assign(newV);
      variables.forEach((x, i) => {
        if (present[i]) x.assign(tf.reshape(newValue[i]!, x.shape));
      });
      this.accBeta1.assign(tf.mul(this.accBeta1, this.beta1));
      this.accBeta2.assign(tf.mul(this.accBeta2, this.beta2));
    });
  }
}
