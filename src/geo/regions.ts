/**
 * UK regions (ITL1 / former Government Office Regions, plus the three other
 * nations) from what an advert names. Facts written from the Royal Mail
 * postcode area list and the ceremonial counties; a postcode area that
 * straddles a border is given its dominant region (approximate by design:
 * an operator-imported postcode table with a region column wins).
 */
export const REGIONS = [
  'North East', 'North West', 'Yorkshire and The Humber', 'East Midlands', 'West Midlands', 'East of England',
  'London', 'South East', 'South West', 'Wales', 'Scotland', 'Northern Ireland',
] as const;
export type Region = (typeof REGIONS)[number];

const NE = 'North East', NW = 'North West', YH = 'Yorkshire and The Humber', EM = 'East Midlands', WM = 'West Midlands',
  EE = 'East of England', LO = 'London', SE = 'South East', SW = 'South West', WA = 'Wales', SC = 'Scotland', NI = 'Northern Ireland';

export const POSTCODE_AREA_REGION: Record<string, Region> = {
  AB: SC, AL: EE, B: WM, BA: SW, BB: NW, BD: YH, BH: SW, BL: NW, BN: SE, BR: LO, BS: SW, BT: NI, CA: NW, CB: EE,
  CF: WA, CH: NW, CM: EE, CO: EE, CR: LO, CT: SE, CV: WM, CW: NW, DA: SE, DD: SC, DE: EM, DG: SC, DH: NE, DL: NE,
  DN: YH, DT: SW, DY: WM, E: LO, EC: LO, EH: SC, EN: EE, EX: SW, FK: SC, FY: NW, G: SC, GL: SW, GU: SE, HA: LO,
  HD: YH, HG: YH, HP: SE, HR: WM, HS: SC, HU: YH, HX: YH, IG: LO, IP: EE, IV: SC, KA: SC, KT: SE, KW: SC, KY: SC,
  L: NW, LA: NW, LD: WA, LE: EM, LL: WA, LN: EM, LS: YH, LU: EE, M: NW, ME: SE, MK: SE, ML: SC, N: LO, NE: NE,
  NG: EM, NN: EM, NP: WA, NR: EE, NW: LO, OL: NW, OX: SE, PA: SC, PE: EE, PH: SC, PL: SW, PO: SE, PR: NW, RG: SE,
  RH: SE, RM: LO, S: YH, SA: WA, SE: LO, SG: EE, SK: NW, SL: SE, SM: LO, SN: SW, SO: SE, SP: SW, SR: NE, SS: EE,
  ST: WM, SW: LO, SY: WM, TA: SW, TD: SC, TF: WM, TN: SE, TQ: SW, TR: SW, TS: NE, TW: LO, UB: LO, W: LO, WA: NW,
  WC: LO, WD: EE, WF: YH, WN: NW, WR: WM, WS: WM, WV: WM, YO: YH, ZE: SC,
};

/** Counties and nations named alone ("Surrey", "West Yorkshire", "Wales"): region only, no point. */
export const AREA_REGION: Record<string, Region> = {
  bedfordshire: EE, berkshire: SE, buckinghamshire: SE, cambridgeshire: EE, cheshire: NW, cornwall: SW, cumbria: NW,
  derbyshire: EM, devon: SW, dorset: SW, 'county durham': NE, 'co durham': NE, 'east sussex': SE, essex: EE,
  gloucestershire: SW, 'greater london': LO, 'greater manchester': NW, hampshire: SE, herefordshire: WM,
  hertfordshire: EE, 'isle of wight': SE, kent: SE, lancashire: NW, leicestershire: EM, lincolnshire: EM,
  merseyside: NW, norfolk: EE, 'north yorkshire': YH, northamptonshire: EM, northumberland: NE, nottinghamshire: EM,
  oxfordshire: SE, rutland: EM, shropshire: WM, somerset: SW, 'south yorkshire': YH, staffordshire: WM, suffolk: EE,
  surrey: SE, 'tyne and wear': NE, warwickshire: WM, 'west midlands': WM, 'west sussex': SE, 'west yorkshire': YH,
  wiltshire: SW, worcestershire: WM, 'east riding of yorkshire': YH, 'east yorkshire': YH, middlesex: LO,
  'east midlands': EM, 'north east': NE, 'north west': NW, 'south east': SE, 'south west': SW, 'east of england': EE,
  'east anglia': EE, 'yorkshire and the humber': YH, yorkshire: YH, 'home counties': SE, london: LO,
  wales: WA, cymru: WA, scotland: SC, 'northern ireland': NI, 'south wales': WA, 'north wales': WA, 'mid wales': WA,
  gwynedd: WA, powys: WA, ceredigion: WA, pembrokeshire: WA, carmarthenshire: WA, 'vale of glamorgan': WA,
  conwy: WA, denbighshire: WA, flintshire: WA, anglesey: WA, monmouthshire: WA, highlands: SC, highland: SC,
  fife: SC, 'aberdeenshire': SC, 'scottish borders': SC, lothian: SC, 'west lothian': SC, ayrshire: SC, lanarkshire: SC,
};

/**
 * Towns that anchor each English region: a town's region is its nearest
 * anchor's (coordinates come from the cities list, by name). Approximate at
 * borders; good enough to say "which region" for a search filter.
 */
export const REGION_ANCHORS: Record<string, string[]> = {
  [NE]: ['Newcastle upon Tyne', 'Sunderland', 'Middlesbrough', 'Durham', 'Darlington', 'Hexham', 'Hartlepool', 'Berwick-Upon-Tweed', 'Alnwick'],
  [NW]: ['Manchester', 'Liverpool', 'Preston', 'Lancaster', 'Carlisle', 'Chester', 'Blackpool', 'Bolton', 'Warrington', 'Kendal', 'Crewe', 'Macclesfield', 'Whitehaven', 'Barrow-in-Furness', 'Oldham'],
  [YH]: ['Leeds', 'Sheffield', 'Bradford', 'York', 'Kingston upon Hull', 'Doncaster', 'Scarborough', 'Harrogate', 'Huddersfield', 'Grimsby', 'Skipton', 'Rotherham', 'Wakefield', 'Halifax', 'Northallerton'],
  [EM]: ['Nottingham', 'Leicester', 'Derby', 'Lincoln', 'Northampton', 'Chesterfield', 'Boston', 'Kettering', 'Grantham', 'Buxton', 'Mansfield', 'Loughborough', 'Corby', 'Skegness', 'Oakham'],
  [WM]: ['Birmingham', 'Coventry', 'Wolverhampton', 'Stoke-on-Trent', 'Worcester', 'Hereford', 'Shrewsbury', 'Telford', 'Stafford', 'Warwick', 'Leek', 'Ludlow', 'Nuneaton', 'Kidderminster', 'Walsall'],
  [EE]: ['Norwich', 'Cambridge', 'Ipswich', 'Peterborough', 'Chelmsford', 'Colchester', 'Luton', 'Bedford', 'St Albans', 'Southend-on-Sea', "King's Lynn", 'Stevenage', 'Watford', 'Brentwood', 'Harlow', 'Hertford', 'Great Yarmouth', 'Huntingdon', 'Bury St Edmunds', 'Basildon'],
  [LO]: ['London', 'Croydon', 'Ilford', 'Harrow', 'Enfield Town', 'Romford', 'Wimbledon', 'Ealing', 'Bromley', 'Barnet', 'Hounslow', 'Kingston upon Thames', 'Lewisham', 'Walthamstow', 'Sutton', 'Bexley', 'Uxbridge'],
  [SE]: ['Brighton', 'Southampton', 'Portsmouth', 'Reading', 'Oxford', 'Milton Keynes', 'Maidstone', 'Canterbury', 'Guildford', 'Crawley', 'Aylesbury', 'Dover', 'Chichester', 'Basingstoke', 'Winchester', 'Slough', 'Dartford', 'Epsom', 'Woking', 'Sevenoaks', 'Redhill', 'Banbury', 'High Wycombe', 'Ashford', 'Hastings', 'Newbury', 'Tunbridge Wells', 'Gravesend'],
  [SW]: ['Bristol', 'Plymouth', 'Exeter', 'Bournemouth', 'Gloucester', 'Swindon', 'Bath', 'Taunton', 'Truro', 'Salisbury', 'Cheltenham', 'Dorchester', 'Barnstaple', 'Penzance', 'Yeovil', 'Poole', 'Weymouth', 'Chippenham', 'Torquay'],
};

/** The postcode area (letters of the outward code): "SW1A 1AA" → "SW", "B1" → "B". */
export function postcodeArea(postcode: string): string | null {
  const m = /^([A-Z]{1,2})\d/.exec(postcode.toUpperCase());
  return m ? m[1]! : null;
}

export function regionOfPostcode(postcode: string): Region | null {
  const area = postcodeArea(postcode);
  return area ? (POSTCODE_AREA_REGION[area] ?? null) : null;
}
