import { downloadBlob } from '../common/download';

/** Saves a workbook's bytes as an .xlsx file. */
export function downloadBytes(bytes: Uint8Array, fileName: string): void {
  const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  downloadBlob(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), fileName);
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
