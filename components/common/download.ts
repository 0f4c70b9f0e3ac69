/** Saves a blob as a file through a temporary link (the dashboard is an extension page: no download permission needed). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  link.click();
  // The browser reads the link's blob after this turn: revoked a little later, not at once.
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** Today's date as a file name part, e.g. `2026-12-01`. */
export function fileDate(now = Date.now()): string {
  return new Date(now).toISOString().slice(0, 10);
}
