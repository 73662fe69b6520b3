/**
 * The classifier's last resort for a title no known title matches: the known
 * title sharing the most rare words with it, by idf-weighted Jaccard
 * similarity times a per-title factor (the classifier's scheme preference).
 *
 * Laid out in typed arrays (postings, each title's word ids, idf sums and
 * factors): with ESCO loaded there are ~40,000 known titles, and reaching
 * each candidate through objects cost ~130 ns of cache misses, most of the
 * classifier's time on real adverts.
 */
export interface OverlapTitle {
  /** Distinct stems of the title. */
  stems: readonly string[];
  /** Multiplies the similarity (≤ 1, so the bound used by best() holds). */
  factor: number;
}

export interface OverlapMatch {
  /** Index of the title in the list given to the index. */
  title: number;
  score: number;
}

/** Words in more titles than this say too little to count at all. */
const MAX_POSTINGS = 2000;

export class TitleOverlapIndex {
  private readonly wordIds = new Map<string, number>();
  private readonly idfs: Float64Array;
  private readonly unknownIdf: number;
  private readonly postingStart: Int32Array;
  private readonly postings: Int32Array;
  private readonly titleStart: Int32Array;
  private readonly titleWords: Int32Array;
  private readonly idfSums: Float64Array;
  private readonly factors: Float64Array;
  // Reused per query: shared idf per title (0: not reached) and the titles reached.
  private readonly acc: Float64Array;
  private touched = new Int32Array(1024);

  constructor(titles: readonly OverlapTitle[]) {
    const counts: number[] = [];
    let totalWords = 0;
    for (const t of titles) {
      for (const s of t.stems) {
        let id = this.wordIds.get(s);
        if (id === undefined) this.wordIds.set(s, (id = counts.push(0) - 1));
        counts[id]!++;
      }
      totalWords += t.stems.length;
    }
    const n = titles.length;
    this.idfs = Float64Array.from(counts, (c) => Math.log((n + 1) / (c + 1)) + 0.1);
    this.unknownIdf = Math.log(n + 1) + 0.1;
    this.postingStart = new Int32Array(counts.length + 1);
    for (let w = 0; w < counts.length; w++) this.postingStart[w + 1] = this.postingStart[w]! + counts[w]!;
    this.postings = new Int32Array(totalWords);
    const fill = this.postingStart.slice(0, counts.length);
    this.titleStart = new Int32Array(n + 1);
    this.titleWords = new Int32Array(totalWords);
    this.idfSums = new Float64Array(n);
    this.factors = new Float64Array(n);
    let k = 0;
    for (let d = 0; d < n; d++) {
      const t = titles[d]!;
      let sum = 0;
      for (const s of t.stems) {
        const w = this.wordIds.get(s)!;
        this.postings[fill[w]!++] = d;
        this.titleWords[k++] = w;
        sum += this.idfs[w]!;
      }
      this.titleStart[d + 1] = k;
      this.idfSums[d] = sum;
      this.factors[d] = t.factor;
    }
    this.acc = new Float64Array(n);
  }

  /** The idf of a stem (rarer words weigh more; an unknown word weighs most). */
  idf(stem: string): number {
    const w = this.wordIds.get(stem);
    return w === undefined ? this.unknownIdf : this.idfs[w]!;
  }

  /** The best title for these distinct stems, when its score reaches `minScore`. Ties go to the earlier title. */
  best(stems: readonly string[], minScore: number): OverlapMatch | null {
    let qSum = 0;
    const usable: number[] = [];
    for (const s of stems) {
      qSum += this.idf(s);
      const w = this.wordIds.get(s);
      if (w !== undefined && this.postingStart[w + 1]! - this.postingStart[w]! <= MAX_POSTINGS) usable.push(w);
    }
    if (usable.length === 0) return null;
    // score ≤ similarity ≤ shared idf / qSum, so a title reaching minScore shares at least one of the
    // rarer words that hold the rest of qSum: walk only their postings (common words have the long
    // lists), then add the common words the titles reached have.
    const idfs = this.idfs;
    usable.sort((a, b) => idfs[a]! - idfs[b]!);
    let common = 0;
    let commonSum = 0;
    while (common < usable.length && commonSum + idfs[usable[common]!]! < minScore * qSum) commonSum += idfs[usable[common++]!]!;
    const acc = this.acc;
    let reached = 0;
    for (let k = common; k < usable.length; k++) {
      const w = usable[k]!;
      const weight = idfs[w]!;
      for (let p = this.postingStart[w]!, end = this.postingStart[w + 1]!; p < end; p++) {
        const d = this.postings[p]!;
        if (acc[d] === 0) {
          if (reached === this.touched.length) {
            const grown = new Int32Array(reached * 2);
            grown.set(this.touched);
            this.touched = grown;
          }
          this.touched[reached++] = d;
        }
        acc[d] = acc[d]! + weight;
      }
    }
    const touched = this.touched;
    let best = -1;
    let bestScore = 0;
    for (let i = 0; i < reached; i++) {
      const d = touched[i]!;
      let shared = acc[d]!;
      acc[d] = 0;
      for (let k = 0; k < common; k++) {
        const w = usable[k]!;
        for (let p = this.titleStart[d]!, end = this.titleStart[d + 1]!; p < end; p++) {
          if (this.titleWords[p] === w) {
            shared += idfs[w]!;
            break;
          }
        }
      }
      const score = (shared / (qSum + this.idfSums[d]! - shared)) * this.factors[d]!;
      if (score > bestScore || (score === bestScore && d < best)) {
        bestScore = score;
        best = d;
      }
    }
    return best >= 0 && bestScore >= minScore ? { title: best, score: bestScore } : null;
  }
}
