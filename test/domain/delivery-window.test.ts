import {
  DeliveryWindowError,
  estimateDeliveryWindow,
  type DeliveryWindowInput,
  type HolidayCalendar,
} from '../../src/domain/delivery-window';

/**
 * A fixed calendar so these tests pin the arithmetic, not the holiday data.
 * Every date below was checked against date-holidays 3.37.0 (public type).
 */
const HOLIDAYS: Record<string, Record<string, string>> = {
  MX: {
    '2026-11-16': 'Revolution Day', // third Monday of November
    '2026-12-25': 'Christmas Day',
    '2027-01-01': "New Year's Day",
  },
  US: {
    '2026-07-03': 'Independence Day (substitute day)', // 4 July 2026 is a Saturday
    '2026-11-26': 'Thanksgiving Day', // fourth Thursday of November
    '2026-12-25': 'Christmas Day',
    '2027-01-01': "New Year's Day",
  },
  'CA-ON': {
    '2026-12-25': 'Christmas Day',
    '2026-12-26': 'Boxing Day', // a Saturday in 2026; date-holidays has no Monday substitute
    '2027-01-01': "New Year's Day",
  },
  BR: {
    '2026-11-02': "All Souls' Day",
  },
};

const fakeCalendar: HolidayCalendar = {
  isHoliday: (country, region, isoDate) => nameOf(country, region, isoDate) !== undefined,
  holidayName: nameOf,
};

function nameOf(country: string, region: string | undefined, isoDate: string): string | undefined {
  const key = region === undefined ? country : `${country}-${region}`;
  return HOLIDAYS[key]?.[isoDate];
}

const MEXICO_CITY = { country: 'MX', timeZone: 'America/Mexico_City' };
/** Long before every ship date below, so the cut-off only matters where a row sets `now`. */
const EARLY = new Date('2026-06-01T12:00:00Z');

function input(overrides: Partial<DeliveryWindowInput>): DeliveryWindowInput {
  return {
    shipDate: '2026-10-19',
    now: EARLY,
    origin: MEXICO_CITY,
    destination: { country: 'US' },
    cutoffLocal: '17:00',
    transitDays: { min: 1, max: 2 },
    customsDays: { min: 0, max: 0 },
    holidays: fakeCalendar,
    ...overrides,
  };
}

describe('estimateDeliveryWindow', () => {
  describe('when the window crosses a weekend, then Saturday and Sunday are not counted', () => {
    it.each([
      // shipDate, transit, customs, pickup, earliest, latest, reasoning
      ['2026-10-16', [1, 2], [0, 0], '2026-10-16', '2026-10-19', '2026-10-20', 'Fri pickup; +1 skips Sat 17, Sun 18 → Mon 19; +2 → Tue 20'],
      ['2026-10-15', [1, 2], [0, 0], '2026-10-15', '2026-10-16', '2026-10-19', 'Thu pickup; +1 → Fri 16; +2 skips the weekend → Mon 19'],
      ['2026-10-17', [1, 2], [0, 0], '2026-10-19', '2026-10-20', '2026-10-21', 'Sat ship date: no pickup at weekends → Mon 19; +1 Tue 20, +2 Wed 21'],
      ['2026-10-12', [3, 5], [0, 0], '2026-10-12', '2026-10-15', '2026-10-19', 'Mon pickup; +3 → Thu 15; +5 → Fri 16 is 4, skip weekend, Mon 19'],
    ])('ship %s, transit %j, customs %j → pickup %s, %s to %s (%s)', (shipDate, transit, customs, pickup, earliest, latest) => {
      const w = estimateDeliveryWindow(
        input({ shipDate, transitDays: { min: transit[0]!, max: transit[1]! }, customsDays: { min: customs[0]!, max: customs[1]! } }),
      );
      expect([w.pickupDate, w.earliest, w.latest]).toEqual([pickup, earliest, latest]);
    });
  });

  describe('when the parcel is handed over today, then the cut-off is read on the origin clock', () => {
    it.each([
      // shipDate, now (UTC), origin zone, pickup, reasoning
      ['2026-11-25', '2026-11-25T22:59:00Z', 'America/Mexico_City', '2026-11-25', 'UTC−6 in November: 16:59, before 17:00 → same day'],
      ['2026-11-25', '2026-11-25T23:00:00Z', 'America/Mexico_City', '2026-11-26', '17:00 exactly is not before the cut-off → Thu 26'],
      ['2026-11-25', '2026-11-25T23:30:00Z', 'America/Mexico_City', '2026-11-26', '17:30 → Thu 26 (a US holiday, but pickup only looks at MX)'],
      ['2026-11-25', '2026-11-26T05:30:00Z', 'America/Mexico_City', '2026-11-26', 'already the 26th in UTC, still 23:30 on the 25th locally: after cut-off → 26'],
      ['2026-11-27', '2026-11-27T23:30:00Z', 'America/Mexico_City', '2026-11-30', 'Fri 17:30 → next business day skips the weekend → Mon 30'],
      ['2026-11-27', '2026-11-27T23:30:00Z', 'America/Tijuana', '2026-11-27', 'same instant is 15:30 in Tijuana (UTC−8 in November) → same day'],
      ['2026-07-15', '2026-07-15T22:30:00Z', 'America/Mexico_City', '2026-07-15', 'no DST in Mexico since 2022: UTC−6 in July too, 16:30 → same day'],
      ['2026-11-13', '2026-11-13T23:30:00Z', 'America/Mexico_City', '2026-11-17', 'Fri 17:30 → skip Sat 14, Sun 15, Mon 16 (Revolution Day) → Tue 17'],
      ['2026-11-20', '2026-11-25T16:00:00Z', 'America/Mexico_City', '2026-11-25', 'ship date already past: treated as today (10:00, before cut-off)'],
      ['2026-11-26', '2026-11-25T23:30:00Z', 'America/Mexico_City', '2026-11-26', 'a future ship date ignores today’s cut-off'],
    ])('ship %s, now %s in %s → pickup %s (%s)', (shipDate, now, timeZone, pickup) => {
      const w = estimateDeliveryWindow(input({ shipDate, now: new Date(now), origin: { country: 'MX', timeZone } }));
      expect(w.pickupDate).toBe(pickup);
    });

    it('says why, in the words of the rule', () => {
      const w = estimateDeliveryWindow(input({ shipDate: '2026-11-26', now: new Date('2026-11-26T23:30:00Z') }));
      expect(w.working[0]).toBe('2026-11-26 17:30 America/Mexico_City is after the 17:00 cut-off: pickup 2026-11-27');
    });
  });

  describe('when the ship date is an origin holiday, then pickup moves to the next origin business day', () => {
    it.each([
      ['2026-11-16', '2026-11-17', 'Mon 16 is Revolution Day (third Monday of November) → Tue 17'],
      ['2026-11-14', '2026-11-17', 'Sat 14, Sun 15, Mon 16 holiday → Tue 17'],
      ['2026-12-25', '2026-12-28', 'Fri 25 is Christmas in MX, then the weekend → Mon 28'],
      ['2026-12-31', '2026-12-31', 'Thu 31 is a working day in MX'],
      ['2027-01-01', '2027-01-04', "Fri 1 is New Year's Day, then the weekend → Mon 4"],
    ])('ship %s → pickup %s (%s)', (shipDate, pickup) => {
      expect(estimateDeliveryWindow(input({ shipDate })).pickupDate).toBe(pickup);
    });

    it('lists the skipped origin day with its name', () => {
      const w = estimateDeliveryWindow(input({ shipDate: '2026-11-16' }));
      expect(w.working).toContain('skipped 2026-11-16 (Revolution Day, MX holiday)');
    });

    it('does not stop transit for an origin holiday: aircraft fly on Revolution Day', () => {
      // Fri 13 pickup; +1 business day at the US: skip the weekend → Mon 16 (a MX holiday only); +2 → Tue 17.
      const w = estimateDeliveryWindow(input({ shipDate: '2026-11-13' }));
      expect([w.pickupDate, w.earliest, w.latest]).toEqual(['2026-11-13', '2026-11-16', '2026-11-17']);
    });
  });

  describe('when a destination holiday falls inside the window, then it is skipped', () => {
    it.each([
      // shipDate, destination, transit, pickup, earliest, latest, reasoning
      ['2026-11-25', 'US', [1, 2], '2026-11-25', '2026-11-27', '2026-11-30', 'Wed pickup; Thu 26 Thanksgiving → Fri 27; then weekend → Mon 30'],
      ['2026-11-26', 'US', [1, 2], '2026-11-26', '2026-11-27', '2026-11-30', 'pickup on Thanksgiving (open in MX); the count starts the day after → Fri 27'],
      ['2026-12-23', 'US', [1, 2], '2026-12-23', '2026-12-24', '2026-12-28', 'Wed pickup; Thu 24 → +1; Fri 25 Christmas + weekend → Mon 28'],
      ['2026-12-24', 'US', [1, 2], '2026-12-24', '2026-12-28', '2026-12-29', 'Thu pickup; Fri 25 Christmas, Sat, Sun → Mon 28, Tue 29'],
      ['2026-12-24', 'CA-ON', [2, 3], '2026-12-24', '2026-12-29', '2026-12-30', 'Christmas Fri 25; Boxing Day Sat 26 is a weekend anyway → Mon 28 is day 1'],
      ['2026-12-30', 'US', [1, 2], '2026-12-30', '2026-12-31', '2027-01-04', "Wed pickup; Thu 31 → +1; Fri 1 New Year's Day + weekend → Mon 4"],
      ['2026-07-02', 'US', [1, 1], '2026-07-02', '2026-07-06', '2026-07-06', 'Fri 3 is the observed Independence Day (4 July is a Saturday) → Mon 6'],
    ])('ship %s to %s, transit %j → pickup %s, %s to %s (%s)', (shipDate, dest, transit, pickup, earliest, latest) => {
      const [country, region] = dest.split('-') as [string, string | undefined];
      const w = estimateDeliveryWindow(
        input({ shipDate, destination: { country, region }, transitDays: { min: transit[0]!, max: transit[1]! } }),
      );
      expect([w.pickupDate, w.earliest, w.latest]).toEqual([pickup, earliest, latest]);
    });

    it('lists the skipped destination day with its name and country', () => {
      const w = estimateDeliveryWindow(input({ shipDate: '2026-12-24' }));
      expect(w.working).toEqual([
        'pickup 2026-12-24 (Thursday)',
        'skipped 2026-12-25 (Christmas Day, US holiday)',
        'skipped 2026-12-26 (Saturday)',
        'skipped 2026-12-27 (Sunday)',
        'earliest 2026-12-28 (Monday): 1 business day after pickup (1 transit + 0 customs)',
        'latest 2026-12-29 (Tuesday): 2 business days after pickup (2 transit + 0 customs)',
      ]);
    });
  });

  describe('when customs takes days, then they extend the window at the destination', () => {
    it.each([
      // shipDate, destination, transit, customs, earliest, latest, reasoning
      ['2026-10-19', 'US', [1, 2], [0, 0], '2026-10-20', '2026-10-21', 'Mon pickup; 1–2 days → Tue 20, Wed 21'],
      ['2026-10-19', 'US', [1, 2], [0, 1], '2026-10-20', '2026-10-22', '1+0 = 1 → Tue 20; 2+1 = 3 → Thu 22'],
      ['2026-10-19', 'US', [1, 2], [1, 3], '2026-10-21', '2026-10-26', '1+1 = 2 → Wed 21; 2+3 = 5 → Tue, Wed, Thu, Fri, (weekend) Mon 26'],
      ['2026-10-26', 'BR', [2, 4], [2, 7], '2026-10-30', '2026-11-11', '2+2 = 4 → Fri 30; 4+7 = 11 skips two weekends and Mon 2 Nov (All Souls’) → Wed 11'],
    ])('ship %s to %s, transit %j, customs %j → %s to %s (%s)', (shipDate, country, transit, customs, earliest, latest) => {
      const w = estimateDeliveryWindow(
        input({
          shipDate,
          destination: { country },
          transitDays: { min: transit[0]!, max: transit[1]! },
          customsDays: { min: customs[0]!, max: customs[1]! },
        }),
      );
      expect([w.earliest, w.latest]).toEqual([earliest, latest]);
      expect(w.deliveryDays).toEqual({ min: transit[0]! + customs[0]!, max: transit[1]! + customs[1]! });
    });
  });

  describe('when no business days are needed, then delivery is the pickup day unless the destination is closed', () => {
    it.each([
      ['2026-10-19', [0, 1], '2026-10-19', '2026-10-20', 'Mon pickup, open in the US → same day; +1 → Tue 20'],
      ['2026-11-26', [0, 0], '2026-11-27', '2026-11-27', 'pickup on US Thanksgiving → first US business day, Fri 27'],
      ['2026-11-26', [0, 1], '2026-11-27', '2026-11-27', 'the first US business day after Thanksgiving is also day 1'],
    ])('ship %s, transit %j → %s to %s (%s)', (shipDate, transit, earliest, latest) => {
      const w = estimateDeliveryWindow(input({ shipDate, transitDays: { min: transit[0]!, max: transit[1]! } }));
      expect([w.earliest, w.latest]).toEqual([earliest, latest]);
    });
  });

  describe('when shipping any day of December 2026, then no date lands on a weekend or a holiday', () => {
    const december = Array.from({ length: 31 }, (_, i) => `2026-12-${String(i + 1).padStart(2, '0')}`);
    const lanes = [
      { lane: 'US 1–2 + 0–1', destination: { country: 'US' }, transit: { min: 1, max: 2 }, customs: { min: 0, max: 1 } },
      { lane: 'CA-ON 2–3 + 0–1', destination: { country: 'CA', region: 'ON' }, transit: { min: 2, max: 3 }, customs: { min: 0, max: 1 } },
      { lane: 'US 0–0 + 0–0', destination: { country: 'US' }, transit: { min: 0, max: 0 }, customs: { min: 0, max: 0 } },
      { lane: 'BR 2–4 + 2–7', destination: { country: 'BR' }, transit: { min: 2, max: 4 }, customs: { min: 2, max: 7 } },
    ];
    const cases = december.flatMap((shipDate) => lanes.map((lane) => ({ shipDate, ...lane })));

    it.each(cases)('ship $shipDate, lane $lane', ({ shipDate, destination, transit, customs }) => {
      const w = estimateDeliveryWindow(input({ shipDate, destination, transitDays: transit, customsDays: customs }));
      expect(isOpen(w.pickupDate, MEXICO_CITY)).toBe(true);
      expect(w.pickupDate >= shipDate).toBe(true);
      for (const d of [w.earliest, w.latest]) expect(isOpen(d, destination)).toBe(true);
      // n business days after pickup = n open destination days in (pickup, date]; zero days = pickup, or the next open day.
      const expected = (n: number) => (n > 0 ? n : isOpen(w.pickupDate, destination) ? 0 : 1);
      expect(openDaysAfter(w.pickupDate, w.earliest, destination)).toBe(expected(w.deliveryDays.min));
      expect(openDaysAfter(w.pickupDate, w.latest, destination)).toBe(expected(w.deliveryDays.max));
    });

    function isOpen(d: string, c: { country: string; region?: string }): boolean {
      return !isWeekend(d) && !fakeCalendar.isHoliday(c.country, c.region, d);
    }

    function openDaysAfter(from: string, to: string, c: { country: string; region?: string }): number {
      let n = 0;
      for (let d = nextDay(from); d <= to; d = nextDay(d)) if (isOpen(d, c)) n++;
      return n;
    }
  });

  describe('when the input is unusable, then it fails with a code and a sentence', () => {
    it.each([
      [{ shipDate: '2026-02-30' }, 'ship date'],
      [{ shipDate: '27/11/2026' }, 'ship date'],
      [{ now: new Date('not a date') }, 'request time'],
      [{ cutoffLocal: '5pm' }, 'cut-off'],
      [{ cutoffLocal: '24:00' }, 'cut-off'],
      [{ origin: { country: 'MX', timeZone: 'Mars/Olympus_Mons' } }, 'time zone'],
      [{ transitDays: { min: 3, max: 2 } }, 'transit days'],
      [{ customsDays: { min: -1, max: 2 } }, 'customs days'],
      [{ transitDays: { min: 1.5, max: 2 } }, 'transit days'],
    ] as Array<[Partial<DeliveryWindowInput>, string]>)('%j → INVALID_DELIVERY_INPUT mentioning the %s', (overrides, words) => {
      expect(() => estimateDeliveryWindow(input(overrides))).toThrow(
        expect.objectContaining({ code: 'INVALID_DELIVERY_INPUT', message: expect.stringContaining(words) }),
      );
    });

    it('stops with NO_BUSINESS_DAY when the calendar closes every day', () => {
      const closed: HolidayCalendar = { isHoliday: () => true };
      expect(() => estimateDeliveryWindow(input({ holidays: closed }))).toThrow(DeliveryWindowError);
      expect(() => estimateDeliveryWindow(input({ holidays: closed }))).toThrow(expect.objectContaining({ code: 'NO_BUSINESS_DAY' }));
    });
  });

  it('names a holiday by country alone when the calendar gives no name', () => {
    const unnamed: HolidayCalendar = { isHoliday: (country, _region, d) => country === 'US' && d === '2026-10-20' };
    const w = estimateDeliveryWindow(input({ shipDate: '2026-10-19', holidays: unnamed }));
    expect(w.working).toContain('skipped 2026-10-20 (US holiday)');
    expect(w.earliest).toBe('2026-10-21');
  });
});

function isWeekend(isoDate: string): boolean {
  const day = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

function nextDay(isoDate: string): string {
  const t = new Date(`${isoDate}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}
