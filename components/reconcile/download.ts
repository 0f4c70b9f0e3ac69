/** Saves bytes as a file through a temporary link (the dashboard is an extension page: no download permission needed). */
export function downloadBytes(bytes: Uint8Array, fileName: string): void {
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** A file name part from a statement's name: letters and digits only. */
export function fileStem(fileName: string): string {
  return (
    fileName
      .replace(/\.[^.]+$/, '')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .slice(0, 60) || 'sao-ke'
  );
}
