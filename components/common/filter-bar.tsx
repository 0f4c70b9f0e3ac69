import type { ReactNode } from 'react';

/** A table's filters, each with its count, and its search box; the pressed filter is the one shown. */
export function FilterBar<Filter extends string>({
  label,
  filters,
  active,
  counts,
  labelOf,
  onFilter,
  query,
  onQuery,
  searchLabel,
}: {
  label: string;
  filters: readonly Filter[];
  active: Filter;
  counts: Readonly<Record<Filter, number>>;
  labelOf: (filter: Filter) => string;
  onFilter: (filter: Filter) => void;
  query: string;
  onQuery: (query: string) => void;
  searchLabel: string;
}) {
  return (
    <div className="filter-bar" role="toolbar" aria-label={label}>
      {filters.map((name) => (
        <button
          key={name}
          type="button"
          aria-pressed={active === name}
          onClick={() => onFilter(name)}
          data-filter={name}
        >
          {labelOf(name)} <span className="count">{counts[name]}</span>
        </button>
      ))}
      <input
        type="search"
        className="filter-search"
        placeholder={searchLabel}
        aria-label={searchLabel}
        value={query}
        onChange={(event) => onQuery(event.target.value)}
      />
    </div>
  );
}

/** What can be done with the selected rows, named by how many there are. */
export function SelectionBar({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="selection-bar" role="toolbar" aria-label={label}>
      <span>{label}</span>
      {children}
    </div>
  );
}
