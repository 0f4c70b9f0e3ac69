import { TIKI_ORDER_STATUSES, type TikiOrderStatus } from '../lib/tiki/contract';
import { seededRandom } from './random';
import { formatWallTime } from './tiki/wall-time';
import type { SeedData, SeedNhanhProduct, SeedTikiShop } from './types';

/*
 * Demo data of a plausible Vietnamese shop: two Tiki shops feeding one Nhanh business. Everything is drawn
 * from one seeded random source and `now`, so a seed always gives the same shop (tests rely on that).
 */

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

type CategoryKey = 'book' | 'home' | 'beauty' | 'phone' | 'office';

interface Category {
  tikiId: number;
  tikiName: string;
  /** Tiki's commission ("Phí hoa hồng"/chiết khấu) for the category, in percent of the subtotal. */
  commissionPercent: number;
  nhanhCodePrefix: string;
  /** Books carry an ISBN-13, everything else a Vietnamese EAN-13 (GS1 prefix 893). */
  barcodePrefix: string;
}

const CATEGORIES: Record<CategoryKey, Category> = {
  book: {
    tikiId: 8322,
    tikiName: 'Nhà Sách Tiki',
    commissionPercent: 8,
    nhanhCodePrefix: 'SACH',
    barcodePrefix: '978604',
  },
  home: {
    tikiId: 1883,
    tikiName: 'Nhà Cửa - Đời Sống',
    commissionPercent: 10,
    nhanhCodePrefix: 'GD',
    barcodePrefix: '893',
  },
  beauty: {
    tikiId: 1520,
    tikiName: 'Làm Đẹp - Sức Khỏe',
    commissionPercent: 12,
    nhanhCodePrefix: 'MP',
    barcodePrefix: '893',
  },
  phone: {
    tikiId: 1789,
    tikiName: 'Điện Thoại - Máy Tính Bảng',
    commissionPercent: 6,
    nhanhCodePrefix: 'PK',
    barcodePrefix: '893',
  },
  office: {
    tikiId: 7741,
    tikiName: 'Văn phòng phẩm',
    commissionPercent: 9,
    nhanhCodePrefix: 'VPP',
    barcodePrefix: '893',
  },
};

interface CatalogueEntry {
  name: string;
  price: number;
  category: CategoryKey;
  /** Present for a configurable product: its option attribute codes and its variants. */
  options?: {
    attributes: string[];
    variants: { label: string; suffix: string; values: string[]; price?: number }[];
  };
}

/** The main shop's catalogue: 43 simple products and 5 configurable ones with 14 variants (62 Tiki products). */
const MAIN_CATALOGUE: CatalogueEntry[] = [
  { name: 'Đắc Nhân Tâm (Bìa Cứng)', price: 86_000, category: 'book' },
  { name: 'Nhà Giả Kim', price: 59_000, category: 'book' },
  { name: 'Tuổi Trẻ Đáng Giá Bao Nhiêu', price: 68_000, category: 'book' },
  { name: 'Cà Phê Cùng Tony', price: 72_000, category: 'book' },
  { name: 'Tôi Thấy Hoa Vàng Trên Cỏ Xanh', price: 95_000, category: 'book' },
  { name: 'Mắt Biếc (Tái Bản 2024)', price: 88_000, category: 'book' },
  { name: 'Sapiens: Lược Sử Loài Người', price: 229_000, category: 'book' },
  { name: 'Nghĩ Giàu Và Làm Giàu', price: 99_000, category: 'book' },
  { name: 'Atomic Habits - Thay Đổi Tí Hon, Hiệu Quả Bất Ngờ', price: 149_000, category: 'book' },
  { name: 'Bộ 4 Quyển Sách Tô Màu Cho Bé', price: 92_800, category: 'book' },
  { name: 'Từ Điển Anh - Việt 120.000 Từ', price: 135_000, category: 'book' },
  { name: 'Dế Mèn Phiêu Lưu Ký', price: 45_000, category: 'book' },
  { name: 'Nồi Chiên Không Dầu 5L', price: 1_290_000, category: 'home' },
  {
    name: 'Bình Giữ Nhiệt Inox 304 500ml',
    price: 169_000,
    category: 'home',
    options: {
      attributes: ['color'],
      variants: [
        { label: 'Đen', suffix: 'DEN', values: ['Đen'] },
        { label: 'Trắng', suffix: 'TRANG', values: ['Trắng'] },
        { label: 'Hồng', suffix: 'HONG', values: ['Hồng'] },
      ],
    },
  },
  { name: 'Bộ 3 Hộp Đựng Thực Phẩm Thủy Tinh', price: 189_000, category: 'home' },
  { name: 'Chảo Chống Dính Đáy Từ 26cm', price: 245_000, category: 'home' },
  {
    name: 'Khăn Tắm Cotton 70x140cm',
    price: 119_000,
    category: 'home',
    options: {
      attributes: ['color'],
      variants: [
        { label: 'Xanh Ngọc', suffix: 'XANH', values: ['Xanh Ngọc'] },
        { label: 'Trắng', suffix: 'TRANG', values: ['Trắng'] },
      ],
    },
  },
  { name: 'Bộ Dao Kéo Nhà Bếp 5 Món', price: 319_000, category: 'home' },
  { name: 'Đèn Ngủ Cảm Ứng LED', price: 99_000, category: 'home' },
  { name: 'Móc Treo Quần Áo Nhựa (Bộ 10 Cái)', price: 45_000, category: 'home' },
  { name: 'Thớt Gỗ Tràm 35x25cm', price: 115_000, category: 'home' },
  { name: 'Ấm Siêu Tốc Inox 1.8L', price: 259_000, category: 'home' },
  { name: 'Ô Gấp Gọn Tự Động', price: 179_000, category: 'home' },
  { name: 'Dép Đi Trong Nhà Chống Trơn', price: 69_000, category: 'home' },
  { name: 'Sữa Rửa Mặt Tạo Bọt Trà Xanh 150ml', price: 129_000, category: 'beauty' },
  { name: 'Kem Chống Nắng SPF50+ PA++++ 50ml', price: 299_000, category: 'beauty' },
  { name: 'Nước Tẩy Trang Cho Da Nhạy Cảm 400ml', price: 189_000, category: 'beauty' },
  {
    name: 'Son Dưỡng Môi Có Màu',
    price: 89_000,
    category: 'beauty',
    options: {
      attributes: ['color'],
      variants: [
        { label: 'Đỏ Cam', suffix: 'DOCAM', values: ['Đỏ Cam'] },
        { label: 'Hồng Đất', suffix: 'HONGDAT', values: ['Hồng Đất'] },
        { label: 'Đỏ Ruby', suffix: 'RUBY', values: ['Đỏ Ruby'] },
      ],
    },
  },
  { name: 'Mặt Nạ Giấy Dưỡng Ẩm (Hộp 10 Miếng)', price: 159_000, category: 'beauty' },
  { name: 'Dầu Gội Bưởi Kích Mọc Tóc 300ml', price: 165_000, category: 'beauty' },
  { name: 'Serum Vitamin C Sáng Da 30ml', price: 349_000, category: 'beauty' },
  { name: 'Sữa Tắm Hương Hoa Hồng 500ml', price: 139_000, category: 'beauty' },
  { name: 'Cáp Sạc Nhanh USB-C 1m', price: 79_000, category: 'phone' },
  { name: 'Củ Sạc Nhanh 20W Cổng USB-C', price: 199_000, category: 'phone' },
  {
    name: 'Ốp Lưng Trong Suốt Chống Sốc',
    price: 69_000,
    category: 'phone',
    options: {
      attributes: ['phone_model'],
      variants: [
        { label: 'iPhone 15', suffix: 'IP15', values: ['iPhone 15'] },
        { label: 'iPhone 15 Pro Max', suffix: 'IP15PM', values: ['iPhone 15 Pro Max'], price: 79_000 },
      ],
    },
  },
  { name: 'Kính Cường Lực iPhone 14 Pro', price: 49_000, category: 'phone' },
  { name: 'Tai Nghe Bluetooth TWS Chống Ồn', price: 359_000, category: 'phone' },
  { name: 'Sạc Dự Phòng 10000mAh', price: 329_000, category: 'phone' },
  { name: 'Giá Đỡ Điện Thoại Trên Ô Tô', price: 119_000, category: 'phone' },
  { name: 'Gậy Chụp Ảnh Tripod 3 Chân', price: 159_000, category: 'phone' },
  { name: 'Cáp Lightning Bọc Dù 2m', price: 89_000, category: 'phone' },
  { name: 'Miếng Dán Bảo Vệ Camera', price: 39_000, category: 'phone' },
  { name: 'Bút Bi Thiên Long (Hộp 20 Cây)', price: 60_000, category: 'office' },
  { name: 'Sổ Tay Bìa Da A5', price: 85_000, category: 'office' },
  { name: 'Balo Laptop Chống Nước 15.6 Inch', price: 389_000, category: 'office' },
  {
    name: 'Áo Thun Cotton Unisex In Logo',
    price: 149_000,
    category: 'office',
    options: {
      attributes: ['color', 'size'],
      variants: [
        { label: 'Trắng, M', suffix: 'TRANG-M', values: ['Trắng', 'M'] },
        { label: 'Trắng, L', suffix: 'TRANG-L', values: ['Trắng', 'L'] },
        { label: 'Đen, M', suffix: 'DEN-M', values: ['Đen', 'M'] },
        { label: 'Đen, L', suffix: 'DEN-L', values: ['Đen', 'L'] },
      ],
    },
  },
  { name: 'Hộp Bút Màu 24 Màu', price: 75_000, category: 'office' },
  { name: 'Bình Nước Thể Thao 750ml', price: 95_000, category: 'office' },
  { name: 'Kẹp Giấy Văn Phòng (Hộp 100 Cái)', price: 25_000, category: 'office' },
];

/** Sold in Nhanh (the physical store) but not on Tiki. */
const NHANH_ONLY: CatalogueEntry[] = [
  { name: 'Túi Giấy Kraft Đựng Quà', price: 8_000, category: 'office' },
  { name: 'Thiệp Chúc Mừng Sinh Nhật', price: 15_000, category: 'office' },
  { name: 'Băng Keo Trong 5cm', price: 12_000, category: 'office' },
  { name: 'Lịch Để Bàn 2027', price: 55_000, category: 'office' },
  { name: 'Sạc Không Dây 15W', price: 249_000, category: 'phone' },
  { name: 'Nến Thơm Tinh Dầu Sả Chanh', price: 99_000, category: 'home' },
];

/**
 * How a Tiki sellable product relates to the Nhanh catalogue; the pairing issue must handle each case.
 * - `code`: seller SKU equals a Nhanh product code.
 * - `barcode`: seller SKU equals only a Nhanh barcode.
 * - `empty`: the seller never filled the SKU (a Nhanh product exists, pairable by hand only).
 * - `ambiguous-code-barcode`: the SKU is one Nhanh product's code and another's barcode.
 * - `ambiguous-shared-barcode`: two Nhanh products share the barcode the SKU equals.
 * - `none`: no Nhanh counterpart at all.
 */
type MatchKind =
  | 'code'
  | 'barcode'
  | 'empty'
  | 'ambiguous-code-barcode'
  | 'ambiguous-shared-barcode'
  | 'none';

const MATCH_KIND_COUNTS: [MatchKind, number][] = [
  ['empty', 6],
  ['barcode', 8],
  ['ambiguous-code-barcode', 2],
  ['ambiguous-shared-barcode', 2],
  ['none', 5],
];

/** Rough share of each status in a shop's last 45 days: most orders are done, a few are in flight. */
const STATUS_WEIGHTS: Record<TikiOrderStatus, number> = {
  queueing: 8,
  processing: 2,
  waiting_payment: 3,
  payment_review: 1,
  paid: 2,
  picking: 3,
  packaging: 2,
  finished_packing: 2,
  ready_to_ship: 3,
  handover_to_partner: 3,
  shipping: 6,
  holded: 2,
  delivered: 3,
  successful_delivery: 10,
  complete: 30,
  canceled: 12,
  closed: 3,
  returned: 3,
};

/** The happy path of an accepted order, after its pre-acceptance steps. */
const FORWARD_PATH = [
  'queueing',
  'picking',
  'packaging',
  'finished_packing',
  'ready_to_ship',
  'handover_to_partner',
  'shipping',
  'successful_delivery',
  'complete',
] as const;

/** Statuses reached before Tiki accepts the order: these exist only for prepaid or unverified orders. */
const PREPAID_ONLY: TikiOrderStatus[] = ['waiting_payment', 'payment_review', 'paid', 'closed'];
/** Orders still in flight are recent; finished ones spread over the whole 45 days. */
const FINISHED: TikiOrderStatus[] = [
  'delivered',
  'successful_delivery',
  'complete',
  'canceled',
  'closed',
  'returned',
];

const FAMILY_NAMES = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
];
const MIDDLE_NAMES = ['Văn', 'Thị', 'Minh', 'Ngọc', 'Thanh', 'Đức', 'Thu', 'Hoài', 'Quốc', 'Bảo'];
const GIVEN_NAMES = [
  'An',
  'Bình',
  'Chi',
  'Dũng',
  'Giang',
  'Hà',
  'Hải',
  'Hương',
  'Khánh',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Nam',
  'Phúc',
  'Quân',
  'Tâm',
  'Thảo',
  'Trang',
  'Tuấn',
  'Vy',
  'Yến',
];
const STREETS = [
  'Nguyễn Trãi',
  'Lê Lợi',
  'Trần Hưng Đạo',
  'Hai Bà Trưng',
  'Lý Thường Kiệt',
  'Cách Mạng Tháng 8',
  'Phan Đình Phùng',
  'Điện Biên Phủ',
  'Nguyễn Văn Cừ',
  'Võ Văn Tần',
];
const PLACES = [
  { region: 'Hồ Chí Minh', district: 'Quận 3', ward: 'Phường Võ Thị Sáu', wardCode: 'VN039003001' },
  { region: 'Hồ Chí Minh', district: 'Quận Tân Bình', ward: 'Phường 2', wardCode: 'VN039011002' },
  {
    region: 'Hồ Chí Minh',
    district: 'Thành phố Thủ Đức',
    ward: 'Phường Linh Trung',
    wardCode: 'VN039022007',
  },
  { region: 'Hà Nội', district: 'Quận Cầu Giấy', ward: 'Phường Dịch Vọng', wardCode: 'VN034005002' },
  { region: 'Hà Nội', district: 'Quận Đống Đa', ward: 'Phường Láng Hạ', wardCode: 'VN034004011' },
  { region: 'Đà Nẵng', district: 'Quận Hải Châu', ward: 'Phường Thạch Thang', wardCode: 'VN043002003' },
  { region: 'Cần Thơ', district: 'Quận Ninh Kiều', ward: 'Phường An Hòa', wardCode: 'VN092001004' },
  { region: 'Hải Phòng', district: 'Quận Lê Chân', ward: 'Phường An Biên', wardCode: 'VN031003001' },
  { region: 'Tây Ninh', district: 'Thành phố Tây Ninh', ward: 'Phường 3', wardCode: 'VN063003006' },
  {
    region: 'Bình Dương',
    district: 'Thành phố Thủ Dầu Một',
    ward: 'Phường Phú Cường',
    wardCode: 'VN074001005',
  },
];
const CARRIERS = ['TikiNOW Smart Logistics', 'Giao Hàng Nhanh', 'Viettel Post', 'J&T Express'];
const TIKI_WAREHOUSES = [
  { id: 17, code: 'hn4' },
  { id: 3, code: 'sgn' },
  { id: 9, code: 'dna' },
];

/** Per-item fixed fee ("Phí cố định"), in VND. */
const BASE_FEE_VND = 5_000;
const PAYMENT_FEE_PERCENT = 1;
const PICKUP_FEE_VND = 5_500;

type Random = () => number;

function helpers(random: Random) {
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const digits = (count: number) => Array.from({ length: count }, () => int(0, 9)).join('');
  const hex = (count: number) => Array.from({ length: count }, () => int(0, 15).toString(16)).join('');
  const shuffle = <T>(items: T[]): T[] => {
    const copy = [...items];
    for (let index = copy.length - 1; index > 0; index--) {
      const other = int(0, index);
      [copy[index], copy[other]] = [copy[other]!, copy[index]!];
    }
    return copy;
  };
  /** A key drawn with probability proportional to its weight. */
  const weighted = <K extends string | number>(entries: [K, number][]): K => {
    let draw = random() * entries.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [key, weight] of entries) {
      draw -= weight;
      if (draw < 0) return key;
    }
    return entries[entries.length - 1]![0];
  };
  return { int, pick, digits, hex, shuffle, weighted };
}
type Helpers = ReturnType<typeof helpers>;

/** A valid EAN-13 (check digit included), so barcodes look like the ones printed on real packs. */
function ean13(prefix: string, h: Helpers): string {
  const body = prefix + h.digits(12 - prefix.length);
  const sum = [...body].reduce((acc, digit, index) => acc + Number(digit) * (index % 2 ? 3 : 1), 0);
  return body + ((10 - (sum % 10)) % 10);
}

/** Wraps a generator of identifiers so it never returns the same one twice (retries on a collision). */
function uniqueValues() {
  const used = new Set<string>();
  return (make: () => string) => {
    for (;;) {
      const value = make();
      if (!used.has(value)) {
        used.add(value);
        return value;
      }
    }
  };
}

interface Sellable {
  /** The Tiki product object (v2.1 detail shape). */
  product: Record<string, unknown>;
  productId: number;
  tikiSku: string;
  originalSku: string;
  name: string;
  price: number;
  category: CategoryKey;
  inventoryType: InventoryType;
}

type InventoryType = 'dropship' | 'instock' | 'seller_backorder';
const FULFILLMENT_OF: Record<InventoryType, string> = {
  dropship: 'dropship',
  instock: 'tiki_delivery',
  seller_backorder: 'seller_delivery',
};

interface ShopBuild {
  products: Record<string, unknown>[];
  sellables: Sellable[];
}

/** Builds deterministic demo data for the sandbox: two Tiki shops and the Nhanh business they feed. */
export function createSeed(options: { seed: number; now: number }): SeedData {
  const random = seededRandom(options.seed);
  const h = helpers(random);
  const { now } = options;
  const unique = uniqueValues();
  const nhanhProducts: SeedNhanhProduct[] = [];
  const depots = [
    { id: 112301, name: 'Kho Hà Nội - Cầu Giấy' },
    { id: 112302, name: 'Kho Hồ Chí Minh - Tân Bình' },
    { id: 112303, name: 'Cửa hàng Đà Nẵng - Hải Châu' },
  ];
  let nextNhanhId = 48_120_000 + h.int(0, 9_000);
  let codeCounter = 0;

  const stock = () =>
    Object.fromEntries(depots.map((depot) => [depot.id, h.int(0, 10) < 2 ? 0 : h.int(1, 180)]));
  const newNhanhCode = (category: CategoryKey) =>
    `${CATEGORIES[category].nhanhCodePrefix}-${String(++codeCounter).padStart(3, '0')}`;
  const addNhanh = (fields: Omit<SeedNhanhProduct, 'id' | 'stock'> & { stock?: Record<number, number> }) => {
    const product: SeedNhanhProduct = { id: nextNhanhId, stock: fields.stock ?? stock(), ...fields };
    nextNhanhId += h.int(1, 40);
    nhanhProducts.push(product);
    return product;
  };
  const barcodeFor = (category: CategoryKey) => unique(() => ean13(CATEGORIES[category].barcodePrefix, h));
  const tikiSku = () => unique(() => `${h.int(1, 9)}${h.digits(12)}`);
  const productId = () => Number(unique(() => String(h.int(70_000_000, 279_999_999))));

  /** Creates the Nhanh side of one sellable according to its match kind and returns the Tiki seller SKU. */
  function pairWithNhanh(
    kind: MatchKind,
    entry: { name: string; price: number; category: CategoryKey },
    parent?: SeedNhanhProduct,
    suffix?: string,
  ): string {
    const code = parent && suffix ? `${parent.code}-${suffix}` : newNhanhCode(entry.category);
    const variantOf = parent ? { parentId: parent.id } : { parentId: 0 };
    const base = { ...variantOf, name: entry.name, price: entry.price };
    switch (kind) {
      case 'code':
        addNhanh({ ...base, code, barcode: barcodeFor(entry.category) });
        return code;
      case 'barcode': {
        const barcode = barcodeFor(entry.category);
        addNhanh({ ...base, code, barcode });
        return barcode;
      }
      case 'empty':
        addNhanh({ ...base, code, barcode: barcodeFor(entry.category) });
        return '';
      case 'ambiguous-code-barcode':
        addNhanh({ ...base, code, barcode: barcodeFor(entry.category) });
        // An older listing of a bundle was labelled with this product's code as its barcode.
        addNhanh({
          parentId: 0,
          name: `Combo 2 ${entry.name}`,
          price: entry.price * 2 - 10_000,
          code: `${code}-COMBO`,
          barcode: code,
        });
        return code;
      case 'ambiguous-shared-barcode': {
        const barcode = barcodeFor(entry.category);
        addNhanh({ ...base, code, barcode });
        // The same pack entered twice in Nhanh (an old duplicate nobody deleted).
        addNhanh({
          parentId: 0,
          name: `${entry.name} (mã cũ)`,
          price: entry.price,
          code: `${code}-CU`,
          barcode,
        });
        return barcode;
      }
      case 'none':
        return `TK-${h.digits(6)}`;
    }
  }

  /**
   * What Tiki keeps among a product's attributes next to what identifies it (the product-v2 sample): the price,
   * the price before a promotion, a promotion's start, the supplier, the specifications. Derived from values
   * drawn already, so the seed's other data stays as it was.
   */
  function movingAttributes(
    fields: { sku: string; price: number },
    marketPrice: number,
    updatedAt: number,
  ): Record<string, unknown> {
    return {
      price: fields.price,
      price_restore: marketPrice,
      special_from_date: formatWallTime(updatedAt),
      supplier: { id: 1_453_707 },
      specifications: [{ id: 2077, name: 'General', attributes: [{ code: 'sku', value: fields.sku }] }],
    };
  }

  function tikiProductObject(fields: {
    id: number;
    sku: string;
    originalSku: string;
    name: string;
    price: number;
    type: 'simple' | 'configurable';
    superId: number;
    superSku: string;
    masterId: number;
    masterSku: string;
    category: CategoryKey;
    inventoryType: InventoryType;
    warehouseIds: number[];
    /** The product's own attributes: a variant's option values (code → value). */
    attributes: Record<string, string>;
    optionAttributes: string[];
  }): Record<string, unknown> {
    const createdAt = now - h.int(60, 700) * DAY_MS - h.int(0, DAY_MS);
    const updatedAt = Math.min(now - HOUR_MS, createdAt + h.int(1, 400) * DAY_MS);
    const marketPrice = Math.round((fields.price * (1 + h.int(0, 40) / 100)) / 1000) * 1000;
    // The real API sometimes gives money as decimal strings and `active` as a string (see the reference).
    const decimalMoney = h.int(0, 9) === 0;
    const money = (amount: number) => (decimalMoney ? `${amount}.00` : amount);
    const active = h.int(0, 11) === 0 ? 0 : h.int(0, 7) === 0 ? '1' : 1;
    const category = CATEGORIES[fields.category];
    return {
      product_id: fields.id,
      sku: fields.sku,
      original_sku: fields.originalSku,
      name: fields.name,
      master_id: fields.masterId,
      master_sku: fields.masterSku,
      super_id: fields.superId,
      super_sku: fields.superSku,
      active,
      is_hidden: false,
      type: fields.type,
      entity_type: fields.type === 'configurable' ? 'seller_configurable' : 'seller_simple',
      version: h.int(1, 6),
      price: money(fields.price),
      market_price: money(marketPrice),
      created_at: formatWallTime(createdAt),
      updated_at: formatWallTime(updatedAt),
      thumbnail: `https://salt.tikicdn.com/cache/280x280/ts/product/${h.hex(2)}/${h.hex(2)}/${h.hex(32)}.jpg`,
      categories: [{ id: category.tikiId, name: category.tikiName }],
      attributes: { ...fields.attributes, ...movingAttributes(fields, marketPrice, updatedAt) },
      option_attributes: fields.optionAttributes,
      images: [],
      inventory: {
        fulfillment_type: FULFILLMENT_OF[fields.inventoryType],
        inventory_type: fields.inventoryType,
        warehouse_stocks:
          fields.type === 'configurable'
            ? []
            : fields.warehouseIds.map((warehouseId) => {
                const sellable = h.int(0, 8) === 0 ? 0 : h.int(1, 150);
                const reserved = h.int(0, 3);
                return {
                  warehouse_id: warehouseId,
                  quantity: sellable + reserved,
                  quantity_available: sellable + reserved,
                  quantity_reserved: reserved,
                  quantity_sellable: sellable,
                };
              }),
      },
    };
  }

  function inventoryType(): InventoryType {
    const draw = random();
    return draw < 0.2 ? 'instock' : draw < 0.3 ? 'seller_backorder' : 'dropship';
  }

  /** One Tiki shop's products; `kindOf` decides each sellable's relation to Nhanh, `skuOf` may reuse one. */
  function buildShopProducts(
    catalogue: CatalogueEntry[],
    warehouseIds: number[],
    skuOf: (entry: CatalogueEntry, variantIndex: number | undefined, parent?: SeedNhanhProduct) => string,
    nhanhParentOf: (entry: CatalogueEntry) => SeedNhanhProduct | undefined,
  ): ShopBuild {
    const products: Record<string, unknown>[] = [];
    const sellables: Sellable[] = [];
    for (const entry of catalogue) {
      const type = inventoryType();
      const common = { category: entry.category, inventoryType: type, warehouseIds };
      if (!entry.options) {
        const id = productId();
        const sku = tikiSku();
        const originalSku = skuOf(entry, undefined);
        const product = tikiProductObject({
          ...common,
          id,
          sku,
          originalSku,
          name: entry.name,
          price: entry.price,
          type: 'simple',
          superId: 0,
          superSku: '',
          masterId: id - 1,
          masterSku: sku,
          attributes: {},
          optionAttributes: [],
        });
        products.push(product);
        sellables.push({
          product,
          productId: id,
          tikiSku: sku,
          originalSku,
          name: entry.name,
          price: entry.price,
          ...common,
        });
        continue;
      }
      const parentId = productId();
      const parentSku = tikiSku();
      const nhanhParent = nhanhParentOf(entry);
      const children = entry.options.variants.map((variant, index) => ({
        variant,
        id: productId(),
        sku: tikiSku(),
        originalSku: skuOf(entry, index, nhanhParent),
      }));
      products.push(
        tikiProductObject({
          ...common,
          id: parentId,
          sku: parentSku,
          originalSku: '',
          name: entry.name,
          price: Math.min(...entry.options.variants.map((variant) => variant.price ?? entry.price)),
          type: 'configurable',
          superId: 0,
          superSku: '',
          masterId: children[0]!.id,
          masterSku: children[0]!.sku,
          attributes: {},
          optionAttributes: entry.options.attributes,
        }),
      );
      for (const child of children) {
        const name = `${entry.name} - ${child.variant.label}`;
        const price = child.variant.price ?? entry.price;
        const product = tikiProductObject({
          ...common,
          id: child.id,
          sku: child.sku,
          originalSku: child.originalSku,
          name,
          price,
          type: 'simple',
          superId: parentId,
          superSku: parentSku,
          masterId: children[0]!.id,
          masterSku: children[0]!.sku,
          attributes: Object.fromEntries(
            entry.options.attributes.map((code, index) => [code, child.variant.values[index]!]),
          ),
          optionAttributes: [],
        });
        products.push(product);
        sellables.push({
          product,
          productId: child.id,
          tikiSku: child.sku,
          originalSku: child.originalSku,
          name,
          price,
          ...common,
        });
      }
    }
    return { products, sellables };
  }

  // Main shop: decide every sellable's match kind up front, then build both catalogues together.
  const sellableCount = MAIN_CATALOGUE.reduce((sum, entry) => sum + (entry.options?.variants.length ?? 1), 0);
  const kinds: MatchKind[] = MATCH_KIND_COUNTS.flatMap(([kind, count]) => Array<MatchKind>(count).fill(kind));
  const mainKinds = h.shuffle([...kinds, ...Array<MatchKind>(sellableCount - kinds.length).fill('code')]);
  let kindIndex = 0;
  const mainWarehouses = [387453, 387454];
  const main = buildShopProducts(
    MAIN_CATALOGUE,
    mainWarehouses,
    (entry, variantIndex, parent) => {
      const kind = mainKinds[kindIndex++]!;
      const variant = variantIndex === undefined ? undefined : entry.options?.variants[variantIndex];
      const name = variant ? `${entry.name} - ${variant.label}` : entry.name;
      return pairWithNhanh(
        kind,
        { name, price: variant?.price ?? entry.price, category: entry.category },
        parent,
        variant?.suffix,
      );
    },
    (entry) =>
      addNhanh({
        parentId: 0,
        isParent: true,
        code: newNhanhCode(entry.category),
        barcode: '',
        name: entry.name,
        price: entry.price,
        stock: {},
      }),
  );
  for (const entry of NHANH_ONLY)
    addNhanh({
      parentId: 0,
      code: newNhanhCode(entry.category),
      barcode: barcodeFor(entry.category),
      name: entry.name,
      price: entry.price,
    });

  // The small shop resells some phone accessories of the same business (same Nhanh codes), plus two of its own.
  const resold = main.sellables
    .filter(
      (item) => item.category === 'phone' && nhanhProducts.some((nhanh) => nhanh.code === item.originalSku),
    )
    .slice(0, 6);
  const smallCatalogue: CatalogueEntry[] = [
    ...resold.map((item) => ({ name: item.name, price: item.price, category: item.category })),
    { name: 'Dây Đeo Điện Thoại Dạng Chuỗi Hạt', price: 35_000, category: 'phone' },
    { name: 'Bao Da Máy Tính Bảng 11 Inch', price: 189_000, category: 'phone' },
  ];
  let smallIndex = 0;
  const smallWarehouses = [402118];
  const small = buildShopProducts(
    smallCatalogue,
    smallWarehouses,
    () => {
      const index = smallIndex++;
      if (index < resold.length) return resold[index]!.originalSku;
      return index === resold.length ? '' : `HL-${h.digits(5)}`;
    },
    () => undefined,
  );

  const orderCode = () => unique(() => `${h.int(7, 8)}${h.digits(8)}`);
  let nextOrderId = 126_222_000 + h.int(0, 99_999);
  let nextItemId = 213_000_000 + h.int(0, 999_999);
  let nextHistoryId = 1_105_000_000 + h.int(0, 999_999);
  let nextFeeId = 208_000_000 + h.int(0, 999_999);

  function buildOrders(shop: ShopBuild, count: number): Record<string, unknown>[] {
    const statuses = h.shuffle([
      ...TIKI_ORDER_STATUSES,
      ...Array.from({ length: count - TIKI_ORDER_STATUSES.length }, () =>
        h.weighted(Object.entries(STATUS_WEIGHTS) as [TikiOrderStatus, number][]),
      ),
    ]);
    return statuses.map((status) => buildOrder(shop, status));
  }

  function historyPath(status: TikiOrderStatus, prepaid: boolean, sellerDelivery: boolean): string[] {
    const delivered = sellerDelivery ? 'delivered' : 'successful_delivery';
    const start = prepaid
      ? h.int(0, 5) === 0
        ? ['waiting_payment', 'payment_review', 'paid']
        : ['waiting_payment', 'paid']
      : ['processing'];
    const forward = (until: string) => {
      const path: string[] = FORWARD_PATH.map((step) => (step === 'successful_delivery' ? delivered : step));
      return path.slice(0, path.indexOf(until) + 1);
    };
    switch (status) {
      case 'processing':
      case 'waiting_payment':
        return [status];
      case 'payment_review':
      case 'paid':
      case 'closed':
        return ['waiting_payment', status];
      case 'holded':
        return [...start, ...forward('shipping'), 'holded'];
      case 'canceled':
        return [...start, ...forward(FORWARD_PATH[h.int(0, 5)]!), 'canceled'];
      case 'returned':
        return [...start, ...forward(delivered), 'returned'];
      case 'delivered':
      case 'successful_delivery':
        return [...start, ...forward('shipping'), status];
      default:
        return [...start, ...forward(status)];
    }
  }

  function stepDuration(to: string): number {
    if (to === 'complete') return h.int(2, 7) * DAY_MS + h.int(0, DAY_MS);
    if (to === 'returned') return h.int(1, 5) * DAY_MS;
    if (to === 'shipping' || to === 'successful_delivery' || to === 'delivered')
      return h.int(6, 40) * HOUR_MS;
    return h.int(5, 600) * 60_000;
  }

  function buildOrder(shop: ShopBuild, status: TikiOrderStatus): Record<string, unknown> {
    const id = nextOrderId;
    nextOrderId += h.int(3, 40);
    const code = orderCode();
    const inventoryType = h.pick(shop.sellables).inventoryType;
    const fulfillmentType = FULFILLMENT_OF[inventoryType];
    const candidates = shop.sellables.filter((item) => item.inventoryType === inventoryType);
    const prepaid = PREPAID_ONLY.includes(status)
      ? true
      : status === 'processing'
        ? false
        : h.int(0, 99) < 35;
    const path = historyPath(status, prepaid, fulfillmentType === 'seller_delivery');
    const steps = path.map((step, index) => (index === 0 ? 0 : stepDuration(step)));
    const span = steps.reduce((sum, step) => sum + step, 0);
    const window = FINISHED.includes(status) ? 45 * DAY_MS : 4 * DAY_MS;
    const createdAt =
      Math.floor((now - span - random() * Math.max(0, window - span - HOUR_MS)) / 1000) * 1000;
    let at = createdAt;
    const histories = path.map((step, index) => {
      at += steps[index]!;
      return { id: nextHistoryId++, status: step, created_at: formatWallTime(at) };
    });
    const updatedAt = at;
    const canceled = status === 'canceled' || status === 'closed';
    const handedOver = path.includes('handover_to_partner');
    const accepted = path.includes('queueing');

    const itemCount = h.weighted([
      [1, 70],
      [2, 22],
      [3, 8],
    ]);
    const chosen = h.shuffle(candidates).slice(0, itemCount);
    const sellerCoupon = h.int(0, 99) < 15;
    const tikiCoupon = !sellerCoupon && h.int(0, 99) < 10;
    const pickupFee = fulfillmentType === 'dropship' && h.int(0, 99) < 30;
    const items = chosen.map((sellable, index) => {
      const qty = h.weighted([
        [1, 80],
        [2, 15],
        [3, 5],
      ]);
      const subtotal = qty * sellable.price;
      const coupon =
        index === 0 && (sellerCoupon || tikiCoupon)
          ? Math.min(h.pick([10_000, 20_000, 30_000]), Math.floor(subtotal / 2))
          : 0;
      const percentFee = (percent: number) => -Math.round((subtotal * percent) / 100);
      const fee = (
        key: string,
        name: string,
        quantity: number,
        baseAmount: number,
        totalAmount: number,
        discount = 0,
      ) => ({
        id: nextFeeId++,
        fee_type_key: key,
        fee_type_name: name,
        status: 1,
        quantity,
        base_amount: baseAmount,
        total_amount: totalAmount,
        discount_amount: discount,
        final_amount: totalAmount + discount,
      });
      const commission = percentFee(CATEGORIES[sellable.category].commissionPercent);
      // Canceled orders are not charged, except the fixed fee once the parcel has left the seller.
      const fees = canceled
        ? handedOver
          ? [fee('base_fee', 'Phí cố định', qty, BASE_FEE_VND, -BASE_FEE_VND * qty)]
          : []
        : [
            fee('base_fee', 'Phí cố định', qty, BASE_FEE_VND, -BASE_FEE_VND * qty),
            fee('payment_fee', 'Phí thanh toán', 1, PAYMENT_FEE_PERCENT, percentFee(PAYMENT_FEE_PERCENT)),
            fee(
              'commission_fee',
              'Phí hoa hồng',
              1,
              CATEGORIES[sellable.category].commissionPercent,
              commission,
              h.int(0, 19) === 0 ? -Math.round(commission / 2) : 0,
            ),
            ...(pickupFee && index === 0
              ? [fee('pickup_fee', 'Phí lấy hàng', 1, PICKUP_FEE_VND, -PICKUP_FEE_VND)]
              : []),
          ];
      const sellerFee = fees.reduce((sum, entry) => sum + entry.final_amount, 0);
      const sellerDiscount = sellerCoupon ? coupon : 0;
      return {
        id: nextItemId++,
        product: {
          id: sellable.productId,
          type: 'simple',
          super_id: sellable.product.super_id,
          master_id: sellable.product.master_id,
          sku: sellable.tikiSku,
          name: sellable.name,
          thumbnail: sellable.product.thumbnail,
          inventory_type: inventoryType,
          // Tiki sends an empty seller code as "" or null, depending on the order.
          seller_product_code: sellable.originalSku === '' && h.int(0, 1) === 0 ? null : sellable.originalSku,
        },
        confirmation: {
          status: !accepted
            ? 'waiting'
            : status === 'queueing'
              ? 'waiting'
              : canceled && h.int(0, 2) === 0
                ? 'seller_canceled'
                : 'seller_confirmed',
          available_confirm_sla: formatWallTime(createdAt + DAY_MS),
        },
        price: sellable.price,
        qty,
        invoice: {
          price: sellable.price,
          quantity: qty,
          subtotal,
          row_total: Math.max(0, subtotal - coupon),
          discount_amount: coupon,
          discount_coupon: coupon,
          is_seller_discount_coupon: sellerCoupon && coupon > 0,
          seller_fee: sellerFee,
          seller_income: canceled ? sellerFee : subtotal - sellerDiscount + sellerFee,
          fees,
        },
      };
    });
    const sum = (pick: (item: (typeof items)[number]) => number) =>
      items.reduce((total, item) => total + pick(item), 0);
    const subtotal = sum((item) => item.invoice.subtotal);
    const discount = sum((item) => item.invoice.discount_amount);
    const shippingFee = h.pick([0, 0, 14_000, 20_000]);
    const grandTotal = subtotal - discount + shippingFee;
    const place = h.pick(PLACES);
    const fullName = `${h.pick(FAMILY_NAMES)} ${h.pick(MIDDLE_NAMES)} ${h.pick(GIVEN_NAMES)}`;
    return {
      id,
      code,
      relation_code: '',
      fulfillment_type: fulfillmentType,
      status,
      is_rma: false,
      is_vat_exporting: h.int(0, 19) === 0,
      has_backorder_items: inventoryType !== 'instock',
      created_at: formatWallTime(createdAt),
      updated_at: formatWallTime(updatedAt),
      items,
      invoice: {
        items_count: items.length,
        items_quantity: sum((item) => item.qty),
        subtotal,
        grand_total: grandTotal,
        collectible_amount: prepaid ? 0 : grandTotal,
        discount_amount: discount,
        discount_tikixu: 0,
        discount_coupon: sum((item) => item.invoice.discount_coupon),
        coupon_code: sellerCoupon ? 'SHOPGIAMGIA' : tikiCoupon ? 'TIKIXTRA' : null,
        shipping_amount_after_discount: shippingFee,
        shipping_discount_amount: shippingFee === 0 ? 20_000 : 0,
        handling_fee: 0,
        other_fee: 0,
        total_seller_fee: sum((item) => item.invoice.seller_fee),
        total_seller_income: sum((item) => item.invoice.seller_income),
        purchased_at: formatWallTime(createdAt),
        tax_info: null,
      },
      shipping: {
        partner_name: handedOver ? h.pick(CARRIERS) : null,
        tracking_code: handedOver ? `TK${h.digits(10)}` : null,
        status: handedOver
          ? path.includes('successful_delivery') || path.includes('delivered')
            ? 'delivered'
            : 'in_transit'
          : null,
        plan: {
          name: h.pick(['TikiFAST Giao Tiết Kiệm', 'Giao Tiêu Chuẩn', 'TikiNOW Giao Nhanh 2H']),
          promised_delivery_date: `${formatWallTime(createdAt + 3 * DAY_MS).slice(0, 10)} 23:59:59`,
        },
        address: {
          full_name: fullName,
          street: `Số ${h.int(1, 250)} ${h.pick(STREETS)}`,
          ward: place.ward,
          ward_tiki_code: place.wardCode,
          district: place.district,
          region: place.region,
          country_id: 'VN',
          email: null,
          // Tiki hides the buyer's phone except for seller-delivered orders.
          phone: fulfillmentType === 'seller_delivery' ? `09${h.digits(8)}` : '',
        },
      },
      payment: {
        method: prepaid ? h.pick(['momo', 'cybersource', 'pay123']) : 'cod',
        is_prepaid: prepaid,
        status: prepaid && !path.includes('paid') ? 'pending' : 'success',
      },
      tiki_warehouse: h.pick(TIKI_WAREHOUSES),
      customer: { id: h.int(1_000_000, 29_999_999), full_name: fullName },
      status_histories: histories,
    };
  }

  const credentials = () => ({
    connectionKey: `${h.hex(8)}-${h.hex(4)}-4${h.hex(3)}-a${h.hex(3)}-${h.hex(12)}`,
    clientId: `${h.int(1000, 9999)}${h.digits(12)}`,
    clientSecret: `${h.hex(24)}${h.hex(24)}`,
  });
  const shops: SeedTikiShop[] = [
    {
      sellerId: 218_431,
      name: 'Nhà Sách & Gia Dụng Minh An',
      ...credentials(),
      products: main.products,
      orders: buildOrders(main, 300),
      warehouses: [
        { id: mainWarehouses[0]!, name: 'Kho Hà Nội', is_primary: true, status: 1, type: 'requisition' },
        {
          id: mainWarehouses[1]!,
          name: 'Kho Hồ Chí Minh',
          is_primary: false,
          status: 1,
          type: 'requisition',
        },
        { id: 387460, name: 'Kho nhận hàng hoàn', is_primary: false, status: 1, type: 'withdrawal' },
      ],
      canUpdateProduct: true,
    },
    {
      sellerId: 305_772,
      name: 'Phụ Kiện Số Hoàng Long',
      ...credentials(),
      products: small.products,
      orders: buildOrders(small, 20),
      warehouses: [
        { id: smallWarehouses[0]!, name: 'Kho Quận 10', is_primary: true, status: 1, type: 'requisition' },
        { id: 402119, name: 'Kho nhận hàng hoàn', is_primary: false, status: 1, type: 'withdrawal' },
      ],
      canUpdateProduct: true,
    },
  ];

  return {
    tiki: { shops },
    nhanh: {
      appId: '74821',
      secretKey: `${h.hex(32)}${h.hex(32)}`,
      businessId: 183_620,
      accessToken: `${h.hex(16)}${h.hex(16)}${h.hex(16)}${h.hex(16)}`,
      accessTokenExpiredAt: Math.floor(now / 1000) + 300 * 86_400,
      depots,
      products: nhanhProducts,
    },
  };
}
