import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findClosingDate, parseDate, readDate } from '../../src/vacancies/normalise/dates.ts';
import { findRequirements, sentenceAt } from '../../src/vacancies/normalise/requirements.ts';
import { parseContract, parseEmploymentType, parseHoursPerWeek, parseShifts, parseTerms } from '../../src/vacancies/normalise/terms.ts';
import sanitizeHtml from 'sanitize-html';
import { ALLOWED_TAGS, cleanDescription } from '../../src/vacancies/normalise/text.ts';
import { cleanTitle } from '../../src/vacancies/normalise/title.ts';

describe('cleanDescription', () => {
  it('undoes double escaping and keeps paragraphs and bullets', () => {
    const r = cleanDescription('&lt;p&gt;We care.&lt;/p&gt;\n&lt;p&gt;• Thorough assessment&lt;/p&gt;\n&lt;p&gt;• Person centred&lt;/p&gt;&lt;p&gt;Flora &amp;amp; fauna&lt;/p&gt;');
    expect(r.text).toBe('We care.\n\n• Thorough assessment\n• Person centred\n\nFlora & fauna');
    expect(r.html).toContain('<p>We care.</p>');
  });
  it('drops scripts, styles, tracking pixels and event handlers', () => {
    const r = cleanDescription('<p onclick="x()">Hi</p><script>alert(1)</script><style>p{}</style><img src="https://t.example/pixel.gif" width="1"><ul><li>One</li><li>Two</li></ul>');
    expect(r.text).toBe('Hi\n\n• One\n• Two');
    expect(r.html).not.toMatch(/script|style|img|onclick/);
  });
  it('keeps plain text lines and normalises bullets', () => {
    expect(cleanDescription('Essential criteria:\n- Forklift\n* DBS\n\n\n\nApply now').text).toBe('Essential criteria:\n• Forklift\n• DBS\n\nApply now');
  });
  it('decodes entities', () => {
    expect(cleanDescription('Salary &pound;25,000 &ndash; &#163;30,000 &#x2014; ok').text).toBe('Salary £25,000 – £30,000 — ok');
  });
  it('never throws', () => {
    fc.assert(fc.property(fc.string({ maxLength: 500 }), (s) => void cleanDescription(s)), { numRuns: 300 });
  });
});

describe('cleanTitle', () => {
  it.each([
    ['URGENT Care Assistant', 'Care Assistant'],
    ['NEW! Warehouse Operative', 'Warehouse Operative'],
    ['Software Engineer (m/f/d)', 'Software Engineer'],
    ['Software Engineer m/w/d', 'Software Engineer'],
    ['Care Assistant - Ref: CA1234', 'Care Assistant'],
    ['Nurse (Job ID 99812)', 'Nurse'],
    ['Chef de Partie - £28,000', 'Chef de Partie'],
    ['Sous Chef £34k - £36k per annum', 'Sous Chef'],
    ['CARE ASSISTANT - NIGHTS', 'Care Assistant - Nights'],
    ['HGV Class 1 Driver', 'HGV Class 1 Driver'],
    ['Head of Finance (Service Charge)', 'Head of Finance (Service Charge)'],
    ['Occupational Therapist Urgent Care Response', 'Occupational Therapist Urgent Care Response'],
    ['New Product Development Manager', 'New Product Development Manager'],
    ['NEW! Delivery Driver', 'Delivery Driver'],
    ['Perinatal Referrals Coordinator', 'Perinatal Referrals Coordinator'],
    ['Reference Data Java Developer', 'Reference Data Java Developer'],
    ['Research Fellow (75165-084)', 'Research Fellow'],
    ['Events Manager - SB1023', 'Events Manager'],
    ['Lecturer in English Literature, 1600-1720', 'Lecturer in English Literature, 1600-1720'],
    ['Research Associate-HORIZON2020', 'Research Associate-HORIZON2020'],
    ['RMN £3,000 Welcome Bonus', 'RMN £3,000 Welcome Bonus'],
    ['Driver - £25,000 + Benefits', 'Driver'],
    ['Chef (£28k - £30k DOE)', 'Chef'],
    ['Kitchen Porter £11.50ph', 'Kitchen Porter'],
    ['BANK NURSE RMN/RNLD', 'Bank Nurse RMN/RNLD'],
    ['Integrated Manager *Internal Applicants Only*', 'Integrated Manager *Internal Applicants Only*'],
  ])('%s → %s', (input, expected) => expect(cleanTitle(input)).toBe(expected));
  it('cuts a trailing place only when the advert names it', () => {
    expect(cleanTitle('Delivery Driver - Leeds', { places: ['Leeds'] })).toBe('Delivery Driver');
    expect(cleanTitle('Delivery Driver - Leeds')).toBe('Delivery Driver - Leeds');
  });
  it('never empties a title and never throws', () => {
    expect(cleanTitle('URGENT')).toBe('URGENT');
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => void cleanTitle(s)), { numRuns: 300 });
  });
});

describe('terms', () => {
  it.each([
    ['FULL_TIME', 'full_time'], ['Full-time', 'full_time'], ['part time', 'part_time'], ['PART_TIME', 'part_time'], ['Permanent', null],
  ])('employment type %s', (s, e) => expect(parseEmploymentType(s)).toBe(e));
  it.each([
    ['Permanent', 'permanent'], ['Contract / Temporary', 'contract'], ['Temporary', 'temporary'], ['CONTRACTOR', 'contract'],
    ['Apprenticeship', 'apprenticeship'], ['Zero Hours', 'zero_hours'], ['Seasonal', 'seasonal'], ['Fixed term', 'contract'],
    ['Not specified', null], ['INTERN', 'internship'], ['Temp to perm', 'temporary'],
  ])('contract %s', (s, e) => expect(parseContract(s)).toBe(e));
  it.each([
    ['37.5 hours per week', 37.5], ['16-20 hrs a week', 20], ['Hours per week: 30', 30], ['40 hours weekly', 40], ['no hours here', null], ['500 hours per week', null],
  ])('hours %s', (s, e) => expect(parseHoursPerWeek(s)).toBe(e));
  it('finds shifts', () => {
    expect(parseShifts('Night shifts and alternate weekends, 4 on 4 off')).toEqual(['nights', 'weekends', 'rotating']);
    expect(parseShifts('Monday to Friday, 9-5')).toEqual([]);
  });
  it('fills from text only what fields left empty', () => {
    const t = parseTerms({ employmentType: 'Part time', title: 'Cleaner', text: 'This is a permanent full-time role, 16 hours per week' });
    expect(t).toMatchObject({ employmentType: 'part_time', contract: 'permanent', hoursPerWeek: 16 });
  });
});

describe('dates', () => {
  const now = Date.UTC(2025, 3, 22, 12);
  it.each([
    ['2018-12-27T10:50:17+0000', '2018-12-27T10:50:17.000Z'],
    ['2025-04-22', '2025-04-22T00:00:00.000Z'],
    ['12/03/2025', '2025-03-12T00:00:00.000Z'],
    ['Posted 3 days ago', '2025-04-19T12:00:00.000Z'],
    ['30+ days ago', '2025-03-23T12:00:00.000Z'],
    ['yesterday', '2025-04-21T12:00:00.000Z'],
    ['today', '2025-04-22T12:00:00.000Z'],
    ['12th March 2025', '2025-03-12T00:00:00.000Z'],
  ])('%s', (s, iso) => expect(new Date(parseDate(s, now)!).toISOString()).toBe(iso));
  it.each(['Recently', 'nonsense', '', '31/02/2025'])('%s → null', (s) => expect(parseDate(s, now)).toBeNull());
  it('finds a closing date in text', () => {
    expect(new Date(findClosingDate('Some text.\nClosing date: 12th March 2025', now)!).toISOString().slice(0, 10)).toBe('2025-03-12');
    expect(new Date(findClosingDate('Applications close on 03/06/2025 at 5pm', now)!).toISOString().slice(0, 10)).toBe('2025-06-03');
    expect(findClosingDate('We close the gap between care and home.', now)).toBeNull();
  });
  describe('UK day-first dates and UK times', () => {
    const dec = Date.UTC(2026, 11, 2, 9);
    it.each([
      ['2nd December 2026', '2026-12-02T00:00:00.000Z'],
      ['02/12/2026', '2026-12-02T00:00:00.000Z'],
      ['2.12.26', '2026-12-02T00:00:00.000Z'],
      ['Wednesday 2 December 2026', '2026-12-02T00:00:00.000Z'],
      ['9 th January 2027', '2027-01-09T00:00:00.000Z'], // a <sup>th</sup> with its markup stripped
      ['Midnight, 16 th November 2026', '2026-11-16T23:59:00.000Z'],
      // No year: the next such day from the clock.
      ['12 Jan', '2027-01-12T00:00:00.000Z'],
      // Summer times are BST: 10:00 pm is 21:00Z; winter ones are GMT.
      ['14 July 2026 10:00 pm', '2026-07-14T21:00:00.000Z'],
      ['10pm on 14/07/2026', '2026-07-14T21:00:00.000Z'],
      ['14/01/2027 at 17.00', '2027-01-14T17:00:00.000Z'],
      ['14/07/2026 17:00hrs', '2026-07-14T16:00:00.000Z'],
      ['Friday 3rd July 2026 at 5.30pm', '2026-07-03T16:30:00.000Z'],
      ['12:00 noon on 5 January 2027', '2027-01-05T12:00:00.000Z'],
      ['12 noon, Monday 6th July 2026', '2026-07-06T11:00:00.000Z'],
      // Midnight on a day closes at the end of that day.
      ['midnight on 4th January 2027', '2027-01-04T23:59:00.000Z'],
      // An ISO date-time without an offset is UK wall time too; with one, it says its own.
      ['2026-07-14T22:00:00', '2026-07-14T21:00:00.000Z'],
      ['2026-07-14T22:00:00+01:00', '2026-07-14T21:00:00.000Z'],
      ['Tue, 14 Jul 2026 09:00:00 +0100', '2026-07-14T08:00:00.000Z'],
    ])('%s', (s, iso) => expect(new Date(parseDate(s, dec)!).toISOString()).toBe(iso));

    it.each([
      ['12 noon on midnight 5 January 2027', '2027-01-05T00:00:00.000Z'],
      ['5pm or 17:30, 6 July 2026', '2026-07-06T00:00:00.000Z'],
    ])('two different times fall back to the date with a note: %s', (s, iso) => {
      const r = readDate(s, dec)!;
      expect(new Date(r.at).toISOString()).toBe(iso);
      expect(r.timed).toBe(false);
      expect(r.note).toMatch(/ambiguous time/);
    });

    it.each(['12:00 noon', '31/02/2027', '13/13/2026'])('%s → null (no valid day)', (s) => expect(parseDate(s, dec)).toBeNull());

    it.each([
      ['Closing date: 12 Jan', '2027-01-12T00:00:00.000Z'],
      ['Closing date: 2nd December 2026. Interviews the week after.', '2026-12-02T00:00:00.000Z'],
      ['Applications close at 10:00 pm on 14 July 2027', '2027-07-14T21:00:00.000Z'],
      ['Deadline: 12 noon on 05/01/2027', '2027-01-05T12:00:00.000Z'],
    ])('closing date in text: %s', (s, iso) => expect(new Date(findClosingDate(s, dec)!).toISOString()).toBe(iso));
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.string({ maxLength: 120 }), (s) => void parseDate(s, now)), { numRuns: 300 });
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => void findClosingDate(s, now)), { numRuns: 300 });
  });
});

describe('requirements', () => {
  const kinds = (t: string) => findRequirements(t).map((r) => `${r.kind}${r.detail ? ':' + r.detail : ''}`);
  it.each([
    ['You must hold a full UK driving licence and have your own vehicle.', ['driving_licence:B', 'own_vehicle']],
    ['HGV Class 1 driver needed', ['driving_licence:C+E']],
    ['Cat C licence essential', ['driving_licence:C']],
    ['C1 licence (7.5 tonne)', ['driving_licence:C1']],
    ['PCV licence holders wanted', ['driving_licence:D']],
    ['No driving licence required.', []],
    ['A driving licence is not required for this role', []],
    ['Enhanced DBS check required.', ['dbs:enhanced']],
    ['Subject to a basic DBS', ['dbs:basic']],
    ['CSCS card essential', ['cscs']],
    ['Must hold an SIA door supervisor licence', ['sia:door_supervisor']],
    ['Counterbalance and reach forklift licence required', ['forklift:counterbalance,reach']],
    ['You must have the right to work in the UK.', ['right_to_work:required']],
    ['Welsh language skills are essential', ['welsh_language:essential']],
    ['Ability to speak Welsh is desirable', ['welsh_language:desirable']],
    ['We are unable to offer visa sponsorship.', ['visa_sponsorship:not_offered', 'right_to_work:required']],
    ['We do not offer sponsorship for this role.', ['visa_sponsorship:not_offered', 'right_to_work:required']],
    ['Visa sponsorship is available for this role.', ['visa_sponsorship:offered']],
    ['Our cafe serves the Welsh borders and the Welsh countryside.', []],
  ])('%s', (text, expected) => expect(kinds(text)).toEqual(expected));
  it('gives the evidencing sentence', () => {
    const r = findRequirements('Great team. An enhanced DBS check will be required. Apply today.');
    expect(r[0]!.evidence).toBe('An enhanced DBS check will be required.');
  });
  it('never throws', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), (s) => void findRequirements(s)), { numRuns: 300 });
  });
});

describe('sanitised HTML', () => {
  const opts = {
    allowedTags: [...ALLOWED_TAGS],
    allowedAttributes: { a: ['href', 'rel'] },
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  };
  it('is left unchanged by sanitize-html with the same allowlist (it is already clean)', () => {
    const tag = fc.constantFrom('p', 'div', 'script', 'style', 'a', 'ul', 'li', 'img', 'span', 'b', 'iframe', 'svg', 'br', 'h2', 'table', 'td');
    const attr = fc.constantFrom('', ' href="https://x.example/a?b=1&amp;c=2"', " href='javascript:alert(1)'", ' onclick="x()"', ' style="color:red"', ' src=x onerror=alert(1)', ' href="/relative"', ' title="a>b"');
    const piece = fc.oneof(
      fc.tuple(tag, attr).map(([t, a]) => `<${t}${a}>`),
      tag.map((t) => `</${t}>`),
      fc.constantFrom('&lt;script&gt;', '&amp;', '&#x3C;', '<!-- c -->', '<![CDATA[x]]>', 'text', ' ', '"quoted"', "it's", '<', '>', '&'),
      fc.string({ maxLength: 8 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const html = cleanDescription('<p>' + parts.join('')).html ?? '';
        expect(html).not.toMatch(/<(script|style|iframe|img|svg)|on\w+=|javascript:/i);
        expect(sanitizeHtml(html, opts)).toBe(html);
      }),
      { numRuns: 400 },
    );
  });
  it('keeps safe links, drops unsafe ones but keeps their text', () => {
    expect(cleanDescription('<p><a href="https://apply.example/job?id=1&amp;x=2" onclick="x">Apply</a> <a href="javascript:alert(1)">here</a></p>').html).toBe(
      '<p><a href="https://apply.example/job?id=1&amp;x=2" rel="nofollow noopener">Apply</a> here</p>',
    );
  });
  it('drops elements holding only white space, one level deep (as one pass of the clean-up does)', () => {
    const html = (s: string) => cleanDescription(s).html;
    expect(html('<p> </p><p>Hi</p>')).toBe('<p>Hi</p>');
    expect(html('<p><span></span></p><ul><li>\n</li><li>One</li></ul>')).toBe('<ul><li>One</li></ul>');
    expect(html('<p><b> </b></p>x')).toBe('<p></p>x');
    expect(html('<div><br></div><h3>  </h3><h3>Role</h3>')).toBe('<div><br /></div><h3>Role</h3>');
    expect(html('<p><script>x</script></p><em>&nbsp;</em>ok')).toBe('ok');
    expect(html('<li><a href="https://a.b"></a></li>')).toBe('<li><a href="https://a.b" rel="nofollow noopener"></a></li>');
  });
  it('closes what it opens', () => {
    expect(cleanDescription('<ul><li><b>One<li>Two</ul></b><p>Three').html).toBe('<ul><li><b>One<li>Two</li></b></li></ul><p>Three</p>');
  });
});

describe('every parser survives any string', () => {
  it('terms, location, fingerprint', async () => {
    const { parseLocation, parseRemote } = await import('../../src/vacancies/normalise/location.ts');
    const { computeFingerprint } = await import('../../src/vacancies/dedupe/fingerprint.ts');
    const { createGeocoder } = await import('../../src/geo/geocoder.ts');
    const g = createGeocoder(null);
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.string({ maxLength: 200 }), (a, b) => {
        parseTerms({ employmentType: a, contract: b, title: a, text: b });
        parseHoursPerWeek(a);
        parseShifts(a);
        parseContract(a);
        parseEmploymentType(a);
        parseRemote(a);
        parseLocation(g, { title: 'x', location: a, town: b });
        expect(computeFingerprint({ title: a, descriptionText: b })).toMatch(/^mh1:/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('sentenceAt', () => {
  // The first version, one regex test per character: the char-code rewrite must agree with it everywhere.
  function reference(text: string, idx: number): string {
    let start = idx;
    while (start > 0 && idx - start < 160) {
      const c = text[start - 1]!;
      if (c === '\n' || (c === ' ' && /[.!?]/.test(text[start - 2] ?? ''))) break;
      start--;
    }
    let end = idx;
    while (end < text.length && end - idx < 200) {
      const c = text[end]!;
      if (c === '\n' || (/[.!?]/.test(c) && /\s/.test(text[end + 1] ?? ' '))) {
        if (c !== '\n') end++;
        break;
      }
      end++;
    }
    return text.slice(start, end).replace(/^•\s*/, '').replace(/\s+/g, ' ').trim();
  }
  it('agrees with the per-character regex version on sentence-shaped text', () => {
    const piece = fc.constantFrom('Must hold a licence', '.', '!', '?', ' ', '\n', '\u00a0', '\u2003', '\t', '• ', 'DBS', 'x', '. ', '.\u3000');
    const text = fc.array(piece, { maxLength: 120 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, fc.nat(), (t, n) => {
        const idx = t.length ? n % t.length : 0;
        expect(sentenceAt(t, idx)).toBe(reference(t, idx));
      }),
      { numRuns: 1000 },
    );
  });
});
