import type { Simulator, SimulatorContext } from '../types';

/** Placeholder until the API issue implements the simulator. */
export function createTikiSimulator(_context: SimulatorContext): Simulator {
  return {
    handle: async () => ({ status: 501, body: { error: 'not implemented yet' } }),
    expireTokens: () => {},
    snapshot: () => ({}),
  };
}
