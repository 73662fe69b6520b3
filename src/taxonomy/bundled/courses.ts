import { toSkillIds } from './define.ts';
import type { BridgingCourse } from './types.ts';

/**
 * Short courses, licences and qualifications that UK employability
 * programmes commonly use to bridge a skill gap. Editable: operators may
 * adjust costs and durations to their area.
 *
 * Durations and costs are typical, rounded figures for ranking and for a
 * coach's first conversation, not quotes: prices vary by provider and region,
 * and funding (Skills Bootcamps, the adult skills fund, Free Courses for Jobs,
 * sector-based work academies, employer or Jobcentre support) often brings
 * the learner's cost to 0. `typicalCostGbp` is 0 where the route is commonly
 * funded for an unemployed adult. Provider is a type of provider, never a
 * named company.
 */
interface CourseRow {
  id: string;
  title: string;
  duration: string;
  days: number;
  cost: number | null;
  provider: string;
  /** Skill slugs, space-separated. */
  skills: string;
  notes: string;
}

const ATC = 'Accredited training centre';
const COLLEGE = 'Further education college or adult learning service';
const BOOTCAMP = 'Skills Bootcamp provider';
const ONLINE = 'Online learning provider';
const ITP = 'Independent training provider';
const EMPLOYER = 'Employer (induction or apprenticeship)';
const SCHOOL = 'Driving or rider training school';

const ROWS: readonly CourseRow[] = [
  // Logistics and driving
  { id: 'hgv-cat-c', title: 'HGV Category C (rigid) licence with initial Driver CPC', duration: '2–6 weeks including medical, theory and practical tests', days: 20, cost: 3000, provider: SCHOOL, skills: 'licence-c driver-cpc tachograph-rules vehicle-checks load-securing', notes: 'Needs a car licence and a D4 medical. Often funded through HGV Skills Bootcamps; some hauliers pay for training against a work commitment.' },
  { id: 'hgv-cat-ce', title: 'HGV Category C+E (articulated) licence', duration: '1–3 weeks after Category C', days: 10, cost: 2500, provider: SCHOOL, skills: 'licence-ce driver-cpc trunking-night-driving load-securing', notes: 'Usually taken after Category C (direct-to-C+E routes exist). Skills Bootcamps commonly fund it.' },
  { id: 'cat-c1', title: 'Category C1 (7.5 tonne) licence', duration: '1–2 weeks', days: 7, cost: 1500, provider: SCHOOL, skills: 'licence-c1 vehicle-checks', notes: 'Suits van drivers moving to larger delivery vehicles; add Driver CPC to drive for a living.' },
  { id: 'pcv-cat-d', title: 'Bus and coach Category D licence with Driver CPC', duration: '3–6 weeks', days: 25, cost: 0, provider: EMPLOYER, skills: 'licence-d driver-cpc bus-driving passenger-assistance vehicle-checks', notes: 'Bus operators commonly train recruits in-house and pay during training; private courses cost around £3,000.' },
  { id: 'minibus-d1', title: 'Minibus Category D1 licence or MiDAS minibus assessment', duration: '1–5 days', days: 4, cost: 1200, provider: SCHOOL, skills: 'licence-d1 passenger-assistance', notes: 'MiDAS (about a day) suits community and school transport; the D1 licence itself takes longer.' },
  { id: 'car-licence', title: 'Car driving lessons and test (Category B)', duration: '2–6 months of lessons', days: 60, cost: 1800, provider: SCHOOL, skills: 'licence-b safe-driving', notes: 'Opens van driving, home care and many rural jobs. Some employability programmes part-fund lessons.' },
  { id: 'adr', title: 'ADR dangerous goods driver training (packages and tanks)', duration: '3–5 days plus exams', days: 5, cost: 600, provider: ATC, skills: 'adr', notes: 'Raises HGV pay; renewed every five years.' },
  { id: 'lorry-loader', title: 'Lorry loader (HIAB) operator course', duration: '2–4 days', days: 3, cost: 800, provider: ATC, skills: 'hiab-licence load-securing slinger-signaller', notes: 'Builders merchants and plant hire often require it for delivery drivers.' },
  { id: 'taxi-licence', title: 'Taxi or private hire driver licence application', duration: '4–12 weeks (council process)', days: 30, cost: 400, provider: 'Local licensing authority and approved trainers', skills: 'taxi-licence taxi-driving route-planning', notes: 'Council fees, medical, enhanced DBS, and a knowledge or safeguarding test; needs a full car licence held for some years.' },
  { id: 'transport-manager-cpc', title: 'Transport Manager CPC', duration: '2–4 weeks part-time plus exams', days: 10, cost: 1800, provider: ATC, skills: 'transport-manager-cpc fleet-management tachograph-rules', notes: 'Route from driver or traffic office into transport management.' },
  // Forklifts and warehousing
  { id: 'forklift-counterbalance', title: 'Counterbalance forklift novice course', duration: '3–5 days', days: 4, cost: 700, provider: ATC, skills: 'forklift-counterbalance forklift-operation rtitb-accreditation', notes: 'Accredited (RTITB, AITT, ITSSAR or NPORS) certificate; sector-based work academies often include it free.' },
  { id: 'forklift-reach', title: 'Reach truck novice course', duration: '3–5 days', days: 4, cost: 750, provider: ATC, skills: 'forklift-reach forklift-operation rtitb-accreditation', notes: 'Distribution centres ask for reach more than counterbalance.' },
  { id: 'forklift-vna', title: 'VNA, bendi or side-loader conversion', duration: '2–5 days', days: 3, cost: 800, provider: ATC, skills: 'forklift-other forklift-operation', notes: 'Usually a conversion for experienced forklift drivers.' },
  { id: 'powered-pallet-truck', title: 'Powered pallet truck and low-level order picker course', duration: '1 day', days: 1, cost: 200, provider: ATC, skills: 'powered-pallet-truck', notes: 'Often given at induction by agencies and employers.' },
  { id: 'warehousing-l2', title: 'Level 2 Certificate in Warehousing and Storage', duration: '6–10 weeks part-time', days: 15, cost: 0, provider: COLLEGE, skills: 'warehousing-qualification order-picking goods-in despatch stock-control rf-scanning', notes: 'Fundable through the adult skills fund; often paired with a forklift course in a sector-based work academy.' },
  { id: 'telehandler', title: 'Telehandler operator course (CPCS or NPORS)', duration: '3–5 days', days: 4, cost: 900, provider: ATC, skills: 'telehandler cpcs-npors', notes: 'Common on construction sites and farms.' },
  { id: 'slinger-signaller', title: 'Slinger signaller course (CPCS or NPORS)', duration: '2–3 days', days: 3, cost: 700, provider: ATC, skills: 'slinger-signaller cpcs-npors', notes: 'Works with crane and lifting operations.' },
  // Security
  { id: 'sia-door-supervisor', title: 'SIA Door Supervisor licence training (Level 2 award)', duration: '6 days plus licence application', days: 6, cost: 300, provider: ATC, skills: 'sia-door-supervisor de-escalation physical-intervention crowd-management searching emergency-procedures', notes: 'Requires an emergency first aid certificate first. The SIA licence fee (about £190, three years) is on top; often funded by employability programmes.' },
  { id: 'sia-security-officer', title: 'SIA Security Officer licence training (Level 2 award)', duration: '4 days plus licence application', days: 4, cost: 250, provider: ATC, skills: 'sia-security-guard patrolling access-control incident-reporting emergency-procedures', notes: 'Requires an emergency first aid certificate; licence fee on top. The door supervisor licence also covers guarding.' },
  { id: 'sia-cctv', title: 'SIA Public Space Surveillance (CCTV) licence training', duration: '3–4 days', days: 3, cost: 250, provider: ATC, skills: 'sia-cctv cctv-monitoring incident-reporting', notes: 'Route from guarding into control-room work.' },
  // Construction
  { id: 'cscs-green', title: 'Level 1 Health and Safety in a Construction Environment and CSCS green card', duration: '1 day plus the CITB touch-screen test', days: 2, cost: 180, provider: ATC, skills: 'construction-health-safety-l1 cscs-card health-safety-law ppe manual-handling', notes: 'The entry ticket for site labouring; frequently funded by employability programmes.' },
  { id: 'smsts', title: 'Site Management Safety Training Scheme (SMSTS)', duration: '5 days', days: 5, cost: 600, provider: ATC, skills: 'smsts risk-assessment health-safety-law', notes: 'For site managers; refreshed every five years.' },
  { id: 'sssts', title: 'Site Supervisor Safety Training Scheme (SSSTS)', duration: '2 days', days: 2, cost: 350, provider: ATC, skills: 'sssts risk-assessment', notes: 'For supervisors and charge hands.' },
  { id: 'asbestos-awareness', title: 'Asbestos awareness (Category A)', duration: 'Half a day, often online', days: 1, cost: 60, provider: ONLINE, skills: 'asbestos-awareness', notes: 'Expected for trades working in older buildings; annual refresher.' },
  { id: 'confined-spaces', title: 'Confined spaces entry certificate', duration: '1–3 days', days: 2, cost: 350, provider: ATC, skills: 'confined-spaces', notes: 'Water, drainage and utilities work.' },
  { id: 'ipaf', title: 'IPAF MEWP operator course (3a/3b)', duration: '1 day', days: 1, cost: 350, provider: ATC, skills: 'ipaf working-at-height', notes: 'Scissor and boom lifts; card valid five years.' },
  { id: 'pasma', title: 'PASMA towers for users', duration: '1 day', days: 1, cost: 175, provider: ATC, skills: 'pasma working-at-height', notes: 'Mobile access towers; common for decorators, electricians and maintenance staff.' },
  { id: 'cpcs-plant', title: 'Plant operator training and card (CPCS or NPORS): excavator, dumper or roller', duration: '3–10 days per machine', days: 7, cost: 1000, provider: ATC, skills: 'cpcs-npors plant-operation', notes: 'Starts on a red trained-operator card; the competent-operator card needs an NVQ on site.' },
  { id: 'cisrs-part1', title: 'CISRS scaffolder Part 1 course', duration: '10 days', days: 10, cost: 1300, provider: ATC, skills: 'cisrs-card scaffolding working-at-height', notes: 'Needs site experience as a scaffolding labourer first.' },
  { id: 'nrswa', title: 'Street works (NRSWA) operative card', duration: '2–5 days', days: 3, cost: 500, provider: ATC, skills: 'street-works traffic-management', notes: 'For utility and highways operatives.' },
  { id: 'traffic-management', title: 'Temporary traffic management (signs, lights and guarding)', duration: '1–3 days', days: 2, cost: 400, provider: ATC, skills: 'traffic-management', notes: 'Highways and utilities contractors.' },
  { id: 'pts', title: 'Personal Track Safety (PTS) with drugs and alcohol test', duration: '1–2 days', days: 2, cost: 250, provider: ATC, skills: 'personal-track-safety rail-safety', notes: 'Entry to rail track work; medical required.' },
  // Building services and green trades
  { id: 'wiring-regs-18th', title: '18th Edition Wiring Regulations (BS 7671)', duration: '3–5 days', days: 4, cost: 400, provider: ATC, skills: 'wiring-regulations', notes: 'Expected of anyone doing electrical installation work.' },
  { id: 'inspection-testing', title: 'Level 3 Inspection and Testing of Electrical Installations (2391)', duration: '5–10 days', days: 8, cost: 800, provider: ATC, skills: 'electrical-testing', notes: 'For electricians moving into testing and certification.' },
  { id: 'pat-testing', title: 'Portable appliance testing course', duration: '1–2 days', days: 2, cost: 300, provider: ATC, skills: 'pat-testing', notes: 'Common add-on for maintenance and facilities staff.' },
  { id: 'gas-acs', title: 'Gas engineer new-entrant training to ACS assessment and Gas Safe registration', duration: '10–20 weeks including portfolio', days: 80, cost: 7000, provider: ITP, skills: 'gas-safe heating-installation', notes: 'Long and costly; suits plumbers and heating installers. Check the portfolio arrangements before enrolling.' },
  { id: 'unvented-g3', title: 'Unvented hot water systems (G3)', duration: '1 day', days: 1, cost: 200, provider: ATC, skills: 'unvented-hot-water water-regulations', notes: 'Standard add-on for plumbers.' },
  { id: 'f-gas', title: 'F-Gas handling certificate (Category 1)', duration: '3–5 days', days: 4, cost: 700, provider: ATC, skills: 'f-gas refrigeration-aircon', notes: 'Needed to work on refrigeration, air conditioning and heat pumps with refrigerant circuits.' },
  { id: 'solar-pv', title: 'Level 3 Award in the design and installation of solar PV systems', duration: '4–5 days', days: 5, cost: 1500, provider: BOOTCAMP, skills: 'renewables-qualification solar-pv-installation mcs-standards', notes: 'Aimed at electricians; green Skills Bootcamps often fund it.' },
  { id: 'heat-pump', title: 'Level 3 Award in air source heat pump installation', duration: '3–5 days', days: 4, cost: 900, provider: BOOTCAMP, skills: 'renewables-qualification heat-pump-installation mcs-standards', notes: 'For heating engineers and plumbers; often funded through low-carbon heat Skills Bootcamps.' },
  { id: 'ev-charger', title: 'Level 3 Award in electric vehicle charging equipment installation', duration: '2–3 days', days: 3, cost: 800, provider: BOOTCAMP, skills: 'renewables-qualification ev-charger-installation', notes: 'Requires 18th Edition; for qualified electricians.' },
  { id: 'domestic-energy-assessor', title: 'Domestic Energy Assessor and retrofit assessor qualifications', duration: '2–8 weeks part-time', days: 20, cost: 2000, provider: BOOTCAMP, skills: 'dea-qualification energy-assessment retrofit-coordination energy-advice', notes: 'A route into retrofit for surveyors, estate agents, housing officers and tradespeople.' },
  { id: 'insulation-installer', title: 'Level 2 insulation and building treatments (installer)', duration: '2–12 weeks, often on the job', days: 20, cost: 0, provider: EMPLOYER, skills: 'insulation-installation working-at-height', notes: 'Installers on retrofit schemes are commonly trained by their employer.' },
  { id: 'ev-vehicle-repair', title: 'Electric and hybrid vehicle repair and maintenance (Level 2 or 3)', duration: '2–4 days', days: 3, cost: 450, provider: ATC, skills: 'ev-hybrid-repair', notes: 'For vehicle technicians; high-voltage safety.' },
  { id: 'mot-tester', title: 'MOT tester qualification and assessment', duration: '5 days plus assessment', days: 6, cost: 650, provider: ATC, skills: 'mot-testing', notes: 'Needs a Level 3 vehicle qualification and experience.' },
  { id: 'welding-coding', title: 'Welding course with coding test', duration: '1–4 weeks', days: 10, cost: 800, provider: ATC, skills: 'welding-coding welding', notes: 'Coded welders earn more in fabrication and pipework.' },
  { id: 'telecoms-fibre', title: 'Fibre and telecoms installation course', duration: '1–3 weeks', days: 10, cost: 0, provider: BOOTCAMP, skills: 'data-cabling', notes: 'Broadband roll-out employers and Skills Bootcamps run these for new entrants.' },
  // Care and health
  { id: 'care-certificate', title: 'Care Certificate', duration: '12 weeks alongside work (or 2–3 weeks pre-employment)', days: 15, cost: 0, provider: EMPLOYER, skills: 'care-certificate safeguarding-adults person-centred-care infection-control duty-of-care equality-diversity', notes: 'The induction standard for new care and healthcare support workers; sector-based work academies run it before interview.' },
  { id: 'hsc-level-2', title: 'Level 2 Diploma in Care (adult social care)', duration: '9–12 months alongside work', days: 120, cost: 0, provider: EMPLOYER, skills: 'hsc-level-2 care-planning care-records', notes: 'Usually an apprenticeship or employer-funded.' },
  { id: 'hsc-level-3', title: 'Level 3 Diploma in Adult Care', duration: '12–18 months alongside work', days: 180, cost: 0, provider: EMPLOYER, skills: 'hsc-level-3 care-planning medication-administration', notes: 'Route to senior care worker; fundable as an apprenticeship.' },
  { id: 'hsc-level-5', title: 'Level 5 Diploma in Leadership and Management for Adult Care', duration: '12–24 months alongside work', days: 250, cost: 0, provider: EMPLOYER, skills: 'hsc-level-5 people-management care-standards', notes: 'For deputy and registered managers; apprenticeship-funded or about £2,500 privately.' },
  { id: 'medication-awareness', title: 'Safe handling of medicines (Level 2 or 3 award)', duration: '1 day or several weeks online', days: 2, cost: 40, provider: ONLINE, skills: 'medication-training-certificate medication-administration', notes: 'Employers still assess competence in the workplace.' },
  { id: 'moving-handling-people', title: 'Moving and handling people (practical)', duration: 'Half a day to 1 day', days: 1, cost: 60, provider: ITP, skills: 'moving-handling-people manual-handling', notes: 'Practical hoist and transfer training; part of most care inductions.' },
  { id: 'dementia-l2', title: 'Level 2 Certificate in Dementia Care', duration: '8–12 weeks distance learning', days: 10, cost: 0, provider: COLLEGE, skills: 'dementia-care person-centred-care', notes: 'One of the free "Level 2 Certificate in Understanding…" distance courses funded by the adult skills fund.' },
  { id: 'autism-l2', title: 'Level 2 Certificate in Understanding Autism', duration: '8–12 weeks distance learning', days: 10, cost: 0, provider: COLLEGE, skills: 'autism-support positive-behaviour-support', notes: 'Free distance learning for eligible adults.' },
  { id: 'mental-health-l2', title: 'Level 2 Certificate in Mental Health Awareness', duration: '8–12 weeks distance learning', days: 10, cost: 0, provider: COLLEGE, skills: 'mental-health-support', notes: 'Free distance learning for eligible adults; useful for support work and customer roles.' },
  { id: 'mental-health-first-aid', title: 'Mental Health First Aid (2 days)', duration: '2 days', days: 2, cost: 300, provider: ITP, skills: 'mental-health-first-aid mental-health-support', notes: 'Valued by employers in support, HR and supervisory roles.' },
  { id: 'emergency-first-aid', title: 'Emergency First Aid at Work (Level 3 award)', duration: '1 day', days: 1, cost: 100, provider: ATC, skills: 'emergency-first-aid basic-life-support', notes: 'Required before SIA training; asked for across many sectors.' },
  { id: 'first-aid-at-work', title: 'First Aid at Work (Level 3 award)', duration: '3 days', days: 3, cost: 250, provider: ATC, skills: 'first-aid-at-work basic-life-support', notes: 'Makes the holder a workplace first aider; valid three years.' },
  { id: 'paediatric-first-aid', title: 'Paediatric First Aid (12 hours)', duration: '2 days', days: 2, cost: 120, provider: ATC, skills: 'paediatric-first-aid', notes: 'Required for early years staff and childminders.' },
  // Education and childcare
  { id: 'teaching-assistant-l3', title: 'Level 3 Certificate in Supporting Teaching and Learning', duration: '6–12 months part-time', days: 60, cost: 0, provider: COLLEGE, skills: 'teaching-assistant-qualification classroom-support safeguarding-children send-support', notes: 'Free for many adults without a Level 3; needs a school placement.' },
  { id: 'early-years-l3', title: 'Level 3 Early Years Educator', duration: '12–18 months part-time', days: 120, cost: 0, provider: COLLEGE, skills: 'early-years-qualification eyfs child-development child-observations safeguarding-children', notes: 'Often an apprenticeship; counts towards nursery staff ratios.' },
  { id: 'childminder-pre-registration', title: 'Childminder pre-registration training', duration: '2–4 weeks part-time', days: 8, cost: 250, provider: ITP, skills: 'eyfs safeguarding-children paediatric-first-aid', notes: 'Plus Ofsted registration and checks; local authorities sometimes fund start-up.' },
  { id: 'education-training-l3', title: 'Level 3 Award in Education and Training', duration: '5 days or 8 weeks part-time', days: 5, cost: 300, provider: ITP, skills: 'training-delivery-adults training-others', notes: 'Route for experienced workers into training and assessing.' },
  // Hospitality and retail
  { id: 'food-hygiene-l2', title: 'Level 2 Food Safety and Hygiene', duration: 'Half a day to 1 day, often online', days: 1, cost: 20, provider: ONLINE, skills: 'food-hygiene-l2 food-safety allergen-awareness', notes: 'Asked for in catering, care and food retail.' },
  { id: 'food-safety-l3', title: 'Level 3 Supervising Food Safety', duration: '3 days', days: 3, cost: 250, provider: ATC, skills: 'food-hygiene-l3 haccp temperature-checks', notes: 'For chefs and kitchen supervisors.' },
  { id: 'personal-licence', title: 'Award for Personal Licence Holders and personal licence', duration: '1 day plus council application', days: 2, cost: 180, provider: ATC, skills: 'personal-licence responsible-alcohol-service age-restricted-sales', notes: 'Needed to run licensed premises; council fee and basic DBS on top.' },
  { id: 'professional-cookery-l2', title: 'Level 2 Diploma in Professional Cookery', duration: '10 weeks to 1 year', days: 60, cost: 0, provider: COLLEGE, skills: 'professional-cookery-qualification cooking food-preparation knife-skills', notes: 'Hospitality sector-based work academies and commis chef apprenticeships run shorter versions.' },
  { id: 'barista', title: 'Barista skills course', duration: '1–2 days', days: 1, cost: 120, provider: ITP, skills: 'barista', notes: 'Coffee chains train in-house; a course helps independent-café applications.' },
  { id: 'customer-service-l2', title: 'Level 2 Certificate in Customer Service', duration: '6–10 weeks part-time', days: 10, cost: 0, provider: COLLEGE, skills: 'customer-service-qualification customer-service complaints-handling handling-enquiries', notes: 'Fundable through the adult skills fund; common in retail and contact-centre academies.' },
  { id: 'retail-academy', title: 'Retail sector-based work academy', duration: '2–6 weeks', days: 15, cost: 0, provider: 'Jobcentre and employer partnership', skills: 'till-operation cash-handling stock-replenishment customer-service age-restricted-sales', notes: 'Pre-employment training with a guaranteed interview.' },
  // Digital, office and finance
  { id: 'essential-digital-skills', title: 'Essential Digital Skills qualification', duration: '6–12 weeks part-time', days: 10, cost: 0, provider: COLLEGE, skills: 'essential-digital-skills computer-literacy video-calling microsoft-outlook', notes: 'A statutory free entitlement for adults with low digital skills.' },
  { id: 'functional-skills-maths', title: 'Functional Skills maths (Level 1 or 2)', duration: '10–30 weeks part-time', days: 20, cost: 0, provider: COLLEGE, skills: 'functional-skills-maths numeracy', notes: 'Free for adults without a Level 2 maths.' },
  { id: 'functional-skills-english', title: 'Functional Skills English (Level 1 or 2)', duration: '10–30 weeks part-time', days: 20, cost: 0, provider: COLLEGE, skills: 'functional-skills-english literacy written-communication', notes: 'Free for adults without a Level 2 English.' },
  { id: 'esol', title: 'ESOL (English for Speakers of Other Languages)', duration: '10–30 weeks part-time per level', days: 30, cost: 0, provider: COLLEGE, skills: 'english-esol', notes: 'Free for many learners who are unemployed or on low wages.' },
  { id: 'excel-intermediate', title: 'Microsoft Excel, beginner to intermediate', duration: '2–3 days or online self-paced', days: 3, cost: 150, provider: ONLINE, skills: 'microsoft-excel excel-advanced microsoft-office', notes: 'Quick bridge into administration and data-entry roles.' },
  { id: 'it-support-bootcamp', title: 'IT support Skills Bootcamp (CompTIA A+ level)', duration: '12–16 weeks part-time', days: 40, cost: 0, provider: BOOTCAMP, skills: 'comptia-a-plus it-troubleshooting hardware-support windows-support networking-basics service-desk', notes: 'Leads to first-line support roles; guaranteed interview with some bootcamps.' },
  { id: 'software-bootcamp', title: 'Software development Skills Bootcamp', duration: '12–16 weeks', days: 60, cost: 0, provider: BOOTCAMP, skills: 'programming javascript html-css version-control', notes: 'Intensive; suits people already confident with computers.' },
  { id: 'data-bootcamp', title: 'Data analysis Skills Bootcamp', duration: '12–16 weeks part-time', days: 40, cost: 0, provider: BOOTCAMP, skills: 'data-analysis sql reporting-dashboards excel-advanced', notes: 'Good bridge from administration and finance roles.' },
  { id: 'cyber-bootcamp', title: 'Cyber security Skills Bootcamp', duration: '12–16 weeks', days: 50, cost: 0, provider: BOOTCAMP, skills: 'cyber-security cyber-security-awareness networking-basics', notes: 'Best after some IT support experience.' },
  { id: 'aat-l2', title: 'AAT Level 2 Certificate in Bookkeeping or Accounting', duration: '3–9 months part-time', days: 40, cost: 1100, provider: COLLEGE, skills: 'aat-qualification bookkeeping purchase-ledger sales-ledger accounting-software', notes: 'Some AAT Level 3 routes are free under Free Courses for Jobs.' },
  { id: 'cipd-l3', title: 'CIPD Level 3 Foundation Certificate in People Practice', duration: '6–9 months part-time', days: 40, cost: 1700, provider: ITP, skills: 'cipd-qualification hr-administration employment-law', notes: 'Route from administration into HR.' },
  { id: 'team-leading-l2', title: 'Level 2 Award in Team Leading', duration: '6–10 weeks part-time', days: 8, cost: 0, provider: COLLEGE, skills: 'team-leadership staff-supervision performance-management', notes: 'Step up to supervisor; often funded.' },
  // Cleaning, facilities, safety
  { id: 'cleaning-bicsc', title: 'Cleaning proficiency certificate (BICSc) or Level 2 Cleaning Principles', duration: '1–3 days', days: 2, cost: 150, provider: ATC, skills: 'cleaning-qualification cleaning-chemicals floor-care coshh', notes: 'Contract cleaning and healthcare cleaning employers value it.' },
  { id: 'health-safety-l2', title: 'Level 2 Award in Health and Safety in the Workplace', duration: '1 day or distance learning', days: 1, cost: 0, provider: COLLEGE, skills: 'health-safety-law risk-assessment coshh fire-safety', notes: 'Widely funded; useful across manufacturing, warehousing and facilities.' },
  { id: 'manual-handling', title: 'Manual handling training', duration: 'Half a day', days: 1, cost: 40, provider: ITP, skills: 'manual-handling', notes: 'Usually given at induction.' },
  { id: 'fire-marshal', title: 'Fire marshal (fire warden) training', duration: 'Half a day', days: 1, cost: 80, provider: ITP, skills: 'fire-safety emergency-procedures', notes: 'Adds to security, facilities and reception roles.' },
  { id: 'legionella-awareness', title: 'Legionella and water hygiene awareness', duration: 'Half a day to 1 day', days: 1, cost: 80, provider: ITP, skills: 'water-hygiene', notes: 'For caretakers, facilities and maintenance staff.' },
  { id: 'pest-control-l2', title: 'Level 2 Award in Pest Management', duration: '5 days', days: 5, cost: 400, provider: ATC, skills: 'pest-control', notes: 'Industry-recognised entry qualification for pest technicians.' },
  // Personal services, land
  { id: 'hair-beauty-l2', title: 'Level 2 Diploma in Hairdressing or Beauty Therapy', duration: '1 year part-time', days: 120, cost: 0, provider: COLLEGE, skills: 'hair-beauty-qualification', notes: 'Free for many adults; apprenticeships also common.' },
  { id: 'gym-instructor-l2', title: 'Level 2 Certificate in Gym Instructing (and Level 3 Personal Training)', duration: '2–12 weeks', days: 15, cost: 700, provider: ITP, skills: 'fitness-qualification fitness-instruction personal-training', notes: 'Level 3 personal training adds about £1,000 more.' },
  { id: 'nplq', title: 'National Pool Lifeguard Qualification', duration: '4–5 days', days: 5, cost: 300, provider: 'Leisure operator or training centre', skills: 'lifeguarding basic-life-support', notes: 'Leisure operators often train staff free in return for work.' },
  { id: 'pesticide-pa1-pa6', title: 'Safe use of pesticides (PA1 and PA6)', duration: '2–3 days', days: 3, cost: 450, provider: ATC, skills: 'pesticide-application', notes: 'For grounds maintenance, agriculture and amenity horticulture.' },
  { id: 'chainsaw', title: 'Chainsaw maintenance, cross-cutting and felling (CS30/CS31)', duration: '4–5 days', days: 5, cost: 750, provider: ATC, skills: 'chainsaw-certificate arboriculture', notes: 'Tree work, forestry and grounds maintenance.' },
];

export const BRIDGING_COURSES: readonly BridgingCourse[] = ROWS.map((r) => ({
  id: r.id,
  title: r.title,
  skills: toSkillIds(r.skills),
  duration: r.duration,
  durationDays: r.days,
  typicalCostGbp: r.cost,
  provider: r.provider,
  notes: r.notes,
}));
