/** Largest activity read; Bot Framework activities are far smaller (Teams caps messages near 100 KB). */
export const MAX_BODY_BYTES = 1_000_000;
