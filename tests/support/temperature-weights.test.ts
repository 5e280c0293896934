// The temperature figure: its URL schema and summaries, and the core-computed reading, checked
// against the chapter's worked example and both limits of τ.
import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../src/core/tf';
import { TEMPERATURE_NAMESPACE, TEMPERATURE_SCHEMA } from '../../src/settings/temperature-weights';
import { parseUrlState } from '../../src/support/url-state';
import {
  argMax,
  distanceFromUniform,
  entropy,
  hardestTriplet,
  hotApproximation,
  negativeSimilarities,
} from '../../src/support/temperature-weights';
import { temperatureReading } from '../../src/support/temperature-weights-model';
import { expectClose, useCpu } from '../core/helpers';

const example = { sPos: 0.8, sNeg: [0.9, 0.5, 0.1, -0.3] };

describe('temperature figure state', () => {
  it('defaults to the worked example of the chapter', () => {
    const { values, notices } = parseUrlState(
      TEMPERATURE_SCHEMA,
      new URLSearchParams(),
      TEMPERATURE_NAMESPACE,
    );
    expect(notices).toEqual([]);
    expect(values.tau).toBe(1);
    expect(values.pos).toBe(0.8);
    expect(negativeSimilarities(values)).toEqual(example.sNeg);
  });

  it('clamps and explains bad parameters', () => {
    const { values, notices } = parseUrlState(
      TEMPERATURE_SCHEMA,
      new URLSearchParams('temp.s2=3&temp.count=5.6&temp.tau=abc'),
      TEMPERATURE_NAMESPACE,
    );
    expect(values.s2).toBe(1);
    expect(values.count).toBe(6);
    expect(values.tau).toBe(1);
    expect(negativeSimilarities(values)).toHaveLength(6);
    expect(notices).toHaveLength(3);
  });
});

describe('temperature summaries', () => {
  it('entropy is 0 for one-hot weights and log K for uniform ones', () => {
    expect(entropy([0, 1, 0])).toBe(0);
    expect(entropy([0.25, 0.25, 0.25, 0.25])).toBeCloseTo(Math.log(4), 12);
  });

  it('finds the hardest negative, the distance from uniform and the triplet value', () => {
    expect(argMax([0.1, 0.7, 0.7, 0.2])).toBe(1);
    expect(distanceFromUniform([0.5, 0.5])).toBe(0);
    expect(distanceFromUniform([1, 0, 0, 0])).toBe(0.75);
    expect(hardestTriplet(0.8, example.sNeg)).toBeCloseTo(0.1, 12);
    expect(hardestTriplet(0.95, example.sNeg)).toBe(0);
  });
});

describe('temperatureReading', () => {
  beforeAll(useCpu);

  it('reproduces the worked example at τ = 1, 0.2 and 0.1', () => {
    const at1 = temperatureReading(example.sPos, example.sNeg, 1);
    expectClose(at1.weights, [0.41, 0.28, 0.19, 0.12], { atol: 0.006 });
    expect(entropy(at1.weights)).toBeCloseTo(1.29, 2);
    const at02 = temperatureReading(example.sPos, example.sNeg, 0.2);
    expectClose(at02.weights, [0.87, 0.12, 0.02, 0.0], { atol: 0.006 });
    expect(entropy(at02.weights)).toBeCloseTo(0.46, 2);
    expect(temperatureReading(example.sPos, example.sNeg, 0.1).weights[0]).toBeCloseTo(0.98, 2);
  });

  it('gives the simple loss equal shares and its value at λ = 1/K', () => {
    const reading = temperatureReading(example.sPos, example.sNeg, 1);
    expectClose(reading.simpleShares, [0.25, 0.25, 0.25, 0.25], { atol: 1e-7 });
    expect(reading.lambda).toBe(0.25);
    expect(reading.simpleLoss).toBeCloseTo(-0.8 + 0.25 * 1.2, 6);
  });

  it('approaches the margin-0 triplet loss as τ → 0 (the chapter: L = 10.0 at τ = 0.01)', () => {
    const reading = temperatureReading(example.sPos, example.sNeg, 0.01);
    expect(reading.loss).toBeCloseTo(10.0, 3);
    expect(0.01 * reading.loss).toBeCloseTo(hardestTriplet(example.sPos, example.sNeg), 4);
    expect(reading.weights[0]).toBeGreaterThan(0.95);
  });

  it('approaches uniform weights and the simple loss as τ → ∞ (the chapter: 1.5704 vs 1.5694)', () => {
    const reading = temperatureReading(example.sPos, example.sNeg, 10);
    expect(reading.loss).toBeCloseTo(1.5704, 3);
    expect(hotApproximation(reading.simpleLoss, 4, 10)).toBeCloseTo(1.5694, 4);
    expect(distanceFromUniform(reading.weights)).toBeLessThan(0.02);
    expect(entropy(reading.weights)).toBeGreaterThan(Math.log(4) - 0.01);
  });

  it('splits the weight evenly between tied hardest negatives, however cold', () => {
    const reading = temperatureReading(0.2, [0.6, 0.6, 0.1], 0.01);
    expect(reading.weights[0]).toBeCloseTo(0.5, 5);
    expect(reading.weights[1]).toBeCloseTo(0.5, 5);
  });

  it('leaves no tensor behind', () => {
    temperatureReading(0.5, [0.1, 0.2], 1);
    const before = tf.memory().numTensors;
    for (const tau of [0.01, 0.3, 10]) temperatureReading(0.5, [0.1, 0.2, -0.4], tau);
    expect(tf.memory().numTensors).toBe(before);
  });
});
