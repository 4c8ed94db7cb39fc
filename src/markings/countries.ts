/** Country trigraphs and tetragraphs for REL TO, DISPLAY ONLY, FGI and JOINT lists, and their canonical order. */

/** Where the country list comes from; bump it when the list is updated inside the enclave. */
export const COUNTRIES_VERSION = 'iso-3166-1 (iso-codes 4.15.0) + GENC XKS';

/** ISO 3166-1 alpha-3 codes (as shipped by the Debian iso-codes 4.15.0 package), plus GENC-only XKS (Kosovo). */
export const TRIGRAPHS: ReadonlySet<string> = new Set([
  'ABW', 'AFG', 'AGO', 'AIA', 'ALA', 'ALB', 'AND', 'ARE', 'ARG', 'ARM', 'ASM', 'ATA', 'ATF', 'ATG', 'AUS', 'AUT',
  'AZE', 'BDI', 'BEL', 'BEN', 'BES', 'BFA', 'BGD', 'BGR', 'BHR', 'BHS', 'BIH', 'BLM', 'BLR', 'BLZ', 'BMU', 'BOL',
  'BRA', 'BRB', 'BRN', 'BTN', 'BVT', 'BWA', 'CAF', 'CAN', 'CCK', 'CHE', 'CHL', 'CHN', 'CIV', 'CMR', 'COD', 'COG',
  'COK', 'COL', 'COM', 'CPV', 'CRI', 'CUB', 'CUW', 'CXR', 'CYM', 'CYP', 'CZE', 'DEU', 'DJI', 'DMA', 'DNK', 'DOM',
  'DZA', 'ECU', 'EGY', 'ERI', 'ESH', 'ESP', 'EST', 'ETH', 'FIN', 'FJI', 'FLK', 'FRA', 'FRO', 'FSM', 'GAB', 'GBR',
  'GEO', 'GGY', 'GHA', 'GIB', 'GIN', 'GLP', 'GMB', 'GNB', 'GNQ', 'GRC', 'GRD', 'GRL', 'GTM', 'GUF', 'GUM', 'GUY',
  'HKG', 'HMD', 'HND', 'HRV', 'HTI', 'HUN', 'IDN', 'IMN', 'IND', 'IOT', 'IRL', 'IRN', 'IRQ', 'ISL', 'ISR', 'ITA',
  'JAM', 'JEY', 'JOR', 'JPN', 'KAZ', 'KEN', 'KGZ', 'KHM', 'KIR', 'KNA', 'KOR', 'KWT', 'LAO', 'LBN', 'LBR', 'LBY',
  'LCA', 'LIE', 'LKA', 'LSO', 'LTU', 'LUX', 'LVA', 'MAC', 'MAF', 'MAR', 'MCO', 'MDA', 'MDG', 'MDV', 'MEX', 'MHL',
  'MKD', 'MLI', 'MLT', 'MMR', 'MNE', 'MNG', 'MNP', 'MOZ', 'MRT', 'MSR', 'MTQ', 'MUS', 'MWI', 'MYS', 'MYT', 'NAM',
  'NCL', 'NER', 'NFK', 'NGA', 'NIC', 'NIU', 'NLD', 'NOR', 'NPL', 'NRU', 'NZL', 'OMN', 'PAK', 'PAN', 'PCN', 'PER',
  'PHL', 'PLW', 'PNG', 'POL', 'PRI', 'PRK', 'PRT', 'PRY', 'PSE', 'PYF', 'QAT', 'REU', 'ROU', 'RUS', 'RWA', 'SAU',
  'SDN', 'SEN', 'SGP', 'SGS', 'SHN', 'SJM', 'SLB', 'SLE', 'SLV', 'SMR', 'SOM', 'SPM', 'SRB', 'SSD', 'STP', 'SUR',
  'SVK', 'SVN', 'SWE', 'SWZ', 'SXM', 'SYC', 'SYR', 'TCA', 'TCD', 'TGO', 'THA', 'TJK', 'TKL', 'TKM', 'TLS', 'TON',
  'TTO', 'TUN', 'TUR', 'TUV', 'TWN', 'TZA', 'UGA', 'UKR', 'UMI', 'URY', 'USA', 'UZB', 'VAT', 'VCT', 'VEN', 'VGB',
  'VIR', 'VNM', 'VUT', 'WLF', 'WSM', 'YEM', 'ZAF', 'ZMB', 'ZWE',
  'XKS',
]);

/**
 * Registered tetragraphs we know. `members` lists the countries a tetragraph stands for when it may be expanded
 * to intersect REL TO lists (FVEY, ACGU, TEYE); organisations such as NATO have no fixed expansion here.
 */
export const TETRAGRAPHS: Readonly<Record<string, { title: string; members: readonly string[] | null }>> = {
  ACGU: { title: 'Australia, Canada, United Kingdom, United States', members: ['AUS', 'CAN', 'GBR', 'USA'] },
  FVEY: { title: 'Five Eyes', members: ['AUS', 'CAN', 'GBR', 'NZL', 'USA'] },
  ISAF: { title: 'International Security Assistance Force', members: null },
  KFOR: { title: 'Kosovo Force', members: null },
  NATO: { title: 'North Atlantic Treaty Organization', members: null },
  TEYE: { title: 'Three Eyes', members: ['AUS', 'GBR', 'USA'] },
};

/** True for a known trigraph or tetragraph. */
export function isKnownCountryCode(code: string): boolean {
  return TRIGRAPHS.has(code) || Object.hasOwn(TETRAGRAPHS, code);
}

/** Trigraphs before tetragraphs, each alphabetical (the CAPCO order for FGI, JOINT and, after USA, REL TO). */
export function compareCountryCodes(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A REL TO / DISPLAY ONLY list in canonical order: USA first, then trigraphs, then tetragraphs; duplicates removed. */
export function sortReleaseList(codes: Iterable<string>): string[] {
  const all = [...new Set(codes)];
  const rest = all.filter((c) => c !== 'USA').sort(compareCountryCodes);
  return all.includes('USA') ? ['USA', ...rest] : rest;
}

/** Replaces expandable tetragraphs (FVEY, ACGU, TEYE) by their member countries; other codes stay as they are. */
export function expandCountryCodes(codes: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const c of codes) {
    const members = Object.hasOwn(TETRAGRAPHS, c) ? TETRAGRAPHS[c]!.members : null;
    for (const m of members ?? [c]) out.add(m);
  }
  return out;
}
