import { join } from 'node:path';
import type { RatedService } from '../../src/carriers/carrier-rater';
import { loadCarrierDirectory } from '../../src/carriers/carrier-loader';
import { TableCarrierRater } from '../../src/carriers/table-carrier-rater';
import { estimateDeliveryWindow } from '../../src/domain/delivery-window';
import { countryTimeZone, createHolidayCalendar } from '../../src/domain/holiday-calendar';
import { D } from '../../src/domain/money';

/**
 * Every service of every bundled carrier table, to every destination with a
 * tariff file now or soon, shipped on every day of 2026 at 09:00 and at
 * 19:00 in Mexico City (before and after every cut-off), with the real
 * date-holidays calendar: pickup is never on a weekend or a Mexican public
 * holiday, and delivery never on a weekend or a public holiday of the
 * destination (domain.md step 11).
 */
const DESTINATIONS = ['US', 'CA', 'GT', 'CR', 'PA', 'CO', 'CL', 'PE', 'BR', 'AR', 'ES', 'DE', 'FR', 'IT', 'NL', 'GB', 'JP', 'KR', 'CN', 'AU'];
const { carriers } = loadCarrierDirectory(join(__dirname, '..', '..', 'carriers'));
const raters = carriers.map((c) => new TableCarrierRater(c));
const calendar = createHolidayCalendar();
const MX_TZ = countryTimeZone('MX');

const DAYS_2026 = Array.from({ length: 365 }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10));
const weekend = (d: string) => [0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());

function servicesTo(country: string): RatedService[] {
  return raters.flatMap(
    (r) =>
      r.rate({
        origin: { country: 'MX', postalCode: '64000' },
        destination: { country },
        parcels: [{ lengthCm: new D(30), widthCm: new D(20), heightCm: new D(10), weightKg: new D('1.2') }],
        declaredValue: { amount: new D(700), currency: 'MXN' },
        shipDate: '2026-03-10',
        insure: false,
        items: [],
        buyer: 'consumer',
        convert: (a) => a,
      }).options,
  );
}

describe('delivery windows of every carrier service over every day of 2026', () => {
  it.each(DESTINATIONS)('to %s: pickup on a Mexican business day, delivery on a business day of the destination', (country) => {
    const services = servicesTo(country);
    // US has no Mexpost (suspended); every other destination has all seven services.
    expect(services.length).toBe(country === 'US' ? 6 : 7);
    const problems: string[] = [];
    for (const s of services) {
      for (const shipDate of DAYS_2026) {
        // Mexico City is UTC−6 all year: +15 h is 09:00 (before every cut-off), +25 h is 19:00 (after every one, UPS's 18:00 included).
        for (const hoursAfterMidnightUtc of [15, 25]) {
          const now = new Date(Date.parse(`${shipDate}T00:00:00Z`) + hoursAfterMidnightUtc * 3_600_000);
          const w = estimateDeliveryWindow({
            shipDate,
            now,
            origin: { country: 'MX', timeZone: MX_TZ },
            destination: { country },
            cutoffLocal: s.cutoffLocal,
            transitDays: s.transitDays,
            customsDays: s.customsDays,
            holidays: calendar,
          });
          const label = `${s.carrier}/${s.service} ${shipDate} +${hoursAfterMidnightUtc}h`;
          if (weekend(w.pickupDate) || calendar.isHoliday('MX', undefined, w.pickupDate)) problems.push(`${label}: pickup ${w.pickupDate}`);
          for (const d of [w.earliest, w.latest]) {
            if (weekend(d) || calendar.isHoliday(country, undefined, d)) problems.push(`${label}: delivery ${d}`);
          }
          if (!(shipDate <= w.pickupDate && w.pickupDate < w.earliest && w.earliest <= w.latest)) problems.push(`${label}: dates out of order`);
        }
      }
    }
    expect(problems).toEqual([]);
  }, 30_000);
});
