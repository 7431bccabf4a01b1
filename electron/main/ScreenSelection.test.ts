import { describe, expect, it } from 'vitest';
import { DomainError } from '../../common/errors.js';
import { SELECTION_TTL_MS, ScreenSelection } from './ScreenSelection.js';

function clock(start = 1_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

const listing = [
  { id: 'screen:0:0', name: 'Entire screen' },
  { id: 'window:42:0', name: 'Physics slides' },
];

describe('the picked screen source', () => {
  it('hands the pick to the next share request, once', () => {
    const time = clock();
    const selection = new ScreenSelection({ now: time.now });
    selection.remember(listing);
    selection.select('window:42:0');
    time.advance(2_000);
    expect(selection.take()).toEqual({ id: 'window:42:0', name: 'Physics slides' });
    expect(selection.take()).toBeNull();
  });

  it('lets a pick expire so a stale choice never starts a share', () => {
    const time = clock();
    const selection = new ScreenSelection({ now: time.now });
    selection.remember(listing);
    selection.select('screen:0:0');
    time.advance(SELECTION_TTL_MS + 1);
    expect(selection.take()).toBeNull();
  });

  it('denies when nothing was picked or the pick was cancelled', () => {
    const selection = new ScreenSelection();
    selection.remember(listing);
    expect(selection.take()).toBeNull();
    selection.select('screen:0:0');
    selection.select(null);
    expect(selection.take()).toBeNull();
  });

  it('refuses a source that was not in the latest listing', () => {
    const selection = new ScreenSelection();
    selection.remember(listing);
    selection.select('screen:0:0');
    expect(() => selection.select('screen:9:0')).toThrow(DomainError);
    // A refused pick also drops the earlier one: the user meant something else.
    expect(selection.take()).toBeNull();
    selection.remember([{ id: 'window:7:0', name: 'Notes' }]);
    expect(() => selection.select('screen:0:0')).toThrow(/latest listing/);
  });

  it('does not honour a pick when the clock went backwards', () => {
    const time = clock(10_000);
    const selection = new ScreenSelection({ now: time.now });
    selection.remember(listing);
    selection.select('screen:0:0');
    time.advance(-5_000);
    expect(selection.take()).toBeNull();
  });
});
