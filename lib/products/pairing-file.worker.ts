import { readPairingFile } from './pairing-file';

/** Reads a pairing table off the page's thread: a file at the row cap takes seconds to parse. */
self.onmessage = (event: MessageEvent<ArrayBuffer>) => {
  self.postMessage(readPairingFile(event.data));
};
