/** Realistic `/quote` bodies for the benchmark: MX → US, three items, one parcel. */

export interface Workload {
  name: 'varied' | 'same';
  bodies: string[];
}

function body(i: number): Record<string, unknown> {
  // A pool of thousands of distinct prices: no response cache can help on "varied".
  const cents = (n: number) => (100 + ((i * 7919 + n * 104729) % 900_000) / 100).toFixed(2);
  return {
    origin: { country: 'MX', postalCode: '64000' },
    destination: { country: 'US', region: 'CA', postalCode: '90012' },
    currency: 'USD',
    incoterm: i % 2 === 0 ? 'DDP' : 'DAP',
    shipDate: '2026-12-14',
    items: [
      { description: 'Cotton T-shirt', hsCode: '6109.10', originCountry: 'MX', quantity: 2, unitPrice: { amount: cents(1), currency: 'MXN' }, unitWeight: { value: 0.2, unit: 'kg' } },
      { description: 'Leather handbag', hsCode: '4202.21', originCountry: 'MX', claimPreference: i % 3 !== 0, quantity: 1, unitPrice: { amount: cents(2), currency: 'MXN' }, unitWeight: { value: 0.8, unit: 'kg' } },
      { description: 'Silver ring', hsCode: '7113.11', originCountry: 'MX', quantity: 3, unitPrice: { amount: cents(3), currency: 'MXN' }, unitWeight: { value: 0.02, unit: 'kg' } },
    ],
    parcels: [{ length: 35, width: 25, height: 12, dimensionUnit: 'cm', weight: 1.8, weightUnit: 'kg' }],
    insure: i % 4 === 0,
    locale: i % 2 === 0 ? 'es' : 'en',
  };
}

/** 30,000 varied bodies: more than the service answers in the bench's 11 s of varied load, so none repeats. */
export function workloads(poolSize = 30_000): Workload[] {
  return [
    { name: 'varied', bodies: Array.from({ length: poolSize }, (_, i) => JSON.stringify(body(i))) },
    { name: 'same', bodies: [JSON.stringify(body(0))] },
  ];
}

export function bodyWithItems(n: number): Record<string, unknown> {
  const b = body(1);
  const items = b.items as Record<string, unknown>[];
  return { ...b, items: Array.from({ length: n }, (_, k) => ({ ...items[k % 3], quantity: 1 + (k % 5) })) };
}
