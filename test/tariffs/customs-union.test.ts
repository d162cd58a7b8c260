import { parseUnionText, unionLookup, type UnionRef } from '../../src/tariffs/customs-union';
import { readTariffText } from '../../src/tariffs/tariff-loader';
import { memberJson, SRC, UNION_FILE, unionJson, VAT } from '../helpers/union-fixtures';

function union(json = unionJson()): UnionRef {
  const r = parseUnionText(UNION_FILE, JSON.stringify(json));
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return { file: UNION_FILE, union: r.value };
}

function read(member: Record<string, unknown>, u: UnionRef | undefined = union()) {
  return readTariffText('tariffs/DE.json', JSON.stringify(member), unionLookup(new Map(u ? [[u.union.id, u]] : [])));
}

function problems(member: Record<string, unknown>, u?: UnionRef): string[] {
  const r = read(member, u);
  return r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`);
}

describe('a member file resolved against its customs union', () => {
  it('when the member has a rate change on 2026-01-01 and the union one on 2026-07-01, then three merged periods, each union rules + national taxes', () => {
    const r = read(memberJson());
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const t = r.value.tariff.file;
    expect(t.periods.map((p) => [p.effectiveFrom, p.effectiveTo, p.taxes[0]?.rate.toString(), p.deMinimis.duty.length, p.regimes.length])).toEqual([
      ['2025-01-01', '2025-12-31', '19', 1, 0],
      ['2026-01-01', '2026-06-30', '21', 1, 0],
      ['2026-07-01', undefined, '21', 0, 1],
    ]);
  });

  it('when the union collects VAT at checkout up to EUR 150, then the member\'s VAT gets that rule and its other taxes do not', () => {
    const r = read(memberJson());
    const taxes = r.ok ? r.value.tariff.file.periods[0]?.taxes : [];
    expect(taxes?.map((x) => [x.code, x.sellerCollection?.upTo.toString()])).toEqual([['VAT', '150'], ['X', undefined]]);
  });

  it('when resolved, then duties and agreements are the union\'s, sources and notes both files\' (union first)', () => {
    const r = read(memberJson());
    if (!r.ok) throw new Error('not resolved');
    const t = r.value.tariff.file;
    expect([t.country, t.currency, Object.keys(t.agreements), t.duties.mfn.map((m) => m.hs)]).toEqual(['DE', 'EUR', ['XU-MX'], ['610910']]);
    expect(Object.keys(t.sources)).toEqual(['U-1', 'DE-1']);
    expect(t.notes.map((n) => n.code)).toEqual(['XU-NOTE', 'DE-NOTE']);
    // The answer's tariff data date: the newest review of both files.
    expect(r.value.tariff.reviewed).toBe('2026-12-03');
    expect(r.value.member?.customsUnion).toBe('XU');
  });

  it.each([
    ['the union is unknown', memberJson({ customsUnion: 'ZZ' }), 'customsUnion: there is no valid customs union "ZZ" (the file unions/ZZ.json next to this one is missing or has errors; known: XU)'],
    ['a source key is also the union\'s', memberJson({ sources: { 'DE-1': { title: 'n', reviewed: '2026-12-03' }, 'U-1': { title: 'again', reviewed: '2026-12-03' } } }),
      'sources.U-1: source key "U-1" is also defined in tariffs/unions/XU.json: a member file may cite the union\'s sources but not define one with the same key; rename this one'],
    ['a note code is also the union\'s', memberJson({ notes: [{ code: 'XU-NOTE', text: { es: 'otra vez', en: 'again' }, source: 'DE-1' }] }),
      'notes[0].code: note "XU-NOTE" is also a note of tariffs/unions/XU.json: the answer would show both; give this one its own code'],
    ['it repeats the union\'s duties', memberJson({ duties: { mfn: [] } }),
      'duties: "duties" is common to the customs union: it is written once in tariffs/unions/<id>.json, not in a member file'],
    ['a period repeats the union\'s relief', memberJson({ periods: [{ effectiveFrom: '2025-01-01', deMinimis: { duty: [], tax: [] }, taxes: [VAT('19')] }] }),
      'periods[0].deMinimis: "deMinimis" is common to the customs union: it is written once in tariffs/unions/<id>.json, not in a member file'],
    ['its VAT sets its own seller collection', memberJson({ periods: [{ effectiveFrom: '2025-01-01', taxes: [VAT('19', { sellerCollection: { upTo: '150' } })] }] }),
      'periods[0].taxes[0].sellerCollection: "sellerCollection" is common to the customs union: it is written once in tariffs/unions/<id>.json, not in a member file (its periods\' "sellerCollection" names the taxes it applies to)'],
    ['it has no VAT for the union\'s seller collection', memberJson({ periods: [{ effectiveFrom: '2025-01-01', taxes: [{ ...VAT('19'), code: 'IVA' }] }] }),
      'periods[0].taxes: no tax "VAT": tariffs/unions/XU.json applies its seller collection to tax "VAT"; give the national tax that code'],
    ['its periods start after the union\'s', memberJson({ periods: [{ effectiveFrom: '2025-03-01', taxes: [VAT('19')] }] }),
      'periods: no national period is in force from 2025-01-01 to 2025-02-28, while tariffs/unions/XU.json has common rules then: extend the periods to cover it'],
    ['a figure cites an unknown source', memberJson({ periods: [{ effectiveFrom: '2025-01-01', taxes: [VAT('19', { source: 'nope' })] }] }),
      'periods[0].taxes[0].source: source "nope" is not a key of "sources" (known: U-1, DE-1)'],
  ])('when %s, then the problem names the path and says so', (_what, json, expected) => {
    expect(problems(json)).toContain(expected);
  });

  it('when the union does not list the country, then that is the only problem', () => {
    expect(problems(memberJson(), union(unionJson({ members: ['FR'] })))).toEqual([
      'customsUnion: DE is not listed in the "members" of customs union XU (tariffs/unions/XU.json): add it there, or remove "customsUnion" and write a full tariff file',
    ]);
  });
});

describe('a customs union file', () => {
  const unionProblems = (json: Record<string, unknown>, file = UNION_FILE) => {
    const r = parseUnionText(file, JSON.stringify(json));
    return r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`);
  };

  it.each([
    ['a period holds national taxes', 'periods[0].taxes: "taxes" is national: it belongs in each member\'s file (tariffs/<ISO2>.json), not in the customs union file',
      unionJson({ periods: [{ ...(unionJson().periods as Record<string, unknown>[])[1], taxes: [] }] })],
    ['its id is not its file name', 'id: the file is named XU.json but says id "EU"', unionJson({ id: 'EU' })],
    ['a member is listed twice', 'members[2]: DE is listed twice (also members[0])', unionJson({ members: ['DE', 'FR', 'DE'] })],
    ['a preference names an undefined agreement', 'duties.preferential[0].agreement: agreement "NOPE" is not defined in "agreements"',
      unionJson({ duties: { default: { duty: { type: 'adValorem', percent: '5' }, ...SRC }, mfn: [], preferential: [{ hs: '61', agreement: 'NOPE', duty: { type: 'adValorem', percent: '0' }, ...SRC }] } })],
    ['its periods overlap', 'periods[1].effectiveFrom: period starting 2026-08-01 overlaps periods[0] (2026-07-01 to open end)',
      unionJson({ periods: [(unionJson().periods as Record<string, unknown>[])[1], { ...(unionJson().periods as Record<string, unknown>[])[1], effectiveFrom: '2026-08-01' }] })],
  ] as const)('when %s, then the problem says "%s"', (_what, expected, json) => {
    expect(unionProblems(json)).toContain(expected);
  });

  it('when it is valid, then it parses', () => {
    expect(unionProblems(unionJson())).toEqual([]);
  });
});
