import { stemWord } from '../text.ts';

/**
 * The small closed word lists the mention extractor leans on. Each list is
 * about how adverts are written, not about any one taxonomy: the taxonomy's
 * own labels come in through the dictionary (see extract-mentions.ts).
 */

const stemSet = (words: string): Set<string> => new Set(words.split(/\s+/).filter(Boolean).map(stemWord));
const phraseList = (phrases: string): PhraseIndex =>
  new PhraseIndex(phrases.split('|').map((p) => p.trim()).filter(Boolean).map((p) => p.split(/\s+/).map(stemWord)));

/** Phrases (stem sequences) by their first stem, longest first: a lookup per word instead of a scan of the list. */
export class PhraseIndex {
  private readonly byFirst = new Map<string, string[][]>();

  constructor(readonly phrases: string[][]) {
    for (const p of phrases) {
      const list = this.byFirst.get(p[0]!);
      if (list) list.push(p);
      else this.byFirst.set(p[0]!, [p]);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.length - a.length);
  }

  /** Length of the longest phrase whose stems are `stemAt(i)`, `stemAt(i + 1)`, … (0 when none). */
  longest(stemAt: (k: number) => string | undefined, i: number): number {
    const list = this.byFirst.get(stemAt(i) ?? '');
    if (!list) return 0;
    for (const p of list) {
      let ok = true;
      for (let j = 1; j < p.length && ok; j++) ok = stemAt(i + j) === p[j];
      if (ok) return p.length;
    }
    return 0;
  }

  hasSingle(stem: string): boolean {
    return this.byFirst.get(stem)?.some((p) => p.length === 1) ?? false;
  }
}

/** Praise and degree words that people leave outside a skill span ("excellent communication skills" → "communication"). */
export const EVALUATIVE = stemSet(
  'excellent good strong proven sound solid effective exceptional outstanding great demonstrable demonstrated basic advanced ' +
    'previous relevant some any high very highly extensive thorough fluent working practical hands-on clear keen similar ' +
    'real genuine natural superb first-class exemplary full necessary required essential desirable appropriate',
);

/** Words after a skill that are not part of it ("communication skills", "Welding experience"). */
export const SKILL_TAIL = stemSet('skills skill abilities ability experience knowledge background expertise capabilities capability competencies competence');

/** Head nouns of job titles (singular stems match plurals: "Operatives"). */
export const OCCUPATION_HEADS = stemSet(
  'manager assistant worker engineer developer nurse driver officer operative advisor adviser chef porter supervisor coordinator ' +
    'co-ordinator administrator accountant controller analyst executive representative consultant technician teacher lecturer ' +
    'practitioner clerk receptionist cleaner caretaker designer copywriter editor solicitor secretary paralegal scientist hairdresser ' +
    'therapist electrician plumber groundworker surveyor machinist inspector setter bookkeeper agent mechanic scaffolder conductor ' +
    'planner handler leader director staff senco ceo cfo cto operator merchandiser partie specialist apprentice carer groundsperson ' +
    'fundraiser buyer estimator labourer joiner carpenter welder fitter cook waiter waitress bartender librarian pharmacist ' +
    'physiotherapist midwife doctor surgeon paramedic dentist optician tutor instructor trainer recruiter auditor underwriter broker ' +
    'cashier housekeeper steward concierge courier picker packer attendant guard warden ranger gardener landscaper baker butcher ' +
    'barber stylist beautician tester architect programmer associate intern trainee officer head lead partner counsellor therapist ' +
    'psychologist radiographer sonographer phlebotomist optometrist veterinarian vet coach mentor advocate clinician registrar',
);

/** Words that open a sentence in capitals without being part of a title. */
export const TITLE_STOP = stemSet(
  'the a an our your their this that these those as join we you they it is are be will whether becoming become ' +
    'all any each every new experienced qualified successful ideal talented motivated dedicated exciting passionate',
);

/** Head words of qualifications, licences and certifications (lower-case stems). */
export const QUALIFICATION_HEADS = stemSet(
  'licence license licences card certificate certification qualification degree registration diploma apprenticeship vetting ' +
    'clearance chartership accreditation',
);

/** Qualification names and bodies that stand alone ("NVQ", "QTS", "ACCA qualified"). Matched case-sensitively. */
export const QUALIFICATION_NAMES = new Set(
  ('NVQ HNC HND BTEC GCSE GCSEs A-level A-levels QTS ACCA CIMA CIPD CILEx CIPS PRINCE2 PhD MSc BSc BA MA MBA CSCS ECS CISRS SIA ' +
    'SMSTS SSSTS IOSH NEBOSH ADR ILS ALS BLS PTLLS AAT CPC PCV LGV HGV NMC HCPC GDC DBS CPCS NPORS IPAF PASMA').split(' '),
);

/** Before a qualification head, words that stay outside it ("a valid CSCS card"). */
export const QUALIFICATION_STOP = stemSet('a an the your our their valid current relevant recognised appropriate equivalent similar own any recent');

/** Areas of industry (domains). Multi-word entries as written; matched on stems. */
export const DOMAINS = phraseList(
  'aerospace|automotive|retail|fashion retail|fashion|hospitality|care|domiciliary care|social care|healthcare|health care|' +
    'mental health|cardiology|respiratory|oncology|paediatrics|fintech|financial services|banking|retail banking|commercial lending|' +
    'wealth management|insurance|property|real estate|rail|oil and gas|civil engineering|construction|residential construction|' +
    'engineering|manufacturing|food manufacturing|logistics|third party logistics|telecommunications|telecoms|education|' +
    'primary education|secondary education|higher education|further education|human resources|security|contact centre|' +
    'biotechnology|pharmaceutical|pharmaceuticals|medical devices|homelessness|arable|beauty|family law|employment law|' +
    'renewable energy|energy|utilities|nuclear|defence|FMCG|e-commerce|ecommerce|travel|tourism|leisure|housing|recruitment|' +
    'accountancy|agriculture|transport|media|publishing|charity|public sector|local government|software|technology|IT|legal|' +
    'marine|maritime|mining|chemicals|food and drink|life sciences|veterinary|dental|pharmacy|childcare|early years',
);

/** Words near a domain that say "area of industry" (in the X sector, a leading X provider, a background in X). */
export const DOMAIN_AFTER = stemSet(
  'sector industry industries environment role setting company companies business businesses charity services provider providers ' +
    'broker firm organisation organization market field crops background client clients brand',
);
export const DOMAIN_BEFORE = stemSet('in of for leader leading specialises specializes specialist growing national fast-growing grows provides background within across');

/** Soft and transversal skills that adverts name without an exact taxonomy label, with their usual phrasings. */
export const SOFT_SKILLS = phraseList(
  'communication|communications|interpersonal|team working|teamwork|team work|team player|time management|problem solving|' +
    'problem-solving|decision making|decision-making|attention to detail|eye for detail|customer service|customer focus|leadership|' +
    'organisational|organizational|organisation|numeracy|numerical|literacy|negotiation|presentation|listening|empathy|honesty|' +
    'integrity|respect|resilience|initiative|work ethic|positive attitude|can-do attitude|can do attitude|willingness to learn|' +
    'stamina|physical fitness|manual dexterity|accuracy|consultation|analytical|IT|stakeholder management|budget management|' +
    'multitasking|multi-tasking|prioritisation|planning|creativity|flexibility|reliability|punctuality|adaptability|motivation|' +
    'self-motivation|enthusiasm|commercial awareness|people management|relationship building|rapport|influencing|coaching|' +
    'mentoring|report writing|data analysis|written communication|verbal communication|organisation skills|typing|' +
    'conflict resolution|conflict management|patience|compassion|common sense|discretion|diplomacy|local knowledge|' +
    'computer literacy|digital literacy|research|innovation|critical thinking|emotional intelligence|professionalism',
);

/** Attributes said of a person ("you should be patient", "a self-motivated Team Leader"). Stems of single words or phrases. */
export const ATTRIBUTES = phraseList(
  'patient|compassionate|reliable|punctual|flexible|proactive|self-motivated|self motivated|motivated|highly motivated|enthusiastic|' +
    'creative|organised|organized|well organised|well organized|trustworthy|hard working|hard-working|hardworking|observant|vigilant|' +
    'resilient|adaptable|target driven|target-driven|friendly|well presented|cheerful|detail oriented|detail-orientated|honest|' +
    'caring|kind|approachable|confident|professional|dependable|conscientious|energetic|positive|calm|empathetic|articulate|' +
    'numerate|literate|driven|ambitious|personable|polite|courteous|diligent|meticulous|methodical|tactful|discreet|open to change|' +
    'keen to learn|eager to learn|willing to learn|able to work independently|committed|dedicated|passionate|supportive|' +
    'customer focused|customer-focused|results driven|results-driven|solution focused|innovative|independent',
);

/** Verbs that head no skill when they follow "will" or "to" ("you will need", "to join"). */
export const NON_SKILL_VERBS = stemSet(
  'be have need require join become receive get enjoy earn gain benefit love want like apply offer provide include ' +
    'involve ensure make take give find see know feel thrive hold help also start work-life',
);

/**
 * Duty verbs the tagger sometimes reads as nouns ("mentor student nurses and
 * support junior colleagues", "prepare and cook dishes"): after a modal, "to"
 * or a conjunction they start a verb phrase.
 */
export const DUTY_VERBS = stemSet(
  'support answer manage maintain provide deliver review report monitor plan use operate process prepare develop lead assist attend ' +
    'produce promote record respond organise arrange check train write carry build create handle liaise help conduct escalate coach ' +
    'deal resolve set install test lay read follow clean cook wash pack label load unload cut style serve greet take run keep ' +
    'triage upsell mentor supervise coordinate schedule draft design edit present negotiate sell advise assess inspect repair ' +
    'service patrol mow erect dismantle open lock chase post input order count store sort pick drive teach care welcome book',
);

/** Verbs whose object is a general application, left outside the skill ("clean offices" → "clean"). */
export const GENERAL_OBJECT_VERBS = stemSet('clean');

/** Cues after which the next phrase is a skill. `understanding` keeps the cue inside the span (the schema's example). */
export const SKILL_CUES_OUTSIDE = phraseList(
  'experience of|experience in|experience with|experience using|experience working|knowledge of|proficient in|proficiency in|' +
    'skilled in|expertise in|trained in|competent in|familiar with|familiarity with|background in|responsible for|include|includes|' +
    'including|involves|involve|involving|ability to|able to|committed to|comfortable|confident|capable of|especially|particularly',
);
/** Languages are skills ("Fluent German"), unless part of a title ("German Technical Support Representative"). */
export const LANGUAGES = stemSet(
  'English French German Spanish Italian Portuguese Dutch Polish Romanian Welsh Gaelic Irish Arabic Urdu Punjabi Hindi Bengali ' +
    'Gujarati Mandarin Cantonese Chinese Japanese Korean Russian Turkish Greek Swedish Norwegian Danish Finnish BSL',
);

/** Heads of attribute phrases kept whole ("a calm manner", "a can-do attitude"). */
export const ATTRIBUTE_HEADS = stemSet('manner nature personality attitude approach outlook ethic');

export const SKILL_CUES_INSIDE = phraseList('understanding of|awareness of|passion for|commitment to');
