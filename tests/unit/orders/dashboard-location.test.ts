import { describe, expect, it } from 'vitest';
import { parseDashboardHash, productHash, settingHash } from '../../../lib/ui-state/dashboard-location';

describe('dashboard links (the URL hash)', () => {
  it('should lead a blocked order to its product, whatever characters the shop id holds', () => {
    for (const shop of ['e2e-shop', '6f1c2a9e-7d4b-4c1e-9a3f-2b8d5e0c7a14', 'shop & co/#?=%'])
      expect(parseDashboardHash(productHash({ shop, tiki: 275384 }))).toEqual({
        section: 'products',
        product: { shop, tiki: 275384 },
      });
  });

  it('should lead a deleted product to the "Luôn lấy sản phẩm về" setting', () => {
    expect(settingHash({ field: 'alwaysFetchProducts' })).toBe('#settings?field=alwaysFetchProducts');
    expect(parseDashboardHash('#settings?field=alwaysFetchProducts')).toEqual({
      section: 'settings',
      setting: { field: 'alwaysFetchProducts' },
    });
  });

  it('should open the bare section for every section name, with or without "#"', () => {
    for (const section of ['settings', 'products', 'orders', 'reconcile', 'log'])
      expect(parseDashboardHash(`#${section}`)).toEqual({ section });
    expect(parseDashboardHash('orders')).toEqual({ section: 'orders' });
  });

  it('should open Cài đặt for an empty or unknown section, ignoring its parameters', () => {
    expect(parseDashboardHash('')).toEqual({ section: 'settings' });
    expect(parseDashboardHash('#')).toEqual({ section: 'settings' });
    expect(parseDashboardHash('#producs?shop=s1&tiki=5')).toEqual({ section: 'settings' });
    expect(parseDashboardHash('#__proto__')).toEqual({ section: 'settings' });
  });

  it('should keep just the section when the product parameters are wrong', () => {
    for (const query of [
      'shop=s1',
      'tiki=5',
      'shop=&tiki=5',
      'shop=s1&tiki=',
      'shop=s1&tiki=abc',
      'shop=s1&tiki=0',
      'shop=s1&tiki=-5',
      'shop=s1&tiki=5.5',
      'shop=s1&tiki=1e3',
      'shop=s1&tiki=0x10',
      'shop=s1&tiki=%205',
      'shop=s1&tiki=99999999999999999999',
      'garbage',
      '',
    ])
      expect(parseDashboardHash(`#products?${query}`), query).toEqual({ section: 'products' });
  });

  it('should keep just the section for a setting no link may point at, and ignore targets of other sections', () => {
    expect(parseDashboardHash('#settings?field=nhanh')).toEqual({ section: 'settings' });
    expect(parseDashboardHash('#settings?field=')).toEqual({ section: 'settings' });
    expect(parseDashboardHash('#orders?shop=s1&tiki=5')).toEqual({ section: 'orders' });
    expect(parseDashboardHash('#log?field=alwaysFetchProducts')).toEqual({ section: 'log' });
  });

  it('should ignore parameters it does not know, and read a repeated one by its last value', () => {
    expect(parseDashboardHash('#products?shop=s1&tiki=5&utm=x')).toEqual({
      section: 'products',
      product: { shop: 's1', tiki: 5 },
    });
    expect(parseDashboardHash('#products?shop=s1&tiki=abc&tiki=7')).toEqual({
      section: 'products',
      product: { shop: 's1', tiki: 7 },
    });
  });
});
