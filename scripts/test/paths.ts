import path from "node:path";

/** The checkout's root. */
export const root = path.resolve(import.meta.dirname, "..", "..");
