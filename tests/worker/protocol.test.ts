// The training host and its comlink protocol: the commands, transferred results, errors that
// cross the wire with their message, equality of the main-thread and worker paths for a seed,
// and no tensors left after reset and dispose.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../src/core/tf';
import { sphereExperiment } from '../../src/worker/experiments/sphere';
import { SPHERE_DEFAULTS, type SphereParams } from '../../src/settings/sphere';
import { TrainingHost } from '../../src/worker/host';
import type { ExperimentName } from '../../src/worker/registry';
import { resultBuffers } from '../../src/worker/protocol';
import { localHost, remoteHost, typedApi, useCpu } from './helpers';

const params: SphereParams = { ...SPHERE_DEFAULTS, points: 64, groups: 3 };
const closers: (() => void)[] = [];

/** A sphere host over a MessageChannel, closed after the test. */
function openRemote() {
  const remote = remoteHost();
  closers.push(() => remote.close());
  return { api: typedApi<'sphere'>(remote.api) };
}

/** A sphere host on this thread. */
const sphereHost = () => typedApi<'sphere'>(localHost());

describe('training host', () => {
  beforeAll(useCpu);
  afterEach(() => closers.splice(0).forEach((close) => close()));

  it('reports its backend once and refuses to work before init and create', async () => {
    const host = localHost();
    await expect(host.create('sphere', params, 1)).rejects.toThrow(/init\(\)/);
    expect(await host.init(null)).toEqual({
      backend: 'cpu',
      reason: 'tests',
      threads: null,
      threadsWhy: null,
    });
    await expect(host.run(1, true)).rejects.toThrow(/create\(\)/);
    // A message can carry any name: the host checks it against the registry.
    await expect(host.create('nope' as ExperimentName, params, 1)).rejects.toThrow(
      /Unknown experiment "nope".*sphere/,
    );
    await expect(host.create('sphere', { ...params, tau: -1 }, 1)).rejects.toThrow(/tau/);
    await expect(host.create('sphere', params, 1.5)).rejects.toThrow(/seed/);
  });

  it('runs steps, reads back on request and sends the layout only when it changes', async () => {
    const host = sphereHost();
    await host.init(null);
    await host.create('sphere', params, 1);
    const first = await host.run(0, true);
    expect(first.step).toBe(0);
    expect(first.layout?.groups?.length).toBe(64);
    expect(first.snapshot?.arrays.points?.length).toBe(64 * 3);
    const second = await host.run(10, false);
    expect(second).toMatchObject({ step: 10, snapshot: null, layout: null });
    expect(second.readings.map((r) => r.step)).toEqual([5, 10]);
    await expect(host.run(-1, true)).rejects.toThrow(/steps/);
    expect(await host.setParams({ ...params, tau: 0.1 })).toBe(false);
    expect((await host.run(1, true)).step).toBe(11);
    expect(await host.setParams({ ...params, dim: 2 })).toBe(true);
    const rebuilt = await host.run(0, true);
    expect(rebuilt.step).toBe(0);
    expect(rebuilt.snapshot?.arrays.points?.length).toBe(64 * 2);
    expect(rebuilt.layout).not.toBeNull();
    await host.reset(3);
    expect((await host.run(0, true)).layout).not.toBeNull();
    await host.dispose();
  });

  it('gives the same numbers in-process and through the protocol, for the same seed', async () => {
    const direct = sphereExperiment.create(params, 5);
    await direct.run(12);
    const expected = await direct.snapshot();
    direct.dispose();

    const remote = openRemote();
    expect(await remote.api.init(null)).toEqual({
      backend: 'cpu',
      reason: 'tests',
      threads: null,
      threadsWhy: null,
    });
    await remote.api.create('sphere', params, 9);
    await remote.api.run(4, false);
    await remote.api.setParams({ ...params, objective: 'align' });
    await remote.api.run(3, false);
    await remote.api.setParams(params);
    await remote.api.reset(5);
    await remote.api.run(7, false);
    const got = await remote.api.run(5, true);
    expect(got.step).toBe(12);
    expect(got.snapshot?.arrays.points).toBeInstanceOf(Float32Array);
    expect(got.snapshot?.arrays.points).toEqual(expected.arrays.points);
    expect(got.snapshot?.metrics).toEqual(expected.metrics);
  });

  it('transfers the result arrays instead of copying them', async () => {
    const host = sphereHost();
    await host.init(null);
    await host.create('sphere', params, 1);
    const result = await host.run(0, true);
    const buffers = resultBuffers(result);
    expect(buffers.length).toBe(3); // points, groups, pairs
    const { port1, port2 } = new MessageChannel();
    port1.postMessage(result, buffers);
    expect(result.snapshot?.arrays.points?.byteLength).toBe(0); // detached: it moved
    port1.close();
    port2.close();
    await host.dispose();
  });

  it('sends errors across the wire with their message', async () => {
    const remote = openRemote();
    await remote.api.init(null);
    await expect(remote.api.run(1, true)).rejects.toThrow(/create\(\)/);
    await remote.api.create('sphere', params, 1);
    const magic = { ...params, objective: 'magic' } as unknown as SphereParams;
    await expect(remote.api.setParams(magic)).rejects.toThrow(/magic/);
    await remote.api.dispose();
  });

  it('leaves no tensors behind after resets, rebuilds and dispose', async () => {
    // Warm the cached constants (pair masks) of both sizes first: they are kept on purpose.
    const warm = new TrainingHost(async () => ({
      backend: 'cpu',
      reason: 'tests',
      threads: null,
      threadsWhy: null,
    }));
    await warm.init(null);
    for (const points of [64, 96]) {
      await warm.create('sphere', { ...params, points }, 1);
      await warm.run(5, true);
    }
    await warm.dispose();
    const baseline = tf.memory().numTensors;

    const remote = openRemote();
    await remote.api.init(null);
    for (let i = 0; i < 4; i++) {
      await remote.api.create('sphere', params, i);
      await remote.api.run(6, true);
      await remote.api.reset(i + 1);
      await remote.api.setParams({ ...params, points: 96 });
      await remote.api.run(6, true);
    }
    await remote.api.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
  });
});
