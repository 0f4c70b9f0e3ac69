interface ImportMetaEnv {
  /** Set by `npm start` only: the sandbox description (see lib/worker/dev-sandbox.ts). */
  readonly WXT_SANDBOX?: string;
}
