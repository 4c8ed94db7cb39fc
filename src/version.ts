/** Assay's version, recorded in every run for reproducibility. */
export const ASSAY_VERSION = '0.1.0';
