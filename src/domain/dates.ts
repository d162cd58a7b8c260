/** Dates are YYYY-MM-DD strings; `effectiveTo` is inclusive. Lexical order is date order. */
export interface Dated {
  effectiveFrom?: string;
  effectiveTo?: string;
}

export function inForce(d: Dated, date: string): boolean {
  return (d.effectiveFrom === undefined || d.effectiveFrom <= date) && (d.effectiveTo === undefined || date <= d.effectiveTo);
}

export function addDays(isoDate: string, days: number): string {
  const t = new Date(`${isoDate}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}
