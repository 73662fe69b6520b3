import { z } from 'zod';
import { DATE_WINDOWS } from './date-window.ts';

/**
 * The shape of a schema.org JobPosting body as the employer API accepts it:
 * the structural gate run before fromJobPosting() maps it, and the JobPosting
 * alternative of the request body in /openapi.json. Deliberately as broad as
 * the mapper: publishers send string numbers, arrays where one value is
 * expected and the reverse, and properties we do not read, so objects are
 * open (additionalProperties allowed). Field-level rules (a title, numeric
 * salary values, coordinates in range, dates in their window) are the
 * mapper's and name the JobPosting's own paths (`baseSalary.value.minValue`).
 * Every property may be null: published JSON-LD often says `"validThrough": null`.
 */

const Text = z.union([z.string(), z.number(), z.array(z.unknown()), z.looseObject({})]);
const OneOrMany = <T extends z.ZodType>(t: T) => z.union([t, z.array(t)]);
const Typed = (type: string, fields: z.core.$ZodLooseShape = {}) =>
  z.looseObject({ '@type': z.union([z.string(), z.array(z.string())]).nullish().describe(`"${type}"`), ...fields });

const JsonLdType = z.union([z.string(), z.array(z.string())]);
const JsonLdContext = z.union([z.string(), z.array(z.unknown()), z.looseObject({})]);
const NumberLike = z.union([z.number(), z.string()]);
const DateLike = z.union([z.string(), z.number()]);

const PostalAddress = Typed('PostalAddress', {
  streetAddress: Text.nullish(),
  addressLocality: Text.nullish(),
  addressRegion: Text.nullish(),
  postalCode: Text.nullish(),
  addressCountry: Text.nullish(),
});
const Place = Typed('Place', {
  address: z.union([z.string(), OneOrMany(PostalAddress)]).nullish(),
  geo: Typed('GeoCoordinates', { latitude: NumberLike.nullish(), longitude: NumberLike.nullish() }).nullish(),
});
const QuantitativeValue = Typed('QuantitativeValue', {
  value: NumberLike.nullish().describe('A number (or numeric string); other text is kept as salary text'),
  minValue: NumberLike.nullish(),
  maxValue: NumberLike.nullish(),
  unitText: z.string().nullish().describe('HOUR, DAY, WEEK, MONTH or YEAR'),
});
const MonetaryAmount = Typed('MonetaryAmount', {
  currency: z.string().nullish().describe('ISO 4217, e.g. GBP'),
  value: z.union([NumberLike, QuantitativeValue]).nullish(),
  minValue: NumberLike.nullish(),
  maxValue: NumberLike.nullish(),
  unitText: z.string().nullish(),
});
const Salary = z.union([NumberLike, OneOrMany(MonetaryAmount)]);
const PropertyValue = Typed('PropertyValue', { name: Text.nullish(), value: z.union([z.string(), z.number()]).nullish() });

export const JobPostingBodySchema = z
  .looseObject({
    '@context': JsonLdContext.nullish().describe('"https://schema.org"'),
    '@type': JsonLdType.describe('"JobPosting" (or a list containing it)'),
    title: Text.nullish().describe('Required (or `name`)'),
    name: Text.nullish(),
    description: Text.nullish().describe('HTML or plain text; HTML is sanitised'),
    identifier: z.union([z.string(), z.number(), OneOrMany(PropertyValue)]).nullish().describe('Your reference; without it `url` is used'),
    url: z.string().nullish().describe('The advert: an absolute http:// or https:// address'),
    datePosted: DateLike.nullish().describe(`ISO 8601 date; must be ${DATE_WINDOWS.datePosted.text}`),
    validThrough: DateLike.nullish().describe(`ISO 8601 date; must be ${DATE_WINDOWS.validThrough.text}; a past date stores the vacancy as closed`),
    employmentType: OneOrMany(z.string()).nullish().describe('FULL_TIME, PART_TIME, CONTRACTOR, TEMPORARY, INTERN, VOLUNTEER, PER_DIEM, OTHER or free text'),
    hiringOrganization: z.union([z.string(), OneOrMany(Typed('Organization', { name: Text.nullish(), legalName: Text.nullish() }))]).nullish(),
    jobLocation: z.union([z.string(), OneOrMany(Place)]).nullish(),
    jobLocationType: OneOrMany(z.string()).nullish().describe('"TELECOMMUTE" for remote work'),
    applicantLocationRequirements: z.unknown().nullish(),
    baseSalary: Salary.nullish(),
    estimatedSalary: Salary.nullish(),
    workHours: Text.nullish(),
    occupationalCategory: Text.nullish().describe('SOC 2020 or O*NET code, or a CategoryCode'),
    industry: Text.nullish().describe('A SIC 2007 section letter, or text'),
    skills: Text.nullish(),
    responsibilities: Text.nullish(),
    qualifications: Text.nullish(),
    educationRequirements: Text.nullish(),
    experienceRequirements: Text.nullish(),
    jobBenefits: Text.nullish(),
    applicationContact: OneOrMany(Typed('ContactPoint', { url: z.string().nullish(), email: z.string().nullish() })).nullish()
      .describe('`url` (http/https) or `email` becomes where to apply'),
    directApply: z.union([z.boolean(), z.string()]).nullish(),
  })
  .meta({ title: 'schema.org JobPosting' });

/** A JSON-LD document that wraps the posting: `{"@context": …, "@graph": [… a JobPosting …]}`. */
export const JsonLdGraphBodySchema = z
  .looseObject({
    '@context': JsonLdContext.nullish(),
    '@graph': z.array(z.unknown()).describe('JSON-LD nodes; the first JobPosting among them is used'),
  })
  .meta({ title: 'JSON-LD @graph document' });
