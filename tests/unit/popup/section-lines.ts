/** The text a seller reads in the popup's section `label`, one line per list item or paragraph (none without it). */
export function sectionLines(html: string, label: string): string[] {
  const section = html.match(new RegExp(`<section aria-label="${label}">(.*?)</section>`))?.[1] ?? '';
  return section
    .split(/<\/(?:li|p|h2)>/)
    .map((line) =>
      line
        .replace(/<br\/>/g, ' ')
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(Boolean);
}
