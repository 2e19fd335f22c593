import * as assert from 'node:assert/strict';
import { overlapRegions } from '../../src/core/coding/overlaps';

describe('overlapRegions', () => {
  it('finds the region two frames share and names both, in order of appearance', () => {
    const regions = overlapRegions([
      { start: 0, end: 20, frame: 'territory' },
      { start: 10, end: 30, frame: 'data' },
    ]);
    assert.deepEqual(regions, [{ start: 10, end: 20, frames: ['territory', 'data'] }]);
  });

  it('ignores overlaps of one frame with itself and spans that only touch', () => {
    assert.deepEqual(
      overlapRegions([
        { start: 0, end: 10, frame: 'a' },
        { start: 5, end: 15, frame: 'a' },
        { start: 15, end: 20, frame: 'b' },
      ]),
      [],
    );
  });

  it('splits where the set of frames changes and merges pieces with the same set', () => {
    const regions = overlapRegions([
      { start: 0, end: 100, frame: 'a' },
      { start: 10, end: 50, frame: 'b' },
      { start: 20, end: 30, frame: 'c' },
      { start: 25, end: 60, frame: 'b' },
    ]);
    assert.deepEqual(regions, [
      { start: 10, end: 20, frames: ['a', 'b'] },
      { start: 20, end: 30, frames: ['a', 'b', 'c'] },
      { start: 30, end: 60, frames: ['a', 'b'] },
    ]);
  });

  it('holds the same span coded twice and skips empty spans', () => {
    assert.deepEqual(
      overlapRegions([
        { start: 3, end: 9, frame: 'x' },
        { start: 3, end: 9, frame: 'y' },
        { start: 5, end: 5, frame: 'z' },
      ]),
      [{ start: 3, end: 9, frames: ['x', 'y'] }],
    );
  });
});
