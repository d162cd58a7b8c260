import { hhmmOf, isoDateOf, liveOption, weekdaysAfter, type LiveQuote } from '../../../src/carriers/live/live-option';
import { daysOfWords } from '../../../src/carriers/live/vendor-format';
import { D } from '../../../src/domain/money';
import { amounts } from '../rate-helpers';
import { mxToUs } from './live-fixtures';

/** Turning a vendor's quote into an option, and reading the vendors' dates, times and day words. */
const quote = (over: Partial<LiveQuote> = {}): LiveQuote => ({
  service: 'express',
  serviceName: { es: 'Express', en: 'Express' },
  currency: 'MXN',
  total: new D('500.00'),
  lines: [],
  ...over,
});
const ctx = { carrier: 'x', carrierName: 'X', source: 'X API (test)', shipment: mxToUs(), known: undefined, today: '2026-05-04', defaultCutoff: '17:00' };
const build = (over: Partial<LiveQuote>) => {
  const built = liveOption(quote(over), ctx);
  if ('reason' in built) throw new Error(built.reason.en);
  return built;
};

describe('liveOption lines always add up to the vendor total', () => {
  it('when the vendor itemises nothing, then one base line of 500.00', () => {
    expect(amounts(build({ transitDays: { min: 2, max: 3 } }))).toEqual([['base', '500']]);
  });

  it('when the vendor names fuel only, then the base is 500.00 − 80.00 = 420.00', () => {
    expect(amounts(build({ transitDays: { min: 2, max: 3 }, lines: [{ code: 'fuel', name: { es: 'f', en: 'f' }, amount: new D('80.00') }] }))).toEqual([['base', '420'], ['fuel', '80']]);
  });

  it('when base 400.00 + fuel 80.00 fall 20.00 short of 500.00, then a line OTHER of 20.00 says the carrier did not itemise it', () => {
    const o = build({ transitDays: { min: 1, max: 1 }, lines: [{ code: 'base', name: { es: 'b', en: 'b' }, amount: new D('400.00') }, { code: 'fuel', name: { es: 'f', en: 'f' }, amount: new D('80.00') }] });
    expect(amounts(o)).toEqual([['base', '400'], ['fuel', '80'], ['OTHER', '20']]);
    expect(o.lines[2]?.name.en).toBe('Other charges (not itemised by the carrier)');
  });
});

describe('liveOption timing', () => {
  it('when the date is more than 90 days after the ship date, then it is not believed and the days are used', () => {
    const o = build({ deliveryDate: '2026-09-01', transitDays: { min: 4, max: 6 } });
    expect([o.deliveryDate, o.transitDays]).toEqual([undefined, { min: 4, max: 6 }]);
  });

  it('when neither a believable date nor days come and there is no table service, then the service is left out', () => {
    expect(liveOption(quote({ transitDays: { min: 5, max: 2 } }), ctx)).toMatchObject({ code: 'LIVE_INCOMPLETE', service: 'express' });
  });
});

describe("the vendors' dates, times and day words", () => {
  it.each([
    ['2026-05-07T23:59:00', '2026-05-07'],
    ['20260507', '2026-05-07'],
    ['2026-02-30', undefined],
    ['', undefined],
  ])('isoDateOf(%j) = %j', (text, date) => expect(isoDateOf(text)).toBe(date));

  it.each([
    ['2026-05-04T19:00:00', '19:00'],
    ['18:30:00', '18:30'],
    ['1745', '17:45'],
    ['25:00', undefined],
  ])('hhmmOf(%j) = %j', (text, time) => expect(hhmmOf(text)).toBe(time));

  it.each([
    ['ONE_DAY', 1],
    ['THREE_DAYS', 3],
    ['TWENTY_DAYS', 20],
    ['UNKNOWN', undefined],
  ])('daysOfWords(%j) = %j', (text, days) => expect(daysOfWords(text)).toBe(days));

  it('weekdaysAfter: Fri 2026-05-08 → Mon 2026-05-11 is 1; Mon 04 → Mon 11 is 5', () => {
    expect([weekdaysAfter('2026-05-08', '2026-05-11'), weekdaysAfter('2026-05-04', '2026-05-11')]).toEqual([1, 5]);
  });
});
