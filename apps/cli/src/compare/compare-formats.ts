/** Output formats of `assay compare --format`. */
export const COMPARE_FORMATS = ['text', 'json', 'md', 'html'] as const;

/** One output format. */
export type CompareFormat = (typeof COMPARE_FORMATS)[number];
