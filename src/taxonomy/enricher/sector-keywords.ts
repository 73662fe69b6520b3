/**
 * Words in an employer name, title or advert that point to a SIC 2007
 * section. Written by the project; deliberately short and UK-flavoured.
 * Phrases are matched as whole stemmed words (src/taxonomy/text.ts).
 */
export const SECTOR_KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  A: ['farm', 'farming', 'agriculture', 'agricultural', 'horticulture', 'forestry', 'fishery', 'dairy farm', 'livestock', 'arable', 'nursery growers', 'estate gardens'],
  B: ['mining', 'quarry', 'quarrying', 'oil and gas', 'offshore drilling', 'colliery'],
  C: ['manufacturing', 'manufacturer', 'factory', 'production line', 'food production', 'engineering works', 'fabrication', 'assembly line', 'foundry', 'bakery production', 'packing plant', 'brewery', 'print works', 'pharmaceutical manufacturing', 'automotive manufacturing', 'aerospace'],
  D: ['energy supplier', 'power station', 'electricity generation', 'national grid', 'renewable energy', 'wind farm', 'solar farm', 'gas distribution', 'energy company'],
  E: ['water company', 'waste management', 'recycling', 'sewerage', 'refuse collection', 'waste collection', 'water treatment', 'environmental services'],
  F: ['construction', 'building site', 'civil engineering', 'housebuilder', 'housebuilding', 'contractor', 'groundworks', 'scaffolding', 'roofing', 'plumbing and heating', 'electrical contractor', 'building services', 'demolition'],
  G: ['retail', 'retailer', 'shop', 'store', 'supermarket', 'wholesale', 'wholesaler', 'garage', 'car dealership', 'dealership', 'convenience store', 'department store', 'garden centre', 'ecommerce', 'e-commerce', 'pharmacy retail'],
  H: ['logistics', 'warehouse', 'warehousing', 'distribution centre', 'haulage', 'courier', 'parcel', 'delivery company', 'freight', 'transport company', 'bus company', 'railway', 'rail operator', 'airport', 'airline', 'port', 'royal mail', 'postal', 'fulfilment centre', 'supply chain'],
  I: ['hotel', 'restaurant', 'pub', 'bar', 'cafe', 'coffee shop', 'catering', 'caterer', 'hospitality', 'takeaway', 'fast food', 'holiday park', 'guest house', 'bed and breakfast', 'kitchen brigade'],
  J: ['software', 'software house', 'telecoms', 'telecommunications', 'broadband', 'it services', 'digital agency', 'publisher', 'publishing', 'broadcaster', 'broadcasting', 'media company', 'saas', 'tech company', 'web development', 'data centre'],
  K: ['bank', 'banking', 'building society', 'insurance', 'insurer', 'financial services', 'investment', 'asset management', 'wealth management', 'pension provider', 'mortgage', 'lender', 'credit union', 'fintech'],
  L: ['estate agent', 'estate agency', 'lettings', 'letting agent', 'property management', 'housing association', 'real estate', 'block management'],
  M: ['accountancy', 'accountants', 'law firm', 'solicitors', 'legal practice', 'consultancy', 'consulting', 'architects', 'architecture practice', 'engineering consultancy', 'research institute', 'laboratory', 'veterinary', 'vets', 'marketing agency', 'advertising agency', 'surveyors'],
  N: ['recruitment agency', 'cleaning services', 'cleaning company', 'contract cleaning', 'security services', 'security company', 'facilities management', 'call centre', 'contact centre', 'outsourcing', 'car hire', 'vehicle rental', 'travel agency', 'tour operator', 'landscaping', 'pest control', 'staffing'],
  O: ['council', 'borough council', 'county council', 'city council', 'local authority', 'government', 'civil service', 'ministry of defence', 'hmrc', 'department for work and pensions', 'dwp', 'police', 'fire and rescue', 'prison service', 'hm prison', 'armed forces', 'home office', 'public sector'],
  P: ['school', 'primary school', 'secondary school', 'academy', 'academy trust', 'college', 'sixth form', 'university', 'nursery school', 'pre-school', 'training provider', 'education', 'teaching', 'pupil', 'pupils', 'students'],
  Q: ['nhs', 'nhs trust', 'nhs foundation trust', 'hospital', 'care home', 'nursing home', 'residential care', 'domiciliary care', 'home care', 'care provider', 'healthcare', 'health care', 'clinic', 'gp surgery', 'medical practice', 'dental practice', 'hospice', 'social care', 'supported living', 'mental health', 'patients', 'patient', 'service users', 'ward', 'social services', 'children\'s services', 'charity care'],
  R: ['leisure centre', 'gym', 'fitness centre', 'theatre', 'museum', 'gallery', 'library', 'sports club', 'football club', 'casino', 'betting', 'bookmaker', 'theme park', 'zoo', 'cinema', 'arts centre', 'golf club', 'swimming pool'],
  S: ['hair salon', 'salon', 'barber', 'beauty salon', 'spa', 'dry cleaning', 'laundrette', 'funeral director', 'funeral services', 'trade union', 'membership organisation', 'church', 'religious organisation', 'repair shop', 'phone repair', 'computer repair'],
  T: ['private household', 'family home', 'nanny', 'au pair', 'housekeeper for a family', 'personal assistant to a family'],
  U: ['embassy', 'united nations', 'high commission', 'international organisation', 'nato'],
};
