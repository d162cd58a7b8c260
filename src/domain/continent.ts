import { countries } from 'countries-list';

/** Continent codes of countries-list (annexare/Countries, MIT, pinned 3.4.1). */
export type ContinentCode = 'AF' | 'AN' | 'AS' | 'EU' | 'NA' | 'OC' | 'SA';

/**
 * The continent of an ISO 3166-1 alpha-2 country, as countries-list records it
 * (its main one for a transcontinental country: the dataset puts TR and RU in "AS",
 * not a choice of ours); undefined for a code the dataset lacks.
 */
export function continentOf(country: string): ContinentCode | undefined {
  return (countries as Record<string, { continent: ContinentCode } | undefined>)[country]?.continent;
}
