/**
 * Words in an employer name, title or advert that point to a SIC 2007
 * section. Written by the project; deliberately short and UK-flavoured.
 * Phrases are matched as whole stemmed words (src/taxonomy/text.ts).
 */
export const SECTOR_KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  A: ['farm', 'farming', 'agriculture', 'agricultural', 'horticulture', 'forestry', 'fishery', 'dairy farm', 'livestock', 'arable', 'nursery growers', 'estate gardens'],
  B: ['mining', 'quarry', 'quarrying', 'oil and gas', 'offshore drilling', 'colliery', 'minerals', 'critical minerals', 'mine', 'copper mine', 'mining company', 'minerals company', 'ore', 'ore body', 'heap leaching', 'mineral processing'],
  C: ['manufacturing', 'manufacturer', 'factory', 'production line', 'food production', 'fabrication', 'assembly line', 'foundry', 'bakery production', 'packing plant', 'brewery', 'print works', 'pharmaceutical manufacturing', 'automotive manufacturing', 'aerospace', 'refinery', 'shop floor', 'satellites', 'spacecraft', 'rockets', 'autonomous factories', 'wines', 'winery', 'wine company', 'sawmill'],
  D: ['energy supplier', 'power station', 'electricity generation', 'national grid', 'renewable energy', 'wind farm', 'solar farm', 'gas distribution', 'energy company', 'power networks', 'electricity network', 'electricity networks', 'electricity distribution', 'power company', 'retail electricity'],
  E: ['water company', 'waste management', 'recycling', 'sewerage', 'refuse collection', 'waste collection', 'water treatment', 'environmental services'],
  F: ['construction', 'building site', 'civil engineering', 'housebuilder', 'housebuilding', 'contractor', 'groundworks', 'scaffolding', 'roofing', 'plumbing and heating', 'electrical contractor', 'building services', 'demolition', 'lifts and escalators', 'lift', 'lifts', 'escalator', 'escalators', 'build a home', 'homebuilding'],
  G: ['retail', 'retailer', 'shop', 'store', 'supermarket', 'wholesale', 'wholesaler', 'garage', 'car dealership', 'dealership', 'convenience store', 'department store', 'garden centre', 'ecommerce', 'e-commerce', 'pharmacy retail'],
  H: ['logistics', 'warehouse', 'warehousing', 'distribution centre', 'haulage', 'courier', 'parcel', 'delivery company', 'freight', 'transport company', 'bus company', 'railway', 'rail operator', 'airport', 'airline', 'port', 'royal mail', 'postal', 'fulfilment centre', 'supply chain', 'goods move', 'bus operator', 'bus driver', 'air cargo'],
  I: ['hotel', 'restaurant', 'pub', 'bar', 'cafe', 'coffee shop', 'catering', 'caterer', 'hospitality', 'takeaway', 'fast food', 'holiday park', 'guest house', 'bed and breakfast', 'kitchen brigade', 'restaurants', 'restaurant group', 'noodle bar', 'sushi'],
  J: ['software', 'software house', 'telecoms', 'telecommunications', 'broadband', 'it services', 'digital agency', 'publisher', 'publishing', 'broadcaster', 'broadcasting', 'media company', 'saas', 'tech company', 'web development', 'data centre', 'platform', 'ai platform', 'software platform', 'software company', 'cybersecurity', 'cyber security', 'artificial intelligence', 'ai', 'language ai', 'audio ai', 'machine learning', 'generative ai', 'developer platform', 'open source', 'cloud', 'api', 'data platform', 'apps', 'mobile app', 'online platform', 'marketplace'],
  K: ['bank', 'banking', 'building society', 'insurance', 'insurer', 'financial services', 'investment', 'asset management', 'wealth management', 'pension provider', 'mortgage', 'lender', 'credit union', 'fintech', 'payments', 'payment infrastructure', 'payments platform', 'payment platform', 'lending platform', 'investment platform', 'loans', 'lending', 'open banking', 'credit', 'digital asset', 'digital assets', 'crypto', 'cryptocurrency', 'defi', 'investing platform', 'investing app', 'retail investing', 'capital provider', 'merchant of record', 'trading firm', 'market maker', 'insurtech'],
  L: ['estate agent', 'estate agency', 'lettings agency', 'lettings agent', 'sales and lettings', 'residential lettings', 'letting agent', 'property management', 'housing association', 'real estate', 'block management'],
  M: ['accountancy', 'accountants', 'law firm', 'solicitors', 'legal practice', 'consultancy', 'consulting firm', 'consulting company', 'consulting services', 'consulting group', 'management consulting', 'architects', 'architecture practice', 'engineering consultancy', 'research institute', 'laboratory', 'veterinary', 'vets', 'marketing agency', 'advertising agency', 'surveyors', 'legal help', 'legal services', 'influencers', 'talent management', 'bioscience', 'research centre', 'life sciences research', 'scientific research', 'institute', 'catapult'],
  N: ['recruitment agency', 'cleaning services', 'cleaning company', 'contract cleaning', 'security services', 'security company', 'facilities management', 'call centre', 'contact centre', 'outsourcing', 'car hire', 'vehicle rental', 'travel agency', 'tour operator', 'pest control', 'staffing agency', 'staffing company', 'staffing platform', 'staffing solutions', 'staffing services', 'travel booking', 'travel app', 'online travel', 'travel company', 'travel agent', 'travel inventory', 'travel marketplace', 'campervan', 'campervans', 'motorhome rental', 'staffing marketplace', 'landscaping services', 'landscaping company', 'landscape gardening', 'grounds maintenance'],
  O: ['council', 'borough council', 'county council', 'city council', 'local authority', 'government', 'civil service', 'ministry of defence', 'hmrc', 'department for work and pensions', 'dwp', 'police', 'fire and rescue', 'prison service', 'hm prison', 'armed forces', 'home office', 'public sector'],
  P: ['school', 'primary school', 'secondary school', 'academy', 'academy trust', 'college', 'sixth form', 'university', 'nursery school', 'pre-school', 'training provider', 'education', 'teaching', 'pupil', 'pupils', 'students', 'upskilling', 'apprenticeships', 'apprenticeship provider', 'lecturer', 'teacher', 'teachers', 'edtech', 'upskilling platform', 'learning platform', 'training platform', 'education platform', 'e-learning', 'online learning', 'online courses'],
  Q: ['nhs', 'nhs trust', 'nhs foundation trust', 'hospital', 'care home', 'nursing home', 'residential care', 'domiciliary care', 'home care', 'care provider', 'healthcare', 'health care', 'clinic', 'gp surgery', 'medical practice', 'dental practice', 'hospice', 'social care', 'supported living', 'mental health', 'patients', 'patient', 'service users', 'ward', 'social services', 'children\'s services', 'charity care', 'social worker', 'social work', 'care at home', 'support worker', 'health board'],
  R: ['leisure centre', 'gym', 'fitness centre', 'theatre', 'museum', 'gallery', 'library', 'sports club', 'football club', 'casino', 'betting', 'bookmaker', 'theme park', 'zoo', 'cinema', 'arts centre', 'golf club', 'swimming pool', 'gym chain', 'gym operator', 'library service', 'public library', 'public libraries'],
  S: ['hair salon', 'salon', 'barber', 'beauty salon', 'spa', 'dry cleaning', 'laundrette', 'funeral director', 'funeral services', 'trade union', 'membership organisation', 'church', 'religious organisation', 'repair shop', 'phone repair', 'computer repair', 'charity', 'charitable', 'professional body', 'institution of', 'chartered institute', 'the royal society', 'learned society', 'confederation', 'membership body', 'conservation charity', 'wildlife', 'fundraising', 'humanitarian', 'foundation'],
  T: ['private household', 'family home', 'nanny', 'au pair', 'housekeeper for a family', 'personal assistant to a family'],
  U: ['embassy', 'united nations', 'high commission', 'international organisation', 'nato'],
};

/**
 * Keywords that say what the job is about when in a title ("Software Engineer", "Cloud Architect",
 * "AI Lead"), and who the employer is only in the employer's name or the advert: a bank's software
 * engineer works in finance.
 */
export const NOT_IN_TITLES: ReadonlySet<string> = new Set([
  'software', 'platform', 'ai platform', 'software platform', 'cybersecurity', 'cyber security', 'artificial intelligence', 'ai', 'language ai', 'audio ai',
  'machine learning', 'generative ai', 'developer platform', 'open source', 'cloud', 'api', 'data platform', 'apps', 'mobile app', 'online platform',
  'web development', 'saas', 'payments', 'credit', 'crypto', 'trading firm', 'fundraising', 'marketplace', 'recycling',
  // The customers a seller or account manager serves ("Account Executive - Public Sector").
  'public sector', 'government',
  // A staff bank's posts ("Chef - Bank", "Bank Healthcare Assistant"): a bank's own jobs say so in the advert.
  'bank',
]);

/**
 * Keywords that name the employer's kind only in its name ("British Heart Foundation"); in an advert's
 * words they mean other things ("a foundation degree", "a strong foundation in maths").
 */
export const ONLY_IN_EMPLOYER_NAMES: ReadonlySet<string> = new Set([
  'foundation',
  // "Earlham Institute" is a research institute; "the Institute of Leadership" in an advert is a course's awarding body.
  'institute',
  // The UK's Catapult centres (research and technology organisations); "catapult your career" is not one.
  'catapult',
  // The government department; in adverts, mostly a remote worker's "home office set-up".
  'home office',
]);

/**
 * Keywords that name the thing the job is done to only in a title or employer name ("Lift Engineer",
 * "Central Library"): in an advert's words they are mostly everyday verbs and nouns ("able to lift 20kg",
 * "lift people up", "open-source libraries", "a wellness stipend for the gym").
 */
export const NOT_IN_DESCRIPTIONS: ReadonlySet<string> = new Set(['lift', 'lifts', 'library', 'gym']);

/**
 * Phrases that hold a sector keyword but say nothing about the employer's industry: staff benefits
 * ("bank holidays", "private medical insurance", "gym membership"), idioms ("competitive landscape",
 * "the bar exam"). Matched like keywords (longest phrase first), they shadow the keyword inside them.
 */
export const NOT_SECTOR_PHRASES: readonly string[] = [
  'bank holiday', 'bank holidays', 'bank details', 'bank account',
  // A staff bank: the pool of as-needed workers of a hospital or care provider ("Bank Support Worker").
  'bank staff', 'bank worker', 'bank workers', 'bank shifts', 'bank shift', 'bank contract', 'bank basis', 'bank role', 'bank position', 'bank post', 'bank only', 'staff bank', 'our bank', 'bank team', 'bank colleagues',
  'health insurance', 'medical insurance', 'dental insurance', 'life insurance', 'life assurance', 'vision insurance', 'travel insurance', 'income protection insurance',
  'gym membership', 'gym memberships', 'gym discount', 'gym discounts', 'gym allowance', 'gym access',
  'charity day', 'charity days', 'volunteering days',
  // Idioms and everyday phrases.
  'competitive landscape', 'bar exam', 'bar exams', 'raise the bar', 'high bar', 'the bar is high', 'progress bar', 'search bar', 'navigation bar', 'menu bar',
  'cater to', 'cater for', 'lend a hand', 'under one roof', 'one stop shop', 'in store for',
  'fundraising round', 'funding round',
  // Software words ("a key-value store", "pub/sub", "data mining").
  'data store', 'data stores', 'app store', 'object store', 'feature store', 'vector store', 'pub sub', 'data mining', 'text mining',
];

/**
 * Keywords that say how a business reaches its customers more than what it does: every kind of company
 * now calls itself a platform with an app, running on the cloud ("an online platform for legal help",
 * "the upskilling platform for AI"). "AI" stays strong: the labelled AI companies mostly sell software. Their votes count this much of a keyword's.
 * "Public sector" says who owns an employer, and SIC classifies by activity, not ownership.
 */
export const WEAK_KEYWORDS: ReadonlyMap<string, number> = new Map([
  ['platform', 0.5],
  ['online platform', 0.5],
  ['apps', 0.5],
  ['mobile app', 0.5],
  ['cloud', 0.5],
  ['api', 0.5],
  ['marketplace', 0.5],
  ['data platform', 0.5],
  ['public sector', 0.5],
]);

/**
 * Employer-name words that say what kind of organisation it is, not what one of its units does: they
 * outweigh the rest of the name ("University of Glasgow - Research Institute of Cancer Sciences" is a
 * university; "University of Bath - Accommodation & Hospitality Services" too). Multiplies the employer weight.
 */
export const ORGANISATION_TYPES: ReadonlyMap<string, number> = new Map([
  ['university', 1.8],
  ['college', 1.5],
  ['primary school', 1.5],
  ['secondary school', 1.5],
  ['academy trust', 1.5],
  ['nhs trust', 1.5],
  ['nhs foundation trust', 1.5],
  ['health board', 1.5],
  ['confederation', 1.5],
  ['membership organisation', 1.5],
  ['professional body', 1.5],
  ['chartered institute', 1.5],
  ['catapult', 1.5],
]);
