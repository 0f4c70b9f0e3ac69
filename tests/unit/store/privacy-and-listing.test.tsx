import fs from 'node:fs';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PrivacySection } from '../../../components/dashboard/privacy-section';
import { DOCUMENTED_API_BASE } from '../../../lib/config/api-bases';
import { LOCALES, type Locale, t } from '../../../lib/i18n';
import { PRIVACY_SECTIONS, PRIVACY_SUMMARY } from '../../../lib/privacy';
import { PERMISSIONS, PRODUCTION_HOSTS } from '../../../wxt.config';

/*
 * The privacy statement (dashboard), the README's Privacy section and the store listing must say what the
 * manifest asks for and where data goes: each is held here to wxt.config.ts and the documented API hosts.
 */

const MANIFEST_GRANTS = [...PERMISSIONS, ...PRODUCTION_HOSTS];
const DOCUMENTED_URLS = Object.values(DOCUMENTED_API_BASE);

function section(locale: Locale, heading: string): string[] {
  const found = PRIVACY_SECTIONS.find((candidate) => candidate.heading === heading)!;
  return found.items.map((key) => t(locale, key));
}

function readText(file: string): string {
  return fs.readFileSync(new URL(`../../../${file}`, import.meta.url), 'utf8');
}

/** The markdown between `## title` and the next `## `. */
function markdownSection(text: string, title: string): string {
  const start = text.indexOf(`\n## ${title}\n`);
  expect(start, `section "${title}"`).toBeGreaterThan(-1);
  const rest = text.slice(start + title.length + 5);
  return rest.slice(0, rest.search(/\n## |$/));
}

describe.each(LOCALES)('the privacy statement in %s', (locale) => {
  it('should give one reason for each permission and host of the manifest, and none for anything else', () => {
    const lines = section(locale, 'privacy.permissions.heading');
    expect(lines.map((line) => line.slice(0, line.indexOf(': ')))).toEqual(MANIFEST_GRANTS);
    for (const line of lines) expect(line.slice(line.indexOf(': ') + 2).length).toBeGreaterThan(15);
  });

  it('should say data goes only to the documented Tiki and Nhanh addresses, with no analytics', () => {
    const sent = section(locale, 'privacy.sent.heading').join('\n');
    expect([...new Set(sent.match(/https:\/\/[^\s)]+/g))].sort()).toEqual([...DOCUMENTED_URLS].sort());
    expect(sent).toContain('analytics');
  });

  it('should name what it reads and where it keeps it', () => {
    const reads = section(locale, 'privacy.reads.heading').join('\n').toLowerCase();
    for (const word of ['tiki', 'client secret', 'secret key', 'access token', 'sku'])
      expect(reads, word).toContain(word);
    const kept = section(locale, 'privacy.kept.heading').join('\n');
    for (const place of ['chrome.storage.local', 'chrome.storage.session', 'IndexedDB'])
      expect(kept).toContain(place);
  });
});

describe('the dashboard', () => {
  it('should show the whole statement under Quyền riêng tư', () => {
    const text = renderToStaticMarkup(<PrivacySection />)
      .replace(/<[^>]+>/g, '\n')
      .replace(/&quot;/g, '"')
      .replace(/&#x27;/g, "'")
      .replace(/&amp;/g, '&');
    const lines = text.split('\n').filter(Boolean);
    const expected = [
      t('vi', PRIVACY_SUMMARY),
      ...PRIVACY_SECTIONS.flatMap(({ heading, items }) => [
        t('vi', heading),
        ...items.map((key) => t('vi', key)),
      ]),
    ];
    expect(lines).toEqual(expected);
  });
});

describe("the README's Privacy section", () => {
  const privacy = markdownSection(readText('README.md'), 'Privacy / Quyền riêng tư');

  it('should say in both languages what is read, where it is kept and the only places it is sent', () => {
    expect(privacy).toContain('**Tiếng Việt.**');
    expect(privacy).toContain('**English.**');
    for (const url of DOCUMENTED_URLS) expect(privacy.split(`\`${url}\``)).toHaveLength(3);
    for (const word of ['chrome.storage.local', 'IndexedDB', 'analytics', 'Access token', 'Client secret'])
      expect(privacy).toContain(word);
  });
});

describe.each([
  ['vi', 'store/listing.vi.md', 'Tên', 'Mô tả ngắn', 'Lý do xin quyền'],
  ['en', 'store/listing.en.md', 'Name', 'Short description', 'Permission justifications'],
])('the %s store listing', (locale, file, nameTitle, summaryTitle, permissionsTitle) => {
  const listing = readText(file);
  const messages = JSON.parse(readText(`public/_locales/${locale}/messages.json`)) as Record<
    string,
    { message: string }
  >;

  it('should use the name and short description the manifest shows, within the store limit', () => {
    expect(markdownSection(listing, nameTitle).trim()).toBe(messages.extName!.message);
    const summary = markdownSection(listing, summaryTitle).trim();
    expect(summary).toBe(messages.extDescription!.message);
    expect(summary.length).toBeLessThanOrEqual(132);
  });

  it('should justify each permission and host of the manifest in one line, and say there is no remote code', () => {
    const lines = markdownSection(listing, permissionsTitle).trim().split('\n');
    const granted = lines.flatMap((line) => /^- `([^`]+)`: \S/.exec(line)?.[1] ?? []);
    expect(granted).toEqual(MANIFEST_GRANTS);
    expect(lines.at(-1)).toMatch(/^- (Mã từ xa|Remote code)/);
  });

  it('should say where the screenshots go', () => {
    expect(listing).toContain('`store/screenshots/`');
  });
});

describe('store screenshots', () => {
  it('should have a 1280×800 PNG of each dashboard section a seller works in, as the store requires', () => {
    const directory = new URL('../../../store/screenshots/', import.meta.url);
    const sizes = Object.fromEntries(
      fs
        .readdirSync(directory)
        .sort()
        .map((name) => {
          const png = fs.readFileSync(new URL(name, directory));
          // A PNG's IHDR chunk holds width and height as big-endian 32-bit integers at bytes 16 and 20.
          return [name, `${png.readUInt32BE(16)}×${png.readUInt32BE(20)}`];
        }),
    );
    expect(sizes).toEqual({
      'dashboard-orders.png': '1280×800',
      'dashboard-products.png': '1280×800',
      'dashboard-reconcile.png': '1280×800',
      'dashboard-settings.png': '1280×800',
    });
  });
});
