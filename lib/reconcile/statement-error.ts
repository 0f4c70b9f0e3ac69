import type { LocalizedText } from '../i18n';

/** Why a statement file was refused, as a message the seller reads (file names only, never file contents). */
export class StatementFileError extends Error {
  constructor(readonly text: LocalizedText) {
    super(text.key);
    this.name = 'StatementFileError';
  }
}
