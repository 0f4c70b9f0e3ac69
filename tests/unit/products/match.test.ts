import { describe, expect, it } from 'vitest';
import type { NhanhProductRecord } from '../../../lib/db';
import {
  isCurrentOptionFingerprint,
  optionFingerprint,
  productFingerprint,
} from '../../../lib/products/keys';
import {
  buildNameIndex,
  type MatchableNhanh,
  type MatchableTiki,
  matchProducts,
  suggestByName,
} from '../../../lib/products/match';

function nhanh(
  id: number,
  code: string,
  barcode = '',
  kind: MatchableNhanh['kind'] = 'independent',
): MatchableNhanh {
  return { id, code, barcode, kind };
}

function tiki(id: number, originalSku: string, sku = `900000000${id}`): MatchableTiki {
  return { id, sku, originalSku };
}

describe('automatic matching rules', () => {
  it('should pair on the seller SKU equal to a Nhanh code', () => {
    const [outcome] = matchProducts([tiki(1, 'SACH-001')], [nhanh(10, 'SACH-001', '8930000000011')]);
    expect(outcome).toEqual({ kind: 'paired', nhanhProductId: 10, rule: 'sku-code' });
  });

  it('should pair on the seller SKU equal to a Nhanh barcode when no code matches', () => {
    const [outcome] = matchProducts([tiki(1, '8930000000011')], [nhanh(10, 'SACH-001', '8930000000011')]);
    expect(outcome).toEqual({ kind: 'paired', nhanhProductId: 10, rule: 'sku-barcode' });
  });

  it('should pair on the Tiki SKU equal to a Nhanh barcode when the seller SKU is empty', () => {
    const [outcome] = matchProducts([tiki(1, '', '2345678901234')], [nhanh(10, 'SACH-001', '2345678901234')]);
    expect(outcome).toEqual({ kind: 'paired', nhanhProductId: 10, rule: 'tiki-sku-barcode' });
  });

  it('should ignore letter case and surrounding spaces on both sides', () => {
    const outcomes = matchProducts(
      [tiki(1, '  sach-001 '), tiki(2, 'ab-7')],
      [nhanh(10, 'SACH-001'), nhanh(11, ' AB-7  ')],
    );
    expect(outcomes.map((outcome) => outcome.kind === 'paired' && outcome.nhanhProductId)).toEqual([10, 11]);
  });

  it('should not treat an empty seller SKU as equal to an empty Nhanh code or barcode', () => {
    const [outcome] = matchProducts([tiki(1, '   ', '')], [nhanh(10, '', '')]);
    expect(outcome).toEqual({ kind: 'none' });
  });

  it('should name the first rule when one Nhanh product is found by several rules', () => {
    // Code and barcode of the same product both equal the seller SKU: still one candidate.
    const [outcome] = matchProducts([tiki(1, 'X1')], [nhanh(10, 'X1', 'x1')]);
    expect(outcome).toEqual({ kind: 'paired', nhanhProductId: 10, rule: 'sku-code' });
  });

  it('should list a SKU that is one product code and another product barcode as ambiguous, never paired', () => {
    const [outcome] = matchProducts(
      [tiki(1, 'BK-003')],
      [nhanh(10, 'BK-003', '8930000000028'), nhanh(11, 'BK-003-COMBO', 'BK-003')],
    );
    expect(outcome).toEqual({
      kind: 'ambiguous',
      candidates: [
        { nhanhProductId: 10, rule: 'sku-code' },
        { nhanhProductId: 11, rule: 'sku-barcode' },
      ],
    });
  });

  it('should list two Nhanh products sharing the barcode as ambiguous', () => {
    const [outcome] = matchProducts(
      [tiki(1, '8930000000035')],
      [nhanh(10, 'HM-001', '8930000000035'), nhanh(11, 'HM-001-CU', '8930000000035')],
    );
    expect(outcome?.kind).toBe('ambiguous');
  });

  it('should treat a seller-SKU match and a different Tiki-SKU match as conflicting', () => {
    const [outcome] = matchProducts(
      [tiki(1, 'A-1', '1111111111111')],
      [nhanh(10, 'A-1'), nhanh(11, 'B-2', '1111111111111')],
    );
    expect(outcome).toEqual({
      kind: 'ambiguous',
      candidates: [
        { nhanhProductId: 10, rule: 'sku-code' },
        { nhanhProductId: 11, rule: 'tiki-sku-barcode' },
      ],
    });
  });

  it('should never offer a Nhanh parent, only its sellable variants', () => {
    const outcomes = matchProducts(
      [tiki(1, 'AO-THUN'), tiki(2, 'AO-THUN-DO')],
      [nhanh(10, 'AO-THUN', '', 'parent'), nhanh(11, 'AO-THUN-DO', '', 'variant')],
    );
    expect(outcomes).toEqual([{ kind: 'none' }, { kind: 'paired', nhanhProductId: 11, rule: 'sku-code' }]);
  });

  it('should give the same outcomes whatever the order of the Nhanh catalogue', () => {
    const catalogue = [
      nhanh(12, 'D', '5555'),
      nhanh(11, 'C', 'BK-003'),
      nhanh(10, 'BK-003'),
      nhanh(9, 'E', 'BK-003'),
    ];
    const products = [tiki(1, 'BK-003'), tiki(2, '5555')];
    const outcomes = matchProducts(products, catalogue);
    expect(matchProducts(products, [...catalogue].reverse())).toEqual(outcomes);
    expect(outcomes[0]).toEqual({
      kind: 'ambiguous',
      candidates: [
        { nhanhProductId: 10, rule: 'sku-code' },
        { nhanhProductId: 9, rule: 'sku-barcode' },
        { nhanhProductId: 11, rule: 'sku-barcode' },
      ],
    });
  });
});

describe('name suggestions', () => {
  const catalogue: Pick<NhanhProductRecord, 'id' | 'name' | 'kind'>[] = [
    { id: 10, name: 'Sách Đắc Nhân Tâm (Bìa Cứng)', kind: 'independent' },
    { id: 11, name: 'Nhà Giả Kim', kind: 'independent' },
    { id: 12, name: 'Đắc Nhân Tâm - Bìa Mềm', kind: 'independent' },
    { id: 13, name: 'Đắc Nhân Tâm (Bìa Cứng)', kind: 'parent' },
  ];
  const index = buildNameIndex(catalogue);

  it('should rank names sharing more words higher, ignoring accents and case', () => {
    const suggestions = suggestByName('dac nhan tam bia cung', index);
    expect(suggestions.map((suggestion) => suggestion.nhanhProductId)).toEqual([10, 12]);
    expect(suggestions[0]!.confidence).toBeGreaterThan(suggestions[1]!.confidence);
    expect(suggestions[0]!.confidence).toBeLessThanOrEqual(1);
  });

  it('should give full confidence to the same words and nothing below the threshold', () => {
    expect(suggestByName('Nhà giả kim', index)).toEqual([{ nhanhProductId: 11, confidence: 1 }]);
    expect(suggestByName('Bình giữ nhiệt', index)).toEqual([]);
  });
});

describe('fingerprint', () => {
  it('should change with the name or the seller SKU, not with SKU case or spaces', () => {
    const base = productFingerprint({ name: 'Áo thun - Đỏ, XL', originalSku: 'AO-DO-XL' });
    expect(productFingerprint({ name: 'Áo thun - Đỏ, XL', originalSku: ' ao-do-xl ' })).toBe(base);
    expect(productFingerprint({ name: 'Áo thun - Xanh, XL', originalSku: 'AO-DO-XL' })).not.toBe(base);
    expect(productFingerprint({ name: 'Áo thun - Đỏ, XL', originalSku: 'AO-DO-L' })).not.toBe(base);
  });

  it('should change with an option value only, not with prices, promotions, the supplier or specifications', () => {
    const options = ['color', 'size'];
    const volatile = {
      price: 27000.0,
      price_restore: 14000.0,
      special_from_date: '2026-11-01 00:00:00',
      supplier: { id: 1453707 },
      specifications: [{ id: 2077, name: 'General', attributes: [{ code: 'sku', value: '8935086810576' }] }],
    };
    const base = optionFingerprint({ color: 'Đỏ', size: 'XL', ...volatile }, options);
    const promotion = {
      price: 19900,
      price_restore: 27000,
      special_from_date: '2026-12-01 00:00:00',
      supplier: { id: 99 },
      specifications: [],
    };
    expect(optionFingerprint({ color: 'Đỏ', size: 'XL', ...promotion }, options)).toBe(base);
    expect(optionFingerprint({ size: ' XL ', color: 'Đỏ', material: '' }, ['size', 'color'])).toBe(base);
    expect(optionFingerprint({ color: 'Đỏ đô', size: 'XL', ...volatile }, options)).not.toBe(base);
    expect(optionFingerprint({ color: 'Đỏ', ...volatile }, options)).not.toBe(base);
    // A product without variants has no options: nothing in its attributes counts.
    expect(optionFingerprint({ cover: 'Bìa mềm', ...volatile }, [])).toBe(
      optionFingerprint({ cover: 'Bìa cứng', ...promotion }, []),
    );
    // PHP's [] is an empty map; no attributes at all, or unknown option codes, cannot be compared.
    expect(optionFingerprint([], options)).toBe(optionFingerprint({}, options));
    expect(optionFingerprint(undefined, options)).toBeUndefined();
    expect(optionFingerprint(null, options)).toBeUndefined();
    expect(optionFingerprint({ color: 'Đỏ', size: 'XL' }, undefined)).toBeUndefined();
  });

  it('should compare only fingerprints of the current rule', () => {
    expect(isCurrentOptionFingerprint(optionFingerprint({ color: 'Đỏ' }, ['color']))).toBe(true);
    // Version 1 hashed every attribute (prices included) with no version mark; absent is none.
    expect(isCurrentOptionFingerprint('1x2k9q0w3e4r')).toBe(false);
    expect(isCurrentOptionFingerprint(undefined)).toBe(false);
  });
});
