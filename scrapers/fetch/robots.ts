import robotsParser from 'robots-parser';

export interface RobotsRules {
  isAllowed(url: string, ua: string): boolean | undefined;
  getCrawlDelay(ua: string): number | undefined;
}

/** Rules that allow everything: used when robots.txt is missing (4xx). */
export const ALLOW_ALL: RobotsRules = { isAllowed: () => true, getCrawlDelay: () => undefined };

/**
 * Rules when robots.txt could not be read (5xx, network): be conservative and
 * crawl nothing on that host this run, as Google does for a 5xx robots.txt.
 */
export const DISALLOW_ALL: RobotsRules = { isAllowed: () => false, getCrawlDelay: () => undefined };

export function parseRobots(robotsUrl: string, body: string): RobotsRules {
  // The package is CommonJS with ESM-style typings: under NodeNext its default
  // import is the module object's callable export, so the types need a nudge.
  return (robotsParser as unknown as (url: string, contents: string) => RobotsRules)(robotsUrl, body);
}

/** The product token robots.txt groups are matched against: "flightpath-bot/0.1 (+…)" → "flightpath-bot". */
export function robotsToken(userAgent: string): string {
  return userAgent.split(/[\s/]/)[0] ?? userAgent;
}
