import { describe, expect, it } from 'vitest';
import { FNV_OFFSET_32, fnv1a32 } from '../../src-core';

describe('fnv1a32', () => {
  it('gives the published FNV-1a 32-bit values', () => {
    // Reference values of the FNV specification (draft-eastlake-fnv, test vectors).
    expect(fnv1a32('')).toBe(FNV_OFFSET_32);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('gives another, independent lane with another offset', () => {
    expect(fnv1a32('foobar', 0x050c5d1f)).not.toBe(fnv1a32('foobar'));
    expect(fnv1a32('foobar', 0x050c5d1f)).toBe(fnv1a32('foobar', 0x050c5d1f));
  });
});
