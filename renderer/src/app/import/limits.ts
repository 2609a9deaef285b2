/** Largest file a browser sends to `addFiles` (the contract's base64 limit, as bytes of file). */
export const MAX_UPLOAD_BYTES = 150 * 1024 * 1024;
