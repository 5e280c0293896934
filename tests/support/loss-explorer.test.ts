// The loss explorer's geometry and URL state, without TensorFlow.js.
import { describe, expect, it } from 'vitest';
import { LOSS_EXPLORER_NAMESPACE, LOSS_EXPLORER_SCHEMA } from '../../src/settings/loss-explorer';
import { parseUrlState } from '../../src/support/url-state';
import {
  ARROW_MAX,
  EXPLORER_POINTS,
  angleAfterKey,
  arrowPath,
  circlePosition,
  descentArrow,
  pointAngles,
  pointerAngle,
  wrapDegrees,
} from '../../src/support/loss-explorer';

describe('loss explorer state', () => {
  it('has an angle for every point, anchor and positive first', () => {
    const { values } = parseUrlState(
      LOSS_EXPLORER_SCHEMA,
      new URLSearchParams(),
      LOSS_EXPLORER_NAMESPACE,
    );
    expect(EXPLORER_POINTS.map((p) => p.kind)).toEqual([
      'anchor',
      'positive',
      'negative',
      'negative',
      'negative',
      'negative',
      'negative',
    ]);
    expect(pointAngles(values)).toEqual([90, 65, 130, 10, 180, -130, -70]);
  });

  it('reads a shared link and clamps bad values with a notice', () => {
    const { values, notices } = parseUrlState(
      LOSS_EXPLORER_SCHEMA,
      new URLSearchParams('loss.tau=0.001&loss.n2=45&loss.n3=400&loss.bogus=1'),
      LOSS_EXPLORER_NAMESPACE,
    );
    expect(values.tau).toBe(0.01);
    expect(values.n2).toBe(45);
    expect(values.n3).toBe(180);
    expect(notices).toHaveLength(3);
  });
});

describe('loss explorer geometry', () => {
  it('wraps angles into (−180, 180]', () => {
    expect(wrapDegrees(190)).toBe(-170);
    expect(wrapDegrees(-180)).toBe(180);
    expect(wrapDegrees(540)).toBe(180);
    expect(wrapDegrees(-725)).toBe(-5);
  });

  it('turns a pointer offset (screen y down) into whole degrees', () => {
    expect(pointerAngle(10, 0)).toBe(0);
    expect(pointerAngle(0, -10)).toBe(90);
    expect(pointerAngle(-10, 0)).toBe(180);
    expect(pointerAngle(0, 10)).toBe(-90);
    expect(pointerAngle(10, -10.2)).toBe(46);
  });

  it('moves with arrow and page keys and ignores other keys', () => {
    expect(angleAfterKey(10, 'ArrowUp')).toBe(12);
    expect(angleAfterKey(10, 'ArrowLeft')).toBe(8);
    expect(angleAfterKey(170, 'PageUp')).toBe(-170);
    expect(angleAfterKey(10, 'Enter')).toBeNull();
  });

  it('places points with y pointing down', () => {
    const top = circlePosition(90, 100);
    expect(top.x).toBeCloseTo(0, 10);
    expect(top.y).toBeCloseTo(-100, 10);
  });

  it('draws the descent arrow along the tangent, against the gradient, and saturates it', () => {
    // At the top of the circle, a negative gradient means turning counter-clockwise: to the left.
    const left = descentArrow(90, -0.5, 100);
    expect(left.x2).toBeLessThan(left.x1);
    expect(left.y2).toBeCloseTo(left.y1, 10);
    const right = descentArrow(90, 0.5, 100);
    expect(right.x2).toBeGreaterThan(right.x1);
    expect(descentArrow(0, 1e6, 100).length).toBeCloseTo(100 * ARROW_MAX, 6);
    expect(descentArrow(0, 0.2, 100).length).toBeLessThan(descentArrow(0, 0.4, 100).length);
    expect(descentArrow(0, 0, 100).length).toBe(0);
  });

  it('draws an arrow path with a head, or nothing when too short', () => {
    expect(arrowPath(0, 0, 20, 0)).toMatch(/^M0\.00,0\.00L20\.00,0\.00M.*L20\.00,0\.00L/);
    expect(arrowPath(0, 0, 0.1, 0)).toBe('');
  });
});
