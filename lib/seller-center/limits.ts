/**
 * The largest statement file the seller-center helper hands to the extension. A real statement is a few hundred
 * KB (three sheets of one period). The file waits in `storage.session` for the Đối soát section, whose quota is
 * 10 MB in Chrome and holds it as base64 (4/3 of its size): 5 MB leaves room. Checked in the page before sending
 * and again by the background's message policy.
 */
export const MAX_STATEMENT_BYTES = 5 * 1024 * 1024;

/**
 * The most order codes one `getOrderChipStates` asks about: a list page shows a few hundred orders at most. The
 * helper asks in batches of this size and the background's message policy refuses more.
 */
export const MAX_CHIP_CODES = 500;
