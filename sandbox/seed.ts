import type { SeedData } from './types';

/** Placeholder until the API issue fills the demo shop. */
export function createSeed(_options: { seed: number; now: number }): SeedData {
  return {
    tiki: { shops: [] },
    nhanh: {
      appId: '',
      secretKey: '',
      businessId: 0,
      accessToken: '',
      accessTokenExpiredAt: 0,
      depots: [],
      products: [],
    },
  };
}
