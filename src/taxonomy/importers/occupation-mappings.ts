/**
 * Cross-walks the importers use to place foreign occupations on our scales.
 * Written by the project from the published structures (ISCO-08 skill
 * levels: ILO, ISCO-08 vol. 1, table 1; SOC 2020 skill levels by major group:
 * ONS SOC 2020 vol. 1). Sector is a best guess of where most holders of an
 * occupation work, only where that is clear-cut; otherwise null.
 */

/** ISCO-08 major group → skill level (1–4). Major group 1 spans levels 3–4; we use 4. */
export function skillLevelFromIsco(isco: string | null | undefined): number | null {
  if (!isco) return null;
  const major = isco[0];
  switch (major) {
    case '1':
    case '2':
      return 4;
    case '3':
      return 3;
    case '4':
    case '5':
    case '6':
    case '7':
    case '8':
      return 2;
    case '9':
      return 1;
    case '0':
      // Armed forces: commissioned officers 4, NCOs 2, other ranks 1.
      return isco.startsWith('01') ? 4 : isco.startsWith('02') ? 2 : 1;
    default:
      return null;
  }
}

/** SOC 2020 major group → skill level (1–4). */
export function skillLevelFromSoc(soc: string): number | null {
  const levels: Record<string, number> = { '1': 4, '2': 4, '3': 3, '4': 2, '5': 3, '6': 2, '7': 2, '8': 2, '9': 1 };
  return levels[soc[0] ?? ''] ?? null;
}

// Longest matching prefix wins.
const ISCO_TO_SIC: Record<string, string> = {
  '1321': 'C', '1322': 'B', '1323': 'F', '1324': 'H', '1341': 'Q', '1342': 'Q', '1343': 'Q', '1344': 'Q', '1345': 'P',
  '1346': 'K', '141': 'I', '142': 'G', '1431': 'R',
  '211': 'M', '213': 'M', '2141': 'C', '2142': 'F', '2161': 'M', '2162': 'M', '2164': 'M', '2165': 'M',
  '22': 'Q', '23': 'P', '241': 'K', '25': 'J', '261': 'M', '2634': 'Q', '2635': 'Q', '2636': 'S', '264': 'J',
  '265': 'R',
  '3112': 'F', '3123': 'F', '313': 'D', '3151': 'H', '3152': 'H', '3153': 'H', '3154': 'H', '32': 'Q', '331': 'K',
  '3334': 'L', '3411': 'M', '3412': 'Q', '3413': 'S', '342': 'R', '343': 'R', '3434': 'I', '35': 'J',
  '4221': 'N', '4222': 'N', '4224': 'I',
  '511': 'H', '512': 'I', '513': 'I', '5141': 'S', '5142': 'S', '515': 'N', '516': 'S', '52': 'G', '53': 'Q',
  '531': 'Q', '5311': 'Q', '5312': 'P', '5411': 'O', '5412': 'O', '5413': 'O', '5414': 'N',
  '61': 'A', '62': 'A', '63': 'A',
  '71': 'F', '7115': 'F', '7126': 'F', '713': 'F', '72': 'C', '7231': 'G', '73': 'C', '74': 'C', '7411': 'F',
  '7412': 'C', '7413': 'D', '75': 'C', '7511': 'C', '7512': 'C', '8': 'C', '81': 'C', '811': 'B', '82': 'C', '83': 'H',
  '834': 'F', '8341': 'A',
  '911': 'N', '912': 'N', '92': 'A', '931': 'F', '9311': 'B', '932': 'C', '933': 'H', '941': 'I', '951': 'G', '952': 'G',
  '961': 'E', '962': 'N',
};

export function sectorFromIsco(isco: string | null | undefined): string | null {
  if (!isco) return null;
  for (let len = Math.min(isco.length, 4); len >= 1; len--) {
    const s = ISCO_TO_SIC[isco.slice(0, len)];
    if (s) return s;
  }
  return null;
}

// O*NET-SOC (US SOC 2018) major/minor group → SIC 2007 section, same spirit.
const ONET_TO_SIC: Record<string, string> = {
  '11-9111': 'Q', '11-9031': 'P', '11-9032': 'P', '11-9033': 'P', '11-9051': 'I', '11-9081': 'I', '11-9021': 'F',
  '11-3071': 'H', '11-3051': 'C', '11-9013': 'A',
  '13-2': 'K', '15': 'J', '17-1011': 'M', '17-1012': 'M', '19': 'M', '21': 'Q', '23': 'M', '25': 'P', '27-1': 'R',
  '27-2': 'R', '27-3': 'J', '27-4': 'J', '29': 'Q', '31': 'Q', '33-1012': 'O', '33-3': 'O', '33-2': 'O', '33-9032': 'N',
  '35': 'I', '37-2': 'N', '37-3': 'N', '39-5': 'S', '39-9011': 'Q', '39-9041': 'Q', '39-3': 'R', '39-7': 'N',
  '41-2': 'G', '41-1011': 'G', '41-3021': 'K', '41-9021': 'L', '41-9022': 'L', '43-3071': 'K', '43-4051': 'N',
  '43-5': 'H', '43-5031': 'O', '45': 'A', '47': 'F', '47-5': 'B', '49-3': 'G', '49-9021': 'F', '49-9051': 'D',
  '51': 'C', '51-8': 'D', '51-8031': 'E', '53': 'H', '53-7081': 'E', '55': 'O',
};

export function sectorFromOnet(code: string): string | null {
  for (let len = code.length; len >= 2; len--) {
    const s = ONET_TO_SIC[code.slice(0, len)];
    if (s) return s;
  }
  return null;
}
