import { describe, expect, it } from 'vitest';
import { kappaBand } from './agreement.ts';

describe('kappaBand', () => {
  it('follows the bands of Landis and Koch', () => {
    expect(kappaBand(-0.1)).toBe('poor');
    expect(kappaBand(0)).toBe('slight');
    expect(kappaBand(0.2)).toBe('slight');
    expect(kappaBand(0.21)).toBe('fair');
    expect(kappaBand(0.5)).toBe('moderate');
    expect(kappaBand(0.8)).toBe('substantial');
    expect(kappaBand(0.81)).toBe('almostPerfect');
    expect(kappaBand(1)).toBe('almostPerfect');
  });
});
