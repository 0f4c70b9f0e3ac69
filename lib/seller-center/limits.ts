/**
 * The largest statement file the seller-center helper hands to the extension. A real statement is a few hundred
 * KB (three sheets of one period); the cap keeps a wrong link (a whole-year archive, a video) from flooding the
 * message channel. Checked in the page before sending and again by the background's message policy.
 */
export const MAX_STATEMENT_BYTES = 20 * 1024 * 1024;
