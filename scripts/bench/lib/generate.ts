import type { Contract, EmploymentType, NormalisedVacancy, Remote } from '../../../src/vacancies/model.ts';
import type { Random } from '../../../src/random.ts';

/**
 * Bench-only vacancy generator: seeded, no outside data. Plausible UK titles,
 * towns with approximate coordinates (weighted roughly by size, so searches
 * around big cities see realistic density), salaries, and 3–4 KB
 * descriptions assembled from advert-like sentences with a few hundred
 * distinct words, so FTS posting lists look like real advert text rather
 * than random noise.
 */

const pick = <T>(rng: Random, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;

/** [town, region, lat, lon, weight] — approximate centres; weight ~ relative size. */
export const UK_PLACES: readonly (readonly [string, string, number, number, number])[] = [
  ['London', 'London', 51.507, -0.128, 40], ['Croydon', 'London', 51.372, -0.1, 5], ['Ilford', 'London', 51.559, 0.082, 4],
  ['Birmingham', 'West Midlands', 52.486, -1.89, 12], ['Coventry', 'West Midlands', 52.408, -1.51, 5],
  ['Wolverhampton', 'West Midlands', 52.587, -2.129, 4], ['Manchester', 'North West', 53.481, -2.242, 12],
  ['Liverpool', 'North West', 53.408, -2.991, 7], ['Preston', 'North West', 53.763, -2.703, 3],
  ['Bolton', 'North West', 53.578, -2.429, 3], ['Leeds', 'Yorkshire and The Humber', 53.801, -1.549, 9],
  ['Sheffield', 'Yorkshire and The Humber', 53.381, -1.47, 7], ['Bradford', 'Yorkshire and The Humber', 53.796, -1.759, 5],
  ['Hull', 'Yorkshire and The Humber', 53.745, -0.336, 4], ['York', 'Yorkshire and The Humber', 53.96, -1.082, 3],
  ['Newcastle upon Tyne', 'North East', 54.978, -1.618, 6], ['Sunderland', 'North East', 54.906, -1.381, 3],
  ['Middlesbrough', 'North East', 54.574, -1.235, 3], ['Nottingham', 'East Midlands', 52.954, -1.158, 6],
  ['Leicester', 'East Midlands', 52.637, -1.139, 6], ['Derby', 'East Midlands', 52.922, -1.476, 4],
  ['Northampton', 'East Midlands', 52.24, -0.902, 4], ['Bristol', 'South West', 51.455, -2.588, 8],
  ['Plymouth', 'South West', 50.376, -4.143, 4], ['Exeter', 'South West', 50.718, -3.534, 3],
  ['Swindon', 'South West', 51.558, -1.782, 3], ['Bournemouth', 'South West', 50.72, -1.88, 3],
  ['Southampton', 'South East', 50.909, -1.404, 5], ['Portsmouth', 'South East', 50.805, -1.087, 4],
  ['Brighton', 'South East', 50.822, -0.137, 4], ['Reading', 'South East', 51.454, -0.973, 4],
  ['Oxford', 'South East', 51.752, -1.258, 3], ['Milton Keynes', 'South East', 52.041, -0.759, 4],
  ['Maidstone', 'South East', 51.272, 0.529, 2], ['Cambridge', 'East of England', 52.205, 0.122, 3],
  ['Norwich', 'East of England', 52.63, 1.297, 3], ['Ipswich', 'East of England', 52.059, 1.155, 3],
  ['Peterborough', 'East of England', 52.573, -0.241, 3], ['Luton', 'East of England', 51.879, -0.417, 3],
  ['Chelmsford', 'East of England', 51.736, 0.469, 2], ['Cardiff', 'Wales', 51.481, -3.179, 6],
  ['Swansea', 'Wales', 51.621, -3.943, 3], ['Newport', 'Wales', 51.588, -2.998, 2], ['Wrexham', 'Wales', 53.046, -2.993, 2],
  ['Glasgow', 'Scotland', 55.864, -4.252, 9], ['Edinburgh', 'Scotland', 55.953, -3.188, 7],
  ['Aberdeen', 'Scotland', 57.149, -2.094, 3], ['Dundee', 'Scotland', 56.462, -2.971, 2],
  ['Inverness', 'Scotland', 57.478, -4.224, 1], ['Belfast', 'Northern Ireland', 54.597, -5.93, 5],
  ['Derry', 'Northern Ireland', 54.997, -7.309, 1], ['Carlisle', 'North West', 54.892, -2.932, 1],
  ['Lincoln', 'East Midlands', 53.234, -0.538, 2], ['Stoke-on-Trent', 'West Midlands', 53.003, -2.18, 3],
  ['Telford', 'West Midlands', 52.678, -2.445, 2], ['Gloucester', 'South West', 51.864, -2.244, 2],
  ['Truro', 'South West', 50.263, -5.051, 1], ['Blackpool', 'North West', 53.817, -3.036, 2],
];
const PLACE_WEIGHT_TOTAL = UK_PLACES.reduce((s, p) => s + p[4], 0);

export function pickPlace(rng: Random): (typeof UK_PLACES)[number] {
  let r = rng() * PLACE_WEIGHT_TOTAL;
  for (const p of UK_PLACES) {
    r -= p[4];
    if (r <= 0) return p;
  }
  return UK_PLACES[0]!;
}

/** [title, SIC section, SOC code, typical annual salary, duties keywords] */
const ROLES: readonly (readonly [string, string, string, number, readonly string[]])[] = [
  ['Care Assistant', 'Q', '6135', 23000, ['personal care', 'residents', 'dignity', 'medication', 'care plans']],
  ['Senior Carer', 'Q', '6136', 26000, ['care plans', 'supervision', 'residents', 'medication', 'handover']],
  ['Support Worker', 'Q', '6139', 23500, ['independent living', 'learning disabilities', 'community', 'support plans']],
  ['Registered Nurse', 'Q', '2231', 36000, ['clinical', 'patients', 'ward', 'NMC registration', 'medication']],
  ['Healthcare Assistant', 'Q', '6131', 24000, ['patients', 'observations', 'ward', 'clinical team']],
  ['Warehouse Operative', 'H', '9252', 24000, ['picking', 'packing', 'scanners', 'manual handling', 'dispatch']],
  ['Forklift Driver', 'H', '8222', 27000, ['counterbalance', 'reach truck', 'loading', 'pallets', 'warehouse']],
  ['HGV Class 2 Driver', 'H', '8211', 34000, ['deliveries', 'tachograph', 'multi-drop', 'vehicle checks']],
  ['Delivery Driver', 'H', '8214', 25000, ['parcels', 'routes', 'customers', 'van', 'multi-drop']],
  ['Customer Service Advisor', 'N', '7211', 23000, ['calls', 'customers', 'queries', 'CRM system', 'complaints']],
  ['Retail Assistant', 'G', '7111', 21500, ['tills', 'customers', 'stock', 'merchandising', 'shop floor']],
  ['Store Manager', 'G', '1190', 38000, ['targets', 'rotas', 'team', 'stock control', 'sales']],
  ['Kitchen Porter', 'I', '9263', 21000, ['washing up', 'kitchen', 'hygiene', 'food preparation']],
  ['Chef de Partie', 'I', '5434', 28000, ['fresh food', 'menu', 'kitchen brigade', 'food hygiene']],
  ['Bar Staff', 'I', '9265', 20500, ['drinks', 'customers', 'cellar', 'tills', 'hospitality']],
  ['Hotel Receptionist', 'I', '4216', 22000, ['guests', 'bookings', 'check-in', 'front desk']],
  ['Cleaner', 'N', '9223', 20800, ['cleaning', 'hygiene', 'offices', 'equipment', 'COSHH']],
  ['Security Officer', 'N', '9241', 25000, ['SIA licence', 'patrols', 'CCTV', 'access control']],
  ['Administrator', 'N', '4159', 23500, ['data entry', 'filing', 'Microsoft Office', 'invoices', 'diary']],
  ['Accounts Assistant', 'M', '4122', 26000, ['purchase ledger', 'invoices', 'reconciliations', 'Sage', 'Xero']],
  ['Payroll Officer', 'M', '4123', 29000, ['payroll', 'HMRC', 'pensions', 'timesheets']],
  ['Electrician', 'F', '5241', 38000, ['installations', 'testing', '18th edition', 'wiring', 'site']],
  ['Plumber', 'F', '5314', 36000, ['heating', 'boilers', 'pipework', 'installations', 'Gas Safe']],
  ['Labourer', 'F', '9120', 24000, ['site', 'CSCS card', 'materials', 'groundworks', 'tools']],
  ['Site Manager', 'F', '3114', 52000, ['construction', 'health and safety', 'subcontractors', 'programme']],
  ['Bricklayer', 'F', '5312', 37000, ['brickwork', 'site', 'CSCS card', 'new build']],
  ['Production Operative', 'C', '8131', 24500, ['production line', 'machines', 'quality checks', 'shifts']],
  ['Maintenance Engineer', 'C', '5223', 42000, ['PLC', 'breakdowns', 'planned maintenance', 'mechanical', 'electrical']],
  ['CNC Machinist', 'C', '5221', 33000, ['CNC', 'milling', 'turning', 'drawings', 'tolerances']],
  ['Quality Inspector', 'C', '3116', 29000, ['inspection', 'ISO 9001', 'measurements', 'non-conformance']],
  ['Teaching Assistant', 'P', '6112', 21000, ['pupils', 'classroom', 'SEN', 'literacy', 'school']],
  ['Primary Teacher', 'P', '2314', 35000, ['pupils', 'curriculum', 'lesson planning', 'QTS']],
  ['Nursery Practitioner', 'P', '6121', 22000, ['early years', 'children', 'EYFS', 'key person']],
  ['Software Developer', 'J', '2134', 50000, ['TypeScript', 'APIs', 'testing', 'cloud', 'agile']],
  ['IT Support Technician', 'J', '3132', 27000, ['helpdesk', 'hardware', 'Windows', 'networks', 'tickets']],
  ['Data Analyst', 'J', '3544', 38000, ['SQL', 'dashboards', 'reporting', 'Excel', 'insight']],
  ['Recruitment Consultant', 'N', '3571', 27000, ['candidates', 'clients', 'targets', 'sourcing']],
  ['Sales Executive', 'G', '7129', 30000, ['leads', 'targets', 'clients', 'new business', 'CRM system']],
  ['Marketing Assistant', 'M', '3554', 25000, ['social media', 'campaigns', 'content', 'events']],
  ['Bus Driver', 'H', '8213', 29000, ['passengers', 'PCV licence', 'routes', 'timetables']],
  ['Gardener', 'A', '5113', 23000, ['grounds', 'planting', 'mowing', 'hedges']],
  ['Farm Worker', 'A', '9111', 22500, ['livestock', 'tractor', 'harvest', 'crops']],
  ['Social Worker', 'Q', '2461', 40000, ['safeguarding', 'caseload', 'assessments', 'families', 'Social Work England']],
  ['Pharmacy Assistant', 'G', '7114', 22000, ['prescriptions', 'customers', 'dispensary', 'medicines']],
  ['Mechanic', 'G', '5231', 32000, ['vehicles', 'diagnostics', 'servicing', 'MOT', 'repairs']],
  ['Housing Officer', 'L', '3240', 31000, ['tenants', 'tenancies', 'rent arrears', 'estates']],
  ['Estate Agent', 'L', '3544', 26000, ['viewings', 'valuations', 'lettings', 'vendors']],
  ['Bank Cashier', 'K', '4123', 22500, ['customers', 'cash handling', 'accounts', 'branch']],
  ['Civil Servant Administrative Officer', 'O', '4112', 24500, ['casework', 'public', 'records', 'policy']],
];
const SENIORITY = ['', '', '', '', 'Senior ', 'Trainee ', 'Lead ', 'Assistant ', 'Night ', 'Relief '];

const EMPLOYER_A = ['North', 'Oak', 'Riverside', 'Summit', 'Bright', 'Harbour', 'Meadow', 'Crown', 'Albion', 'Pennine', 'Thames', 'Severn', 'Castle', 'Heritage', 'Evergreen', 'Kingfisher', 'Beacon', 'Unity', 'Sterling', 'Willow'];
const EMPLOYER_B = ['Care', 'Logistics', 'Foods', 'Homes', 'Retail', 'Engineering', 'Group', 'Services', 'Health', 'Solutions', 'Construction', 'Hospitality', 'Manufacturing', 'Recruitment', 'Partners', 'Trust'];
const EMPLOYER_C = ['Ltd', 'Limited', 'plc', 'Group', 'LLP', ''];

const INTRO = [
  'We are a family run business with over {n} years of experience serving {cust} across the region.',
  'Our organisation employs more than {n}00 people and is proud to be an accredited Living Wage employer.',
  'Join a friendly, supportive {team} that values hard work, reliability and a positive attitude.',
  'We are growing fast and are looking for motivated people who want to build a long term career with us.',
  'Our values are simple: respect, honesty, teamwork and putting people first in everything we do.',
  'We were rated outstanding at our last inspection and we invest heavily in training and development.',
];
const DUTY = [
  'You will be responsible for {k} and making sure standards are maintained at all times.',
  'Day to day duties include {k}, {k2} and working closely with colleagues across the {site}.',
  'You will support the {team} with {k} and help to deliver an excellent {svc} to our {cust}.',
  'The role involves {k}, keeping accurate records and reporting any concerns to your {mgr}.',
  'You will take ownership of {k} and contribute ideas to improve the way we work.',
  'Working as part of a small {team}, you will handle {k} and {k2} in a busy environment.',
  'You will follow procedures for {k}, health and safety and data protection.',
];
const REQUIRE = [
  'Previous experience of {k} is desirable but not essential as full training will be provided.',
  'You must have the right to work in the UK and be able to provide two references.',
  'A full UK driving licence is essential due to the location of the role.',
  'You will need good communication skills, both written and verbal, and a flexible approach.',
  'An enhanced DBS check will be required and we will pay for this on your behalf.',
  'Basic IT skills are needed, including email and simple spreadsheets.',
  'GCSEs in English and Maths at grade C or above, or equivalent, are preferred.',
  'You should be able to work on your own initiative as well as part of a {team}.',
  'Good attention to detail and the ability to prioritise your workload are important.',
];
const BENEFIT = [
  'Benefits include {n} days holiday plus bank holidays, a company pension and free parking at the {site}.',
  'We offer paid breaks, overtime at time and a half, and a refer a friend bonus of up to £{n}00.',
  'You will have access to an employee assistance programme, discounts at high street retailers and cycle to work.',
  'We provide uniform, paid training, and clear progression routes into supervisory roles.',
  'Weekly pay, flexible shifts to suit your lifestyle, and a free meal on every shift.',
  'Enhanced maternity and paternity pay, life assurance and a generous sick pay scheme.',
];
const SHIFT = [
  'Shifts are {h} hours per week across a rota including some weekends and evenings.',
  'The working pattern is four on four off, days and nights, twelve hour shifts.',
  'Hours are Monday to Friday, 8am to 4.30pm, with early finish on Fridays.',
  'Part time and full time hours are available, with flexible start times around school hours.',
];
const CLOSE = [
  'If this sounds like the role for you, apply today and one of our recruitment {team} will be in touch.',
  'We are committed to equality, diversity and inclusion and welcome applications from everyone.',
  'Interviews will be held on a rolling basis so early applications are encouraged.',
  'We reserve the right to close this vacancy early if we receive a high volume of suitable applications.',
];

/*
 * Synonym slots spread the generic advert words over many forms, so that no
 * single everyday word ("customers", "team", "site", "manager") sits in
 * nearly every advert as it would with fixed boilerplate. Real adverts vary
 * like this; without it, two-word queries of common words match most of the
 * corpus and posting lists look nothing like real ones.
 */
const SYNONYMS: Record<string, readonly string[]> = {
  cust: ['customers', 'clients', 'service users', 'residents', 'patients', 'guests', 'visitors', 'members of the public', 'shoppers', 'tenants', 'pupils', 'passengers'],
  team: ['team', 'crew', 'department', 'group', 'staff', 'colleagues', 'workforce', 'unit'],
  site: ['site', 'premises', 'location', 'branch', 'depot', 'home', 'store', 'office', 'workplace', 'plant', 'campus', 'venue'],
  mgr: ['manager', 'supervisor', 'team leader', 'shift lead', 'coordinator', 'head of department', 'duty lead', 'line lead'],
  svc: ['service', 'experience', 'standard of work', 'level of support', 'quality of care', 'result'],
};

function fill(rng: Random, s: string, keys: readonly string[]): string {
  return s
    .replace('{k}', pick(rng, keys))
    .replace('{k2}', pick(rng, keys))
    .replace('{n}', String(2 + Math.floor(rng() * 30)))
    .replace('{h}', String(16 + Math.floor(rng() * 29)))
    .replace(/\{(cust|team|site|mgr|svc)\}/g, (_, k: string) => pick(rng, SYNONYMS[k]!));
}

const ROLE_SENTENCES = [
  'Experience of {k} would be an advantage, and training in {k2} is provided.',
  'A typical day includes {k}, {k2} and handing over to the next shift.',
  'You will be confident with {k} and keen to learn more about {k2}.',
  'We will support you to gain qualifications in {k}.',
  'Knowledge of {k} and {k2} is helpful but we value attitude above all.',
  'You will use {k} every day and help colleagues with {k2}.',
];

/**
 * A 3–4 KB advert body: a handful of generic sentences (each advert its own
 * selection, as each employer writes its own boilerplate) and role-specific
 * sentences for the rest, which is what real adverts are mostly made of.
 */
export function generateDescription(rng: Random, role: (typeof ROLES)[number], town: string): string {
  const keys = role[4];
  const target = 3000 + Math.floor(rng() * 1000);
  const parts: string[] = [`We are recruiting a ${role[0]} to join our ${pick(rng, SYNONYMS.team!)} in ${town}.`];
  const generic = [INTRO, DUTY, REQUIRE, BENEFIT, SHIFT, REQUIRE, BENEFIT, INTRO];
  const genericCount = 6 + Math.floor(rng() * 6);
  for (let i = 0; i < genericCount; i++) parts.push(fill(rng, pick(rng, generic[i % generic.length]!), keys));
  let len = parts.join(' ').length;
  while (len < target - 200) {
    const s = fill(rng, pick(rng, rng() < 0.5 ? DUTY : ROLE_SENTENCES), keys);
    parts.push(s);
    len += s.length + 1;
  }
  parts.push(pick(rng, CLOSE));
  return parts.join(' ');
}

const CONTRACT_WEIGHTS: readonly [Contract, number][] = [
  ['permanent', 60], ['temporary', 15], ['contract', 10], ['apprenticeship', 4], ['zero_hours', 6], ['seasonal', 3], ['internship', 2],
];

function pickWeighted<T>(rng: Random, xs: readonly (readonly [T, number])[]): T {
  const total = xs.reduce((s, x) => s + x[1], 0);
  let r = rng() * total;
  for (const x of xs) {
    r -= x[1];
    if (r <= 0) return x[0];
  }
  return xs[0]![0];
}

/** One normalised vacancy (the store's input), number `i` of a seeded stream. */
export function generateVacancy(rng: Random, i: number, now: number): NormalisedVacancy {
  const role = pick(rng, ROLES);
  const place = pickPlace(rng);
  const title = `${pick(rng, SENIORITY)}${role[0]}`;
  const employer = `${pick(rng, EMPLOYER_A)} ${pick(rng, EMPLOYER_B)} ${pick(rng, EMPLOYER_C)}`.trim();
  // Scatter around the town centre (up to ~12 km), as real adverts are.
  const lat = place[2] + (rng() - 0.5) * 0.2;
  const lon = place[3] + (rng() - 0.5) * 0.3;
  const partTime = rng() < 0.25;
  const employmentType: EmploymentType = partTime ? 'part_time' : 'full_time';
  const remote: Remote = rng() < 0.85 ? 'onsite' : rng() < 0.7 ? 'hybrid' : 'remote';
  const annual = Math.round((role[3] * (0.85 + rng() * 0.35)) / 500) * 500;
  const hourly = rng() < 0.35;
  const description = generateDescription(rng, role, place[0]);
  return {
    sourceRef: `bench-${i}`,
    url: `https://jobs.example.org/bench/${i}`,
    applyUrl: `https://jobs.example.org/bench/${i}/apply`,
    title,
    titleOriginal: title,
    descriptionText: description,
    descriptionHtml: null,
    employerName: employer,
    endEmployerName: null,
    location: {
      text: `${place[0]}, ${place[1]}`,
      lat,
      lon,
      postcode: null,
      town: place[0],
      localAuthority: null,
      region: place[1],
      resolved: true,
    },
    extraLocations: [],
    remote,
    employmentType,
    contract: pickWeighted(rng, CONTRACT_WEIGHTS),
    hoursPerWeek: partTime ? 20 : 37.5,
    shifts: [],
    salary: hourly
      ? {
          min: Math.round((annual / 1950) * 100) / 100,
          max: null,
          currency: 'GBP',
          period: 'hour',
          annualMin: annual,
          annualMax: null,
          text: `£${(annual / 1950).toFixed(2)} per hour`,
        }
      : {
          min: annual,
          max: annual + 2000,
          currency: 'GBP',
          period: 'year',
          annualMin: annual,
          annualMax: annual + 2000,
          text: `£${annual.toLocaleString('en-GB')} - £${(annual + 2000).toLocaleString('en-GB')} per annum`,
        },
    datePosted: now - Math.floor(rng() * 30) * 86_400_000,
    validThrough: null,
    requestedStatus: 'live',
    occupation: { code: role[2], scheme: 'soc2020', confidence: 0.9, evidence: ['bench'] },
    sector: { code: role[1], confidence: 0.9, evidence: ['bench'] },
    skills: [],
    requirements: [],
    fingerprint: null,
  };
}

/** Two-word queries a coach might type. */
export const BENCH_QUERIES = [
  'care assistant', 'warehouse operative', 'support worker', 'delivery driver', 'customer service', 'retail assistant',
  'kitchen porter', 'forklift driver', 'teaching assistant', 'security officer', 'production operative', 'site manager',
  'accounts assistant', 'maintenance engineer', 'night care', 'cleaning offices', 'software developer', 'registered nurse',
] as const;
