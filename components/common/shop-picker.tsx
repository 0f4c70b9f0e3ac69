import type { Shop } from '../../lib/config/settings-schema';

/** The shop a per-shop section shows, chosen among several (nothing to choose with one shop). */
export function ShopPicker({
  label,
  shops,
  value,
  onChange,
}: {
  label: string;
  shops: readonly Pick<Shop, 'id' | 'name'>[];
  value: string;
  onChange: (shopId: string) => void;
}) {
  if (shops.length < 2) return null;
  return (
    <label className="inline-field">
      {label}
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        {shops.map((shop) => (
          <option key={shop.id} value={shop.id}>
            {shop.name}
          </option>
        ))}
      </select>
    </label>
  );
}
