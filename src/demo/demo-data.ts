/**
 * Word lists for the demo vacancy generator (src/demo/generate-vacancies.ts).
 * Towns are real, with approximate centre coordinates and a typical outward
 * postcode; employers are invented names that belong to no real company.
 */

export interface DemoTown {
  name: string;
  lat: number;
  lon: number;
  outward: string;
  region: string;
}

export const DEMO_TOWNS: DemoTown[] = [
  { name: 'London', lat: 51.507, lon: -0.128, outward: 'EC1A', region: 'London' },
  { name: 'Croydon', lat: 51.372, lon: -0.1, outward: 'CR0', region: 'London' },
  { name: 'Stratford', lat: 51.541, lon: -0.003, outward: 'E15', region: 'London' },
  { name: 'Birmingham', lat: 52.486, lon: -1.89, outward: 'B1', region: 'West Midlands' },
  { name: 'Coventry', lat: 52.406, lon: -1.51, outward: 'CV1', region: 'West Midlands' },
  { name: 'Wolverhampton', lat: 52.586, lon: -2.129, outward: 'WV1', region: 'West Midlands' },
  { name: 'Stoke-on-Trent', lat: 53.003, lon: -2.18, outward: 'ST1', region: 'West Midlands' },
  { name: 'Leeds', lat: 53.8, lon: -1.549, outward: 'LS1', region: 'Yorkshire and The Humber' },
  { name: 'Bradford', lat: 53.795, lon: -1.759, outward: 'BD1', region: 'Yorkshire and The Humber' },
  { name: 'Sheffield', lat: 53.381, lon: -1.47, outward: 'S1', region: 'Yorkshire and The Humber' },
  { name: 'Hull', lat: 53.745, lon: -0.336, outward: 'HU1', region: 'Yorkshire and The Humber' },
  { name: 'York', lat: 53.96, lon: -1.082, outward: 'YO1', region: 'Yorkshire and The Humber' },
  { name: 'Doncaster', lat: 53.523, lon: -1.133, outward: 'DN1', region: 'Yorkshire and The Humber' },
  { name: 'Wakefield', lat: 53.683, lon: -1.499, outward: 'WF1', region: 'Yorkshire and The Humber' },
  { name: 'Manchester', lat: 53.481, lon: -2.242, outward: 'M1', region: 'North West' },
  { name: 'Salford', lat: 53.488, lon: -2.291, outward: 'M5', region: 'North West' },
  { name: 'Liverpool', lat: 53.408, lon: -2.992, outward: 'L1', region: 'North West' },
  { name: 'Preston', lat: 53.763, lon: -2.703, outward: 'PR1', region: 'North West' },
  { name: 'Bolton', lat: 53.578, lon: -2.429, outward: 'BL1', region: 'North West' },
  { name: 'Warrington', lat: 53.39, lon: -2.597, outward: 'WA1', region: 'North West' },
  { name: 'Blackpool', lat: 53.817, lon: -3.036, outward: 'FY1', region: 'North West' },
  { name: 'Newcastle upon Tyne', lat: 54.978, lon: -1.618, outward: 'NE1', region: 'North East' },
  { name: 'Sunderland', lat: 54.906, lon: -1.383, outward: 'SR1', region: 'North East' },
  { name: 'Middlesbrough', lat: 54.576, lon: -1.235, outward: 'TS1', region: 'North East' },
  { name: 'Durham', lat: 54.776, lon: -1.576, outward: 'DH1', region: 'North East' },
  { name: 'Nottingham', lat: 52.954, lon: -1.158, outward: 'NG1', region: 'East Midlands' },
  { name: 'Leicester', lat: 52.637, lon: -1.139, outward: 'LE1', region: 'East Midlands' },
  { name: 'Derby', lat: 52.922, lon: -1.476, outward: 'DE1', region: 'East Midlands' },
  { name: 'Northampton', lat: 52.24, lon: -0.902, outward: 'NN1', region: 'East Midlands' },
  { name: 'Lincoln', lat: 53.234, lon: -0.538, outward: 'LN1', region: 'East Midlands' },
  { name: 'Daventry', lat: 52.257, lon: -1.163, outward: 'NN11', region: 'East Midlands' },
  { name: 'Norwich', lat: 52.63, lon: 1.297, outward: 'NR1', region: 'East of England' },
  { name: 'Cambridge', lat: 52.205, lon: 0.122, outward: 'CB1', region: 'East of England' },
  { name: 'Peterborough', lat: 52.573, lon: -0.241, outward: 'PE1', region: 'East of England' },
  { name: 'Ipswich', lat: 52.056, lon: 1.148, outward: 'IP1', region: 'East of England' },
  { name: 'Luton', lat: 51.879, lon: -0.417, outward: 'LU1', region: 'East of England' },
  { name: 'Chelmsford', lat: 51.736, lon: 0.469, outward: 'CM1', region: 'East of England' },
  { name: 'Bristol', lat: 51.455, lon: -2.588, outward: 'BS1', region: 'South West' },
  { name: 'Plymouth', lat: 50.376, lon: -4.143, outward: 'PL1', region: 'South West' },
  { name: 'Exeter', lat: 50.718, lon: -3.534, outward: 'EX1', region: 'South West' },
  { name: 'Swindon', lat: 51.558, lon: -1.781, outward: 'SN1', region: 'South West' },
  { name: 'Bournemouth', lat: 50.72, lon: -1.88, outward: 'BH1', region: 'South West' },
  { name: 'Gloucester', lat: 51.864, lon: -2.244, outward: 'GL1', region: 'South West' },
  { name: 'Southampton', lat: 50.909, lon: -1.404, outward: 'SO14', region: 'South East' },
  { name: 'Portsmouth', lat: 50.805, lon: -1.087, outward: 'PO1', region: 'South East' },
  { name: 'Brighton', lat: 50.822, lon: -0.137, outward: 'BN1', region: 'South East' },
  { name: 'Reading', lat: 51.454, lon: -0.973, outward: 'RG1', region: 'South East' },
  { name: 'Oxford', lat: 51.752, lon: -1.258, outward: 'OX1', region: 'South East' },
  { name: 'Milton Keynes', lat: 52.041, lon: -0.759, outward: 'MK9', region: 'South East' },
  { name: 'Maidstone', lat: 51.272, lon: 0.522, outward: 'ME14', region: 'South East' },
  { name: 'Crawley', lat: 51.113, lon: -0.187, outward: 'RH10', region: 'South East' },
  { name: 'Cardiff', lat: 51.481, lon: -3.179, outward: 'CF10', region: 'Wales' },
  { name: 'Swansea', lat: 51.621, lon: -3.944, outward: 'SA1', region: 'Wales' },
  { name: 'Newport', lat: 51.588, lon: -2.998, outward: 'NP20', region: 'Wales' },
  { name: 'Wrexham', lat: 53.046, lon: -2.993, outward: 'LL11', region: 'Wales' },
  { name: 'Glasgow', lat: 55.864, lon: -4.252, outward: 'G1', region: 'Scotland' },
  { name: 'Edinburgh', lat: 55.953, lon: -3.189, outward: 'EH1', region: 'Scotland' },
  { name: 'Aberdeen', lat: 57.149, lon: -2.094, outward: 'AB10', region: 'Scotland' },
  { name: 'Dundee', lat: 56.462, lon: -2.971, outward: 'DD1', region: 'Scotland' },
  { name: 'Inverness', lat: 57.478, lon: -4.224, outward: 'IV1', region: 'Scotland' },
  { name: 'Belfast', lat: 54.597, lon: -5.93, outward: 'BT1', region: 'Northern Ireland' },
  { name: 'Derry', lat: 54.997, lon: -7.309, outward: 'BT48', region: 'Northern Ireland' },
];

/** Invented stems: none is a real company's name. */
export const EMPLOYER_STEMS = [
  'Quillmere', 'Brackenholt', 'Fennick', 'Ashlowe', 'Corrowby', 'Tamsworth Vale', 'Larkspire', 'Ombridge',
  'Hollinwick', 'Pellow & Strand', 'Greyfallow', 'Mistlebrook', 'Ravensett', 'Duncliffe', 'Wrenfold',
  'Kestowe', 'Amberlow', 'Thistlecombe', 'Brindleworth', 'Sallowmere', 'Cobbleham', 'Elderquay',
  'Marlowvale', 'Nettlecroft', 'Pinfold Ashe', 'Quarrywick', 'Rushbeck', 'Stonefennel', 'Tollgate Myre', 'Umberfield',
];

export type PayModel = { kind: 'hour'; min: number; max: number } | { kind: 'year'; min: number; max: number };

export interface DemoRole {
  title: string;
  /** SOC 2020 unit group, when the role maps cleanly onto one. */
  soc?: string;
  pay: PayModel;
  /** Requirement phrases as adverts write them. */
  needs: string[];
  duties: string[];
}

export interface DemoSector {
  key: string;
  /** SIC 2007 section letter. */
  sic: string;
  employerSuffixes: string[];
  /** Relative share of demo vacancies. */
  weight: number;
  remoteShare: number;
  partTimeShare: number;
  roles: DemoRole[];
  about: string[];
}

const hour = (min: number, max: number): PayModel => ({ kind: 'hour', min, max });
const year = (min: number, max: number): PayModel => ({ kind: 'year', min, max });

export const DEMO_SECTORS: DemoSector[] = [
  {
    key: 'care', sic: 'Q', weight: 14, remoteShare: 0, partTimeShare: 0.4,
    employerSuffixes: ['Care Group', 'Home Care', 'Care Homes', 'Healthcare', 'Support Services'],
    about: [
      'We provide person-centred care to older adults and people living with dementia in their own homes and in our residential homes.',
      'Our registered services are rated Good by the Care Quality Commission and we are proud of our friendly, stable teams.',
      'We support adults with learning disabilities and autism to live as independently as possible in supported living settings.',
    ],
    roles: [
      { title: 'Care Assistant', soc: '6135', pay: hour(11.44, 12.6), needs: ['an enhanced DBS check (we pay for this)', 'a caring and patient nature'], duties: ['supporting residents with personal care, washing and dressing', 'helping with meals, drinks and medication prompts', 'keeping accurate care records on our digital care planning system'] },
      { title: 'Domiciliary Care Worker', soc: '6135', pay: hour(11.5, 13.25), needs: ['a full UK driving licence and access to your own vehicle', 'an enhanced DBS check'], duties: ['visiting clients in their own homes on a planned rota', 'supporting with personal care, meal preparation and companionship', 'reporting any changes in wellbeing to the office team'] },
      { title: 'Senior Care Worker', soc: '6136', pay: hour(12.2, 13.9), needs: ['NVQ / Diploma Level 3 in Health and Social Care', 'experience administering medication', 'an enhanced DBS check'], duties: ['leading a shift of care assistants', 'administering medication in line with our policies', 'reviewing care plans with residents and families'] },
      { title: 'Support Worker', soc: '6135', pay: hour(11.44, 12.75), needs: ['an enhanced DBS check', 'a full UK driving licence (desirable)'], duties: ['supporting people to take part in their community', 'helping with budgeting, shopping and cooking', 'promoting independence and choice'] },
      { title: 'Healthcare Assistant', soc: '6131', pay: year(23615, 25674), needs: ['the Care Certificate or willingness to complete it', 'an enhanced DBS check'], duties: ['taking observations and recording them accurately', 'supporting patients with mobility and nutrition', 'working alongside registered nurses on a busy ward'] },
    ],
  },
  {
    key: 'logistics', sic: 'H', weight: 13, remoteShare: 0, partTimeShare: 0.1,
    employerSuffixes: ['Logistics', 'Distribution', 'Freight', 'Haulage Ltd', 'Parcels'],
    about: [
      'We run a national distribution network serving supermarkets and wholesalers from regional hubs.',
      'Our fleet of modern Euro 6 vehicles covers trunking, multi-drop and home delivery work seven days a week.',
      'As a growing third-party logistics provider we store and pick for retail and e-commerce clients.',
    ],
    roles: [
      { title: 'HGV Class 1 Driver', soc: '8211', pay: hour(16.5, 19.5), needs: ['a full UK driving licence with C+E entitlement', 'a valid Driver CPC and digital tachograph card', 'no more than 6 points on your licence'], duties: ['trunking between our hubs on a regular night route', 'completing daily vehicle walk-around checks', 'securing loads and following tachograph rules'] },
      { title: 'HGV Class 2 Driver', soc: '8211', pay: hour(14.5, 17), needs: ['a full UK driving licence with category C', 'a valid Driver CPC card'], duties: ['multi-drop deliveries to retail stores', 'using a handheld device to capture proof of delivery', 'handling cages and pallets safely with a tail-lift'] },
      { title: 'Multi-drop Van Driver', soc: '8212', pay: hour(11.44, 13), needs: ['a full UK driving licence held for at least 2 years'], duties: ['delivering parcels on a planned route of around 100 drops', 'keeping your van clean, tidy and roadworthy', 'giving customers a friendly, professional service'] },
      { title: 'Warehouse Operative', soc: '9252', pay: hour(11.44, 12.8), needs: ['the right to work in the UK', 'the ability to stand and lift for long periods'], duties: ['picking and packing customer orders accurately', 'loading and unloading deliveries', 'keeping the warehouse safe, clean and organised'] },
      { title: 'Forklift Driver', soc: '8222', pay: hour(12.5, 14.25), needs: ['a valid counterbalance or reach truck licence (RTITB or ITSSAR)', 'warehouse experience'], duties: ['loading and unloading trailers', 'putting away stock to racking at height', 'carrying out pre-use checks on your truck'] },
      { title: 'Transport Planner', pay: year(28000, 34000), needs: ['experience with route planning software', 'strong Excel skills'], duties: ['planning daily routes for a fleet of 40 vehicles', 'managing driver hours and tachograph compliance', 'liaising with customers about delivery windows'] },
    ],
  },
  {
    key: 'retail', sic: 'G', weight: 11, remoteShare: 0, partTimeShare: 0.6,
    employerSuffixes: ['Stores', 'Retail', 'Home & Garden', 'Foodstores', 'Fashion'],
    about: [
      'We are an independent chain of convenience and food stores at the heart of local communities.',
      'Our homeware and garden centres welcome thousands of customers every week.',
    ],
    roles: [
      { title: 'Retail Assistant', soc: '7111', pay: hour(11.44, 12.2), needs: ['flexibility to work weekends and bank holidays'], duties: ['serving customers on the tills', 'replenishing shelves and rotating stock', 'keeping the shop floor clean and tidy'] },
      { title: 'Customer Assistant - Nights', soc: '7111', pay: hour(12.1, 13.4), needs: ['the ability to lift and move stock safely'], duties: ['unloading deliveries and filling shelves overnight', 'checking date codes and reducing stock', 'helping customers on the night shift'] },
      { title: 'Checkout Operator', soc: '7112', pay: hour(11.44, 11.9), needs: ['good numeracy and cash handling'], duties: ['scanning and processing customer shopping', 'handling cash and card payments', 'carrying out Challenge 25 checks'] },
      { title: 'Assistant Store Manager', pay: year(25000, 29500), needs: ['previous supervisory experience in retail'], duties: ['running shifts and leading the store team', 'managing stock, ordering and availability', 'coaching colleagues and covering for the Store Manager'] },
    ],
  },
  {
    key: 'hospitality', sic: 'I', weight: 9, remoteShare: 0, partTimeShare: 0.55,
    employerSuffixes: ['Inns', 'Hotels', 'Kitchen & Bar', 'Hospitality', 'Dining'],
    about: [
      'We run a collection of country pubs and town-centre hotels with a focus on fresh, local food.',
      'Our busy restaurants and cafes serve breakfast, lunch and dinner every day of the year.',
    ],
    roles: [
      { title: 'Kitchen Porter', soc: '9263', pay: hour(11.44, 12), needs: ['a good work ethic and the ability to work at pace'], duties: ['washing pots, pans and crockery', 'keeping the kitchen clean to food hygiene standards', 'helping with basic food preparation'] },
      { title: 'Chef de Partie', soc: '5434', pay: year(26000, 30000), needs: ['Level 2 Food Hygiene certificate', 'previous experience in a fresh food kitchen'], duties: ['running a section during busy services', 'preparing dishes to our specifications', 'following allergen and food safety procedures'] },
      { title: 'Bar Staff', soc: '9265', pay: hour(11.44, 12.5), needs: ['aged 18 or over', 'availability for evenings and weekends'], duties: ['serving drinks and taking food orders', 'following licensing laws including Challenge 25', 'keeping the bar stocked and clean'] },
      { title: 'Waiting Staff', soc: '9264', pay: hour(11.44, 12), needs: ['a friendly, confident manner with guests'], duties: ['welcoming guests and taking orders', 'serving food and drinks promptly', 'resetting tables between sittings'] },
      { title: 'Hotel Housekeeper', pay: hour(11.44, 12.2), needs: ['attention to detail'], duties: ['cleaning and servicing guest bedrooms', 'restocking linen and amenities', 'reporting maintenance issues'] },
    ],
  },
  {
    key: 'contact', sic: 'N', weight: 7, remoteShare: 0.35, partTimeShare: 0.25,
    employerSuffixes: ['Contact Centres', 'Customer Solutions', 'Connect'],
    about: ['We handle customer service for utility, insurance and telecoms brands from our award-winning contact centres.'],
    roles: [
      { title: 'Customer Service Advisor', soc: '7219', pay: hour(11.6, 12.8), needs: ['good IT skills and a clear telephone manner'], duties: ['answering inbound calls, webchats and emails', 'resolving customer queries first time', 'recording interactions accurately on our CRM system'] },
      { title: 'Call Centre Agent', soc: '7211', pay: year(22500, 24500), needs: ['previous call centre or customer service experience (desirable)'], duties: ['handling a high volume of inbound calls', 'meeting quality and service targets', 'escalating complaints where needed'] },
      { title: 'Complaints Handler', pay: year(24000, 27000), needs: ['excellent written communication'], duties: ['investigating customer complaints', 'writing clear final response letters', 'spotting trends and root causes'] },
    ],
  },
  {
    key: 'construction', sic: 'F', weight: 8, remoteShare: 0, partTimeShare: 0.02,
    employerSuffixes: ['Construction', 'Build Ltd', 'Contractors', 'Homes'],
    about: ['We build new homes and carry out refurbishment projects for housing associations and councils.'],
    roles: [
      { title: 'General Labourer', pay: hour(12, 14), needs: ['a valid CSCS card', 'your own PPE and safety boots'], duties: ['keeping the site tidy and safe', 'moving materials around the site', 'supporting trades with groundworks'] },
      { title: 'Bricklayer', soc: '5312', pay: hour(20, 25), needs: ['a CSCS blue or gold card', 'NVQ Level 2 in Bricklaying'], duties: ['laying bricks and blocks to line and level', 'reading drawings and setting out', 'working safely at height on scaffolding'] },
      { title: 'Electrician', soc: '5241', pay: year(36000, 42000), needs: ['18th Edition and NVQ Level 3 (ECS gold card)', 'a full UK driving licence'], duties: ['first and second fix installations', 'testing and inspection', 'fault finding on domestic and commercial sites'] },
      { title: 'Site Manager', pay: year(45000, 55000), needs: ['SMSTS and a CSCS black card', 'First Aid at Work'], duties: ['running a residential site of 80 plots', 'managing subcontractors and programme', 'health and safety on site'] },
      { title: 'Plumber', soc: '5314', pay: year(32000, 38000), needs: ['NVQ Level 2 or 3 in Plumbing', 'a full UK driving licence'], duties: ['installing heating and hot water systems', 'repairs and maintenance in occupied homes', 'completing job sheets on a tablet'] },
    ],
  },
  {
    key: 'manufacturing', sic: 'C', weight: 8, remoteShare: 0, partTimeShare: 0.05,
    employerSuffixes: ['Manufacturing', 'Engineering', 'Foods', 'Packaging Ltd', 'Components'],
    about: ['We manufacture food products for leading UK retailers on a modern, high-speed site.', 'We are a precision engineering business supplying the aerospace and automotive sectors.'],
    roles: [
      { title: 'Production Operative', pay: hour(11.44, 12.9), needs: ['the ability to work on a rotating shift pattern'], duties: ['operating production line machinery', 'carrying out quality checks', 'following food safety and hygiene procedures'] },
      { title: 'CNC Machinist', pay: hour(15, 19), needs: ['experience setting and operating CNC machines', 'the ability to read engineering drawings'], duties: ['setting and running CNC milling machines', 'inspecting parts with measuring equipment', 'small batch and prototype work'] },
      { title: 'Maintenance Engineer', pay: year(38000, 46000), needs: ['a recognised electrical or mechanical qualification'], duties: ['reactive and planned maintenance', 'fault finding on PLC-controlled lines', 'continuous improvement projects'] },
      { title: 'Quality Inspector', pay: year(24000, 28000), needs: ['attention to detail and good IT skills'], duties: ['inspecting products against specifications', 'recording results and raising non-conformances', 'supporting audits'] },
    ],
  },
  {
    key: 'admin', sic: 'N', weight: 7, remoteShare: 0.3, partTimeShare: 0.3,
    employerSuffixes: ['Business Services', 'Partners LLP', 'Group', 'Property Management'],
    about: ['We are a professional services firm with offices across the region and a supportive, flexible culture.'],
    roles: [
      { title: 'Administrator', soc: '4159', pay: year(22000, 25000), needs: ['good Microsoft Office skills (Word, Excel, Outlook)'], duties: ['data entry and keeping records up to date', 'answering the phone and responding to emails', 'booking meetings and managing diaries'] },
      { title: 'Receptionist', soc: '4216', pay: hour(11.44, 12.5), needs: ['a professional telephone manner'], duties: ['greeting visitors and clients', 'managing the switchboard', 'handling post and deliveries'] },
      { title: 'Accounts Assistant', soc: '4122', pay: year(23000, 27000), needs: ['AAT Level 2 or working towards it (desirable)'], duties: ['processing purchase invoices', 'bank reconciliations', 'chasing aged debt'] },
      { title: 'Office Manager', pay: year(28000, 33000), needs: ['experience running a busy office'], duties: ['managing the office budget and suppliers', 'supervising administrative staff', 'coordinating facilities and health and safety'] },
    ],
  },
  {
    key: 'cleaning', sic: 'N', weight: 6, remoteShare: 0, partTimeShare: 0.75,
    employerSuffixes: ['Cleaning Services', 'Facilities', 'Hygiene Ltd'],
    about: ['We provide commercial cleaning to offices, schools and healthcare sites.'],
    roles: [
      { title: 'Cleaner', pay: hour(11.44, 12), needs: ['reliability and attention to detail', 'a basic DBS check for school sites'], duties: ['cleaning offices, washrooms and kitchens', 'emptying bins and recycling', 'using cleaning chemicals safely (COSHH)'] },
      { title: 'Cleaning Supervisor', pay: hour(12.5, 13.5), needs: ['previous cleaning supervision experience', 'a full UK driving licence'], duties: ['leading a team of cleaners across several sites', 'carrying out quality audits', 'ordering supplies'] },
    ],
  },
  {
    key: 'security', sic: 'N', weight: 5, remoteShare: 0, partTimeShare: 0.15,
    employerSuffixes: ['Security', 'Guarding Services', 'Protection Ltd'],
    about: ['We provide manned guarding, key holding and event security across the UK.'],
    roles: [
      { title: 'Security Officer', pay: hour(11.44, 13), needs: ['a valid SIA Door Supervisor or Security Guard licence', 'a 5-year checkable work history'], duties: ['patrolling the site and monitoring CCTV', 'controlling access and signing visitors in', 'writing incident reports'] },
      { title: 'Door Supervisor', pay: hour(12.5, 15), needs: ['a valid SIA Door Supervisor licence', 'Emergency First Aid at Work'], duties: ['managing entry to licensed premises', 'keeping customers safe', 'working closely with bar staff and police'] },
    ],
  },
  {
    key: 'education', sic: 'P', weight: 5, remoteShare: 0, partTimeShare: 0.6,
    employerSuffixes: ['Academy Trust', 'Learning Trust', 'Nurseries'],
    about: ['We are a multi-academy trust of primary schools committed to helping every child thrive.'],
    roles: [
      { title: 'Teaching Assistant', pay: hour(11.44, 13), needs: ['an enhanced DBS check with barred list check', 'GCSE English and Maths at grade 4/C or above'], duties: ['supporting pupils in class and in small groups', 'helping children with special educational needs', 'preparing learning resources'] },
      { title: 'Nursery Practitioner', pay: hour(11.44, 12.4), needs: ['Level 3 in Early Years', 'Paediatric First Aid', 'an enhanced DBS check'], duties: ['planning activities that follow the EYFS', 'being a key person for a group of children', 'keeping families informed of progress'] },
      { title: 'Midday Supervisor', pay: hour(11.44, 11.8), needs: ['an enhanced DBS check'], duties: ['supervising children at lunchtime', 'encouraging positive play', 'helping with first aid'] },
    ],
  },
  {
    key: 'it', sic: 'J', weight: 4, remoteShare: 0.5, partTimeShare: 0.05,
    employerSuffixes: ['Systems', 'Digital', 'Technology', 'IT Services'],
    about: ['We are a managed IT services provider looking after schools, charities and small businesses.'],
    roles: [
      { title: 'IT Support Technician', soc: '3132', pay: year(23000, 28000), needs: ['CompTIA A+ or similar (desirable)', 'a full UK driving licence'], duties: ['first and second line support by phone and on site', 'setting up laptops and user accounts in Microsoft 365', 'logging tickets in our service desk system'] },
      { title: 'Service Desk Analyst', soc: '3132', pay: year(24000, 29000), needs: ['knowledge of Active Directory and Windows 11', 'ITIL Foundation (desirable)'], duties: ['resolving incidents and service requests', 'password resets and account management', 'escalating to second line with clear notes'] },
      { title: 'Junior Developer', pay: year(27000, 32000), needs: ['some experience with JavaScript or Python'], duties: ['building features with a senior developer', 'writing tests', 'taking part in code reviews'] },
    ],
  },
  {
    key: 'green', sic: 'D', weight: 3, remoteShare: 0, partTimeShare: 0.02,
    employerSuffixes: ['Renewables', 'Energy', 'Retrofit', 'Solar'],
    about: ['We design and install solar PV, battery storage and heat pumps for homes and businesses.', 'We retrofit social housing to make homes warmer and cut carbon.'],
    roles: [
      { title: 'Solar PV Installer', pay: year(28000, 35000), needs: ['a full UK driving licence', 'experience working at height (IPAF/PASMA desirable)'], duties: ['installing solar panels and mounting systems on roofs', 'fitting inverters and batteries', 'commissioning systems and explaining them to customers'] },
      { title: 'Heat Pump Engineer', pay: year(34000, 42000), needs: ['F-Gas certification', 'a full UK driving licence'], duties: ['installing air source heat pumps', 'servicing and fault finding', 'advising customers on efficient use'] },
      { title: 'Retrofit Assessor', pay: year(27000, 32000), needs: ['Level 3 Retrofit Assessor qualification or willingness to train'], duties: ['carrying out whole-house assessments', 'producing EPCs and condition reports', 'visiting occupied homes across the region'] },
      { title: 'Recycling Operative', pay: hour(11.44, 12.3), needs: ['a good level of fitness'], duties: ['sorting materials on a picking line', 'keeping the yard clean and safe', 'operating balers after training'] },
    ],
  },
];

export const BENEFITS = [
  '28 days holiday including bank holidays, rising with service',
  'a company pension with employer contributions',
  'free on-site parking',
  'paid training and support to gain further qualifications',
  'an employee assistance programme offering free, confidential support',
  'a cycle to work scheme',
  'weekly pay',
  'overtime paid at time and a half',
  'free uniform and PPE',
  'staff discount across our stores',
  'a refer-a-friend bonus of £250',
  'free meals on shift',
  'life assurance at two times salary',
  'mileage paid at 45p per mile',
  'a Blue Light Card discount scheme',
  'wellbeing days and health cash plan',
];

export const SHIFTS = [
  'Monday to Friday, 8am to 5pm',
  'a 4 on 4 off rota of 12-hour shifts',
  'early shifts 6am to 2pm and late shifts 2pm to 10pm, rotating weekly',
  'permanent nights, 10pm to 6am, Sunday to Thursday',
  'days and weekends on a rota, with every other weekend off',
  'flexible hours to fit around school drop-off and pick-up',
  'term time only, 8.30am to 3.30pm',
  'a 37.5-hour week with a flexible start time',
];

export const GENERIC_PARAGRAPHS = [
  'You do not need previous experience for this role: full training is given and you will work alongside an experienced colleague for your first weeks. What matters most to us is your attitude, your reliability and how you treat people.',
  'We are an equal opportunities employer and welcome applications from everyone, including people returning to work, career changers and those with disabilities. We are happy to talk about reasonable adjustments at any stage of the process.',
  'We believe in promoting from within. Many of our supervisors and managers started in entry-level roles and progressed with our support, including funded apprenticeships and professional qualifications.',
  'Our teams are friendly and supportive, and we take health, safety and wellbeing seriously. You will have regular one-to-ones with your line manager and an annual development review.',
  'The site is easy to reach by public transport, with regular buses from the town centre, and there is free parking for staff who drive.',
  'Successful candidates will be asked for two references covering the last three years, and offers are subject to satisfactory pre-employment checks.',
  'We are a Disability Confident employer and guarantee an interview to disabled applicants who meet the essential criteria for the role.',
  'If you are changing career, tell us what you did before and what you learned there: it counts here.',
  'We pay the Real Living Wage as a minimum and review pay every April. Hours are guaranteed and your rota is published at least four weeks in advance.',
  'As part of our commitment to the local community we support volunteering days and partner with local charities, schools and colleges.',
  'Your first week is an induction: you will meet the team, complete mandatory training such as manual handling, fire safety and safeguarding, and shadow a buddy before working on your own.',
  'We value good timekeeping, a can-do attitude and the ability to stay calm when things get busy. Whatever work you have done before, paid or unpaid, you may already have many of the skills we need.',
  'Interviews are informal and can take place in person or by video call. We can often arrange a trial shift so you can see the role for yourself before deciding.',
  'We use a simple app for rotas, holiday requests and payslips, and you can swap shifts with colleagues with your manager\'s agreement.',
  'We are committed to safeguarding and promoting the welfare of the people we work with and expect all staff to share this commitment.',
  'What makes the difference here is our people. We invest in them with recognition awards and team events throughout the year.',
];
