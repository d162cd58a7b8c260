import { DeliveryWindowError, estimateDeliveryWindow, type DeliveryWindowInput, type HolidayCalendar } from '../../src/domain/delivery-window';

/**
 * A carrier's own delivery date (live rates) in the delivery window: it
 * replaces transit + customs days, and moves only when the pickup comes
 * later than the hand-over the carrier dated it for. Calendar: US
 * Thanksgiving 2026-11-26 and MX Revolution Day 2026-11-16 only.
 */
const HOLIDAYS: Record<string, string> = { 'US 2026-11-26': 'Thanksgiving Day', 'MX 2026-11-16': 'Revolution Day' };
const calendar: HolidayCalendar = {
  isHoliday: (country, _region, d) => HOLIDAYS[`${country} ${d}`] !== undefined,
  holidayName: (country, _region, d) => HOLIDAYS[`${country} ${d}`],
};

function input(over: Partial<DeliveryWindowInput>): DeliveryWindowInput {
  return {
    shipDate: '2026-11-23',
    // 09:00 in Mexico City on Monday 2026-11-23.
    now: new Date('2026-11-23T15:00:00Z'),
    origin: { country: 'MX', timeZone: 'America/Mexico_City' },
    destination: { country: 'US' },
    cutoffLocal: '17:00',
    transitDays: { min: 5, max: 9 },
    customsDays: { min: 1, max: 3 },
    carrierDate: '2026-11-25',
    holidays: calendar,
    ...over,
  };
}

describe('estimateDeliveryWindow with a carrier date', () => {
  it('when the parcel leaves on the ship date, then delivery is the carrier date: Mon 23 → Wed 25 is 2 business days; transit and customs days are not used', () => {
    const w = estimateDeliveryWindow(input({}));
    expect(w).toMatchObject({ pickupDate: '2026-11-23', earliest: '2026-11-25', latest: '2026-11-25', deliveryDays: { min: 2, max: 2 } });
    expect(w.working).toContain("carrier's delivery date 2026-11-25 for a hand-over on 2026-11-23");
  });

  it('when the order comes after the 17:00 cut-off, then pickup is Tue 24 and delivery moves one US business day, over Thanksgiving, to Fri 27', () => {
    // 18:30 in Mexico City.
    const w = estimateDeliveryWindow(input({ now: new Date('2026-11-24T00:30:00Z') }));
    expect(w).toMatchObject({ pickupDate: '2026-11-24', earliest: '2026-11-27', latest: '2026-11-27', deliveryDays: { min: 2, max: 2 } });
    expect(w.working).toContain('pickup 1 business day later than that: delivery 2026-11-27');
  });

  it('when the ship date is a Saturday, then the carrier counted from Monday too: no shift (Sat 21 → pickup Mon 23 → Wed 25)', () => {
    const w = estimateDeliveryWindow(input({ shipDate: '2026-11-21', now: new Date('2026-11-20T15:00:00Z') }));
    expect(w).toMatchObject({ pickupDate: '2026-11-23', earliest: '2026-11-25', deliveryDays: { min: 2, max: 2 } });
  });

  it('when the ship date is past, then the date moves by the origin business days the pickup comes later', () => {
    // Dated Fri 20 for a hand-over on Tue 17 (Mon 16 is closed in MX); pickup today, Mon 23, is 4 MX business days later (18, 19, 20, 23).
    // Fri 20 + 4 US business days: 23, 24, 25, (26 Thanksgiving) 27. After pickup: 24, 25, 27 = 3 days.
    const w = estimateDeliveryWindow(input({ shipDate: '2026-11-16', carrierDate: '2026-11-20' }));
    expect(w).toMatchObject({ pickupDate: '2026-11-23', earliest: '2026-11-27', deliveryDays: { min: 3, max: 3 } });
  });

  it('when the carrier date is not a calendar date, then it fails with INVALID_DELIVERY_INPUT', () => {
    expect(() => estimateDeliveryWindow(input({ carrierDate: '2026-11-31' }))).toThrow(DeliveryWindowError);
  });
});
