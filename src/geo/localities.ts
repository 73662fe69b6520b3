/**
 * Named localities the bundled town list (GeoNames, places of 1,000+ people)
 * lacks or places wrongly, each given by the postcode districts it lies in:
 * London neighbourhoods that adverts name instead of "London", and a few
 * towns known mostly by a short or older name. Facts from Royal Mail
 * postcode district coverage; the point is the districts' mean centroid, so
 * the bundled outcode table is the only source of coordinates.
 */
export const LOCALITY_OUTCODES: Record<string, string[]> = {
  // Central London
  Mayfair: ['W1J', 'W1K'], Soho: ['W1D', 'W1F'], Marylebone: ['W1U', 'W1G', 'W1H'], Fitzrovia: ['W1T', 'W1W'],
  'Covent Garden': ['WC2E', 'WC2H'], Holborn: ['WC1V', 'WC2A'], Bloomsbury: ['WC1B', 'WC1E', 'WC1H'],
  Strand: ['WC2R', 'WC2N'], Aldwych: ['WC2B'], Shoreditch: ['EC2A'], Clerkenwell: ['EC1R', 'EC1V'], Farringdon: ['EC1M'],
  Barbican: ['EC2Y'], Moorgate: ['EC2M'], 'Liverpool Street': ['EC2M'], 'Fleet Street': ['EC4A'], Aldgate: ['EC3A'],
  Whitechapel: ['E1'], Spitalfields: ['E1'], Wapping: ['E1W'], Knightsbridge: ['SW1X', 'SW7'], Belgravia: ['SW1X'],
  Pimlico: ['SW1V'], 'St James': ['SW1Y'], 'St James\'s': ['SW1Y'], Victoria: ['SW1V', 'SW1E'], Paddington: ['W2'],
  Bayswater: ['W2'], 'Kings Cross': ['N1C', 'WC1X'], 'King\'s Cross': ['N1C', 'WC1X'], Euston: ['NW1'],
  'Old Street': ['EC1V'], 'Tower Hill': ['EC3N'], Southbank: ['SE1'], 'South Bank': ['SE1'], 'London Bridge': ['SE1'],
  Waterloo: ['SE1'], Borough: ['SE1'], 'Elephant and Castle': ['SE1', 'SE17'], Docklands: ['E14', 'E16'],
  'Isle of Dogs': ['E14'], Poplar: ['E14'], 'Canada Water': ['SE16'], 'Nine Elms': ['SW8'],
  // Inner and outer London
  Chingford: ['E4'], Walthamstow: ['E17'], Leyton: ['E10'], Leytonstone: ['E11'], Stratford: ['E15', 'E20'],
  'Canning Town': ['E16'], 'Bethnal Green': ['E2'], Bow: ['E3'], 'Mile End': ['E3'], Clapton: ['E5'], 'East Ham': ['E6'],
  'Forest Gate': ['E7'], Dalston: ['E8'], Homerton: ['E9'], 'Hackney Wick': ['E9'], Plaistow: ['E13'], 'West Ham': ['E15'],
  'South Woodford': ['E18'], Woodford: ['E18', 'IG8'], 'Stoke Newington': ['N16'], Highbury: ['N5'], Holloway: ['N7'],
  'Finsbury Park': ['N4'], Tottenham: ['N15', 'N17'], 'Wood Green': ['N22'], Edmonton: ['N9', 'N18'], Hornsey: ['N8'],
  'Crouch End': ['N8'], Highgate: ['N6'], 'Muswell Hill': ['N10'], 'Palmers Green': ['N13'], Southgate: ['N14'],
  Finchley: ['N3', 'N12'], 'Kentish Town': ['NW5'], Hampstead: ['NW3'], Kilburn: ['NW6'], Willesden: ['NW10'],
  'St Johns Wood': ['NW8'], 'Swiss Cottage': ['NW3'], Hendon: ['NW4'], Colindale: ['NW9'], 'Golders Green': ['NW11'],
  'Park Royal': ['NW10'], Clapham: ['SW4'], Battersea: ['SW11'], Balham: ['SW12'], Tooting: ['SW17'], Putney: ['SW15'],
  Fulham: ['SW6'], Chelsea: ['SW3', 'SW10'], 'South Kensington': ['SW7'], Kensington: ['W8'], Vauxhall: ['SW8'],
  Stockwell: ['SW9'], Streatham: ['SW16'], Wandsworth: ['SW18'], Earlsfield: ['SW18'], Wimbledon: ['SW19'],
  Bermondsey: ['SE16'], Peckham: ['SE15'], Camberwell: ['SE5'], Deptford: ['SE8'], 'New Cross': ['SE14'],
  Greenwich: ['SE10'], 'North Greenwich': ['SE10'], Woolwich: ['SE18'], Lewisham: ['SE13'], Catford: ['SE6'],
  Eltham: ['SE9'], 'Forest Hill': ['SE23'], Sydenham: ['SE26'], Dulwich: ['SE21', 'SE22'], 'Herne Hill': ['SE24'],
  Thamesmead: ['SE28'], Hammersmith: ['W6'], 'Shepherds Bush': ['W12'], 'Notting Hill': ['W11'], 'White City': ['W12'],
  Chiswick: ['W4'], Acton: ['W3'], 'Maida Vale': ['W9'], 'Ladbroke Grove': ['W10'], Hanwell: ['W7'],
  'Canary Wharf': ['E14'], 'Royal Docks': ['E16'], 'Stratford City': ['E20'], 'Queen Elizabeth Olympic Park': ['E20'],
  // Towns better known by a short or older name than the GeoNames one
  'St Leonards on Sea': ['TN37', 'TN38'],
};

/** Short names that usually mean one locality on UK job boards ("St Leonards" → St Leonards-on-Sea). */
export const LOCALITY_ALIASES: Record<string, string> = {
  'st leonards': 'st leonards on sea',
  'tunbridge wells': 'royal tunbridge wells',
  'the city': 'city of london',
  // County abbreviations boards use ("Hemel Hempstead, Herts").
  beds: 'bedfordshire', berks: 'berkshire', bucks: 'buckinghamshire', cambs: 'cambridgeshire', derbys: 'derbyshire',
  glos: 'gloucestershire', hants: 'hampshire', herts: 'hertfordshire', lancs: 'lancashire', leics: 'leicestershire',
  lincs: 'lincolnshire', northants: 'northamptonshire', notts: 'nottinghamshire', oxon: 'oxfordshire',
  staffs: 'staffordshire', warks: 'warwickshire', wilts: 'wiltshire', worcs: 'worcestershire', 'w yorks': 'west yorkshire',
  'w sussex': 'west sussex', 'e sussex': 'east sussex', 'co durham': 'county durham', 'greater london': 'london',
  'square mile': 'city of london',
};
