import { en } from '../helpers/wording';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCarrierText } from '../../src/carriers/carrier-loader';
import { TableCarrierRater } from '../../src/carriers/table-carrier-rater';
import { amounts, option, parcel, shipment } from './rate-helpers';

// carriers/README.md's worked example, so the documented arithmetic stays true.
const readme = readFileSync(join(__dirname, '..', '..', 'carriers', 'README.md'), 'utf8');
const example = /```json\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';

describe('carriers/README.md worked example', () => {
  const parsed = parseCarrierText('README.md example', example);

  it('is a valid carrier file', () => {
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
  });

  it('3.2 kg 40×30×25 cm to CA X0A 0H0: 6 kg volumetric; base 470 + 55 × 8 = 910; remote 8 × 6 = 48 → 120; fuel 10% × 1030 = 103', () => {
    if (!parsed.ok) throw new Error('example does not parse');
    const rated = option(
      new TableCarrierRater(parsed.value).rate(
        shipment({ destination: { country: 'CA', postalCode: 'X0A 0H0' }, parcels: [parcel(40, 30, 25, '3.2')], shipDate: '2026-03-10' }),
      ),
      'estandar',
    );
    expect(amounts(rated)).toEqual([
      ['base', '910'],
      ['REMOTE', '120'],
      ['fuel', '103'],
    ]);
    expect(en(rated.lines[0]?.working)).toBe(
      'piece 1: 3.2 kg actual, 40×30×25 cm / 5000 = 6 kg volumetric → 6 kg; zone 2, 6 kg: 2 kg → 470.00 + 8 × 55.00 per 0.5 kg = 910.00',
    );
    expect([rated.transitDays, rated.customsDays, rated.cutoffLocal]).toEqual([{ min: 3, max: 5 }, { min: 0, max: 1 }, '15:00']);
  });
});
