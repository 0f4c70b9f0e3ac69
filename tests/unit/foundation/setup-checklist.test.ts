import { describe, expect, it } from 'vitest';
import { type SetupStep, setupChecklist, setupComplete } from '../../../lib/status/setup';
import type { StatusSnapshot } from '../../../lib/status/status';

const OK = { state: 'ok', checkedAt: 1, remoteName: 'Shop', error: null } as const;
const UNCHECKED = { state: 'unchecked', checkedAt: null, remoteName: null, error: null } as const;
const REFUSED = {
  state: 'error',
  checkedAt: 1,
  remoteName: null,
  error: { key: 'tiki.error.wrongKey' },
} as const;

function status(
  overrides: Partial<Pick<StatusSnapshot, 'shops' | 'nhanh'>> = {},
): Pick<StatusSnapshot, 'shops' | 'nhanh'> {
  return {
    shops: [
      {
        id: 's1',
        name: 'Nhà Sách An',
        health: OK,
        lastSync: { at: 1, ok: true, created: 3, updated: 0, blocked: 0, failed: 0 },
      },
    ],
    nhanh: { configured: true, health: OK, expiredAt: 2_000_000_000, expiry: 'ok' },
    ...overrides,
  } as Pick<StatusSnapshot, 'shops' | 'nhanh'>;
}
const settings = {
  shops: [{ id: 's1', name: 'Nhà Sách An', nhanhDepotId: 7, autoSync: true }],
  autoSync: { enabled: true, intervalMinutes: 15 },
} as unknown as Parameters<typeof setupChecklist>[1];
const catalogue = { s1: { total: 10, paired: 10, needsDecision: 0 } };

const stateOf = (steps: SetupStep[], id: SetupStep['id']) => steps.find((step) => step.id === id)?.state;

describe('the guided setup', () => {
  it('should lead a fresh install from the first step, each step linking to where it is done', () => {
    const steps = setupChecklist(
      { shops: [], nhanh: { configured: false, health: UNCHECKED, expiredAt: null, expiry: 'unknown' } },
      { shops: [], autoSync: { enabled: false, intervalMinutes: 15 } } as unknown as Parameters<
        typeof setupChecklist
      >[1],
      {},
    );
    expect(steps.map((step) => [step.id, step.state, step.href])).toEqual([
      ['tiki', 'todo', '#settings'],
      ['nhanh', 'todo', '#settings'],
      ['products', 'todo', '#products'],
      ['firstSync', 'todo', '#orders'],
      ['autoSync', 'todo', '#settings'],
    ]);
    expect(setupComplete(steps)).toBe(false);
  });

  it('should disappear when all is done, and come back when the key is refused or the token expires', () => {
    expect(setupComplete(setupChecklist(status(), settings, catalogue))).toBe(true);
    const refused = setupChecklist(
      status({ shops: [{ ...status().shops[0]!, health: REFUSED }] }),
      settings,
      catalogue,
    );
    expect(stateOf(refused, 'tiki')).toBe('broken');
    const expired = setupChecklist(
      status({ nhanh: { ...status().nhanh, expiry: 'expired' } }),
      settings,
      catalogue,
    );
    expect(stateOf(expired, 'nhanh')).toBe('broken');
  });

  it('should say how many products are paired and how many need a decision', () => {
    const steps = setupChecklist(status(), settings, { s1: { total: 10, paired: 7, needsDecision: 3 } });
    const products = steps.find((step) => step.id === 'products')!;
    expect(products.state).toBe('todo');
    expect(products.detail).toEqual({
      key: 'setup.products.state',
      params: { paired: 7, total: 10, needsDecision: 3 },
    });
  });

  it('should ask for a depot, and mark a failed last sync as broken', () => {
    const noDepot = { ...settings, shops: [{ ...settings.shops[0]!, nhanhDepotId: null }] };
    expect(stateOf(setupChecklist(status(), noDepot, catalogue), 'nhanh')).toBe('todo');
    const failed = status({
      shops: [
        {
          ...status().shops[0]!,
          lastSync: { at: 1, ok: false, created: 0, updated: 0, blocked: 0, failed: 0 },
        },
      ],
    });
    expect(stateOf(setupChecklist(failed, settings, catalogue), 'firstSync')).toBe('broken');
  });
});
