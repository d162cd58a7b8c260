import Holidays from 'date-holidays';
import { estimateDeliveryWindow } from '../../src/domain/delivery-window';
import { countryTimeZone, createHolidayCalendar } from '../../src/domain/holiday-calendar';

/** These rows pin what date-holidays 3.37.0 says, so a data change in an upgrade shows up here. */
describe('createHolidayCalendar (date-holidays, public holidays only)', () => {
  const calendar = createHolidayCalendar();

  describe('when the day is a public holiday, then it is one, with its English name', () => {
    it.each([
      ['US', undefined, '2026-07-03', 'Independence Day (substitute day)', '4 July 2026 is a Saturday: observed Friday 3'],
      ['US', undefined, '2026-07-04', 'Independence Day', 'the Saturday itself is still listed (harmless: a weekend)'],
      ['US', undefined, '2026-11-26', 'Thanksgiving Day', 'fourth Thursday of November'],
      ['US', undefined, '2026-12-25', 'Christmas Day', 'a Friday in 2026'],
      ['US', undefined, '2026-10-12', 'Columbus Day', 'federal, so public, though couriers deliver that day'],
      ['US', undefined, '2021-12-31', "New Year's Day (substitute day)", '1 Jan 2022 was a Saturday: observed in the year before'],
      ['US', 'CA', '2026-11-27', 'Day after Thanksgiving Day', 'public in California only'],
      ['MX', undefined, '2026-09-16', 'Independence Day', 'fixed date'],
      ['MX', undefined, '2026-11-16', 'Revolution Day', 'third Monday of November, not 20 November'],
      ['MX', undefined, '2026-02-02', 'Constitution Day', 'first Monday of February'],
      ['MX', undefined, '2024-12-01', 'Change of Federal Government', 'every six years, on 1 December'],
      ['CA', undefined, '2026-07-01', 'Canada Day', 'national'],
      ['CA', 'ON', '2026-12-26', 'Boxing Day', 'Ontario; a Saturday in 2026'],
      ['CA', 'CA-ON', '2026-12-26', 'Boxing Day', 'an ISO 3166-2 code with the country prefix is accepted'],
      ['CA', 'QC', '2026-06-24', 'National Holiday', 'Quebec’s Fête nationale'],
      ['us', undefined, '2026-11-26', 'Thanksgiving Day', 'lower-case codes are accepted'],
      ['BR', undefined, '2026-11-02', "All Souls' Day", 'Finados is public in Brazil'],
      ['AE', undefined, '2026-03-22', 'End of Ramadan (Eid al-Fitr)', 'third day of a three-day holiday (20–22 March)'],
    ])('%s %s %s → %s (%s)', (country, region, date, name, _why) => {
      expect(calendar.isHoliday(country, region, date)).toBe(true);
      expect(calendar.holidayName?.(country, region, date)).toBe(name);
    });
  });

  describe('when the day is not a public holiday, then it is a business day', () => {
    it.each([
      ['US', undefined, '2026-11-27', 'Day after Thanksgiving is only an observance nationally'],
      ['US', undefined, '2026-12-24', 'Christmas Eve is "optional"'],
      ['MX', undefined, '2026-11-20', 'Revolution Day moved to the third Monday'],
      ['MX', undefined, '2026-04-03', 'Good Friday is "bank" in Mexico'],
      ['MX', undefined, '2026-11-02', 'Día de Muertos is "bank"'],
      ['MX', undefined, '2026-12-12', 'Virgen de Guadalupe is "bank"'],
      ['CA', undefined, '2026-12-26', 'Boxing Day is provincial, not in the national list'],
      ['CA', 'ON', '2026-12-28', 'no Monday substitute for a Saturday Boxing Day in the data'],
      ['AE', undefined, '2026-03-23', 'the day after the three-day Eid'],
      ['IS', undefined, '2026-12-24', 'Christmas Eve starts at 13:00: the morning is open'],
      ['CN', undefined, '2026-03-08', "Women's Day is a half day from 12:00"],
      ['XX', undefined, '2026-01-01', 'unknown country: no holidays, no error'],
      ['', undefined, '2026-01-01', 'empty country: no holidays, no error'],
    ])('%s %s %s (%s)', (country, region, date, _why) => {
      expect(calendar.isHoliday(country, region, date)).toBe(false);
      expect(calendar.holidayName?.(country, region, date)).toBeUndefined();
    });
  });

  it('when the region is unknown, then the country’s holidays apply', () => {
    expect(calendar.isHoliday('US', 'ZZ', '2026-11-26')).toBe(true);
  });

  it('when asked again for the same country and year, then date-holidays is not called again', () => {
    const spy = jest.spyOn(Holidays.prototype, 'getHolidays');
    try {
      const fresh = createHolidayCalendar();
      fresh.isHoliday('MX', undefined, '2026-01-01');
      // One read each of 2025, 2026 and 2027, for holidays observed across New Year.
      expect(spy).toHaveBeenCalledTimes(3);
      for (let day = 1; day <= 28; day++) fresh.isHoliday('MX', undefined, `2026-02-${String(day).padStart(2, '0')}`);
      fresh.holidayName?.('MX', undefined, '2026-11-16');
      expect(spy).toHaveBeenCalledTimes(3);
      fresh.isHoliday('MX', undefined, '2027-01-01');
      expect(spy).toHaveBeenCalledTimes(6);
    } finally {
      spy.mockRestore();
    }
  });

  describe('when used by estimateDeliveryWindow for December 2026, then no date lands on a weekend or holiday', () => {
    const ship = Array.from({ length: 31 }, (_, i) => `2026-12-${String(i + 1).padStart(2, '0')}`);
    const destinations = [{ country: 'US' }, { country: 'CA', region: 'ON' }, { country: 'MX' }];
    const cases = ship.flatMap((shipDate) => destinations.map((destination) => ({ shipDate, destination, to: destination.region ?? destination.country })));

    it.each(cases)('ship $shipDate to $to', ({ shipDate, destination }) => {
      const w = estimateDeliveryWindow({
        shipDate,
        now: new Date('2026-12-01T12:00:00Z'),
        origin: { country: 'MX', timeZone: countryTimeZone('MX') },
        destination,
        cutoffLocal: '17:00',
        transitDays: { min: 1, max: 3 },
        customsDays: { min: 0, max: 2 },
        holidays: calendar,
      });
      const weekend = (d: string) => [0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());
      expect(weekend(w.pickupDate) || calendar.isHoliday('MX', undefined, w.pickupDate)).toBe(false);
      for (const d of [w.earliest, w.latest]) {
        expect(weekend(d) || calendar.isHoliday(destination.country, destination.region, d)).toBe(false);
      }
    });

    it('ship 2026-12-24 to the US: skips Christmas and the weekend, naming the holiday', () => {
      const w = estimateDeliveryWindow({
        shipDate: '2026-12-24',
        now: new Date('2026-12-24T15:00:00Z'), // 09:00 in Mexico City, before the cut-off
        origin: { country: 'MX', timeZone: 'America/Mexico_City' },
        destination: { country: 'US' },
        cutoffLocal: '17:00',
        transitDays: { min: 1, max: 2 },
        customsDays: { min: 0, max: 1 },
        holidays: calendar,
      });
      // Thu 24 pickup; Fri 25 Christmas, Sat 26, Sun 27 → Mon 28 (1), Tue 29 (2), Wed 30 (3).
      expect([w.pickupDate, w.earliest, w.latest]).toEqual(['2026-12-24', '2026-12-28', '2026-12-30']);
      expect(w.working).toContain('skipped 2026-12-25 (Christmas Day, US holiday)');
    });
  });
});

describe('countryTimeZone', () => {
  it.each([
    ['MX', 'America/Mexico_City', 'pinned: the capital, not Tijuana or Cancún'],
    ['mx', 'America/Mexico_City', 'lower case'],
    ['US', 'America/New_York', 'pinned'],
    ['CA', 'America/Toronto', 'pinned'],
    ['BR', 'America/Sao_Paulo', 'pinned'],
    ['AU', 'Australia/Sydney', 'pinned'],
    ['CN', 'Asia/Shanghai', 'pinned'],
    ['FR', 'Europe/Paris', "date-holidays' first zone"],
    ['JP', 'Asia/Tokyo', "date-holidays' first zone"],
    ['XX', 'UTC', 'unknown country'],
    ['', 'UTC', 'empty code'],
  ])('%s → %s (%s)', (country, zone) => {
    expect(countryTimeZone(country)).toBe(zone);
  });
});

describe('createHolidayCalendar: which countries it knows, and their weekends', () => {
  const calendar = createHolidayCalendar();

  it.each([
    ['SA', true],
    ['MX', true],
    ['kw', false],
    ['QA', false],
    ['NP', false],
  ])('%s has a public-holiday calendar in date-holidays 3.37.0: %s', (country, covered) => {
    expect(calendar.coversHolidays?.(country)).toBe(covered);
  });

  it('weekends come from CLDR: Friday–Saturday in Qatar (uncovered by date-holidays), Saturday–Sunday in Mexico', () => {
    expect(calendar.weekendDays?.('QA')).toEqual([5, 6]);
    expect(calendar.weekendDays?.('MX')).toEqual([6, 0]);
  });
});
