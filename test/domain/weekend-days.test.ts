import { estimateDeliveryWindow, type HolidayCalendar } from '../../src/domain/delivery-window';
import { weekendDaysOf } from '../../src/domain/weekend-days';

/** CLDR weekData (via Node's ICU): 0 = Sunday … 6 = Saturday. */
describe('weekendDaysOf (CLDR week data)', () => {
  it.each([
    ['SA', [5, 6], 'Friday and Saturday'],
    ['KW', [5, 6], 'Friday and Saturday'],
    ['IL', [5, 6], 'Friday and Saturday'],
    ['AE', [6, 0], 'Saturday and Sunday since 2022'],
    ['IN', [0], 'Sunday only'],
    ['MX', [6, 0], 'Saturday and Sunday'],
    ['sa', [5, 6], 'lower case accepted'],
    ['ZZ', [6, 0], 'unknown territory: Saturday and Sunday'],
    ['', [6, 0], 'no code: Saturday and Sunday'],
  ])('%s → %j (%s)', (country, days, _why) => {
    expect([...weekendDaysOf(country)]).toEqual(days);
  });
});

describe('delivery window with a Friday–Saturday weekend at the destination', () => {
  const calendar: HolidayCalendar = { isHoliday: () => false, weekendDays: (c) => (c === 'SA' ? [5, 6] : [6, 0]) };

  it('pickup Thursday 2026-11-26 in MX, 1 business day to SA: Friday 27 and Saturday 28 are skipped → Sunday 29', () => {
    const w = estimateDeliveryWindow({
      shipDate: '2026-11-26',
      now: new Date('2026-11-26T15:00:00Z'),
      origin: { country: 'MX', timeZone: 'America/Mexico_City' },
      destination: { country: 'SA' },
      cutoffLocal: '17:00',
      transitDays: { min: 1, max: 1 },
      customsDays: { min: 0, max: 0 },
      holidays: calendar,
    });
    expect([w.pickupDate, w.earliest, w.latest]).toEqual(['2026-11-26', '2026-11-29', '2026-11-29']);
    expect(w.working).toEqual(expect.arrayContaining(['skipped 2026-11-27 (Friday)', 'skipped 2026-11-28 (Saturday)']));
  });
});
