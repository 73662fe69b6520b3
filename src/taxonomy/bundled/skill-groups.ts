import type { BundledSkillGroup } from './types.ts';

/**
 * The bundled skill hierarchy, two levels deep. Groups are by working domain,
 * not by skill type: matching gives partial credit within a group, so a
 * licence sits beside the skills it licenses (HGV class C with driving), never
 * in a "licences" bucket with unrelated ones.
 */
const TREE: Record<string, readonly [label: string, children: Record<string, string>]> = {
  core: ['Core transferable skills', {
    communication: 'Communication',
    'teamwork-leadership': 'Teamwork, supervision and leadership',
    'self-management': 'Self-management and work habits',
    'problem-solving': 'Problem solving and planning',
    'numeracy-literacy': 'Numeracy, literacy and language',
    'workplace-safety': 'Workplace health and safety',
  }],
  digital: ['Digital and IT', {
    'office-software': 'Office software and everyday digital skills',
    'it-support': 'IT support and infrastructure',
    'data-analysis': 'Data and reporting',
    'software-web': 'Software, web and cyber security',
  }],
  'customer-sales': ['Customer service and sales', {
    'customer-service': 'Customer service',
    'contact-centre': 'Contact centre and telephony',
    sales: 'Sales and marketing',
    'travel-passenger': 'Travel and passenger services',
  }],
  retail: ['Retail', {
    'tills-cash': 'Tills, payments and cash',
    'stock-merchandising': 'Stock, shop floor and merchandising',
  }],
  hospitality: ['Hospitality and catering', {
    cookery: 'Cookery and food preparation',
    'food-service': 'Food service and front of house',
    'bar-beverage': 'Bar, coffee and beverages',
    'food-safety': 'Food safety and hygiene',
  }],
  care: ['Social care and support', {
    'personal-care': 'Personal care and daily living support',
    'clinical-support': 'Clinical and health support tasks',
    'safeguarding-wellbeing': 'Safeguarding, rights and care standards',
    'care-qualifications': 'Care qualifications and checks',
    'social-support': 'Welfare, housing and community support',
  }],
  health: ['Health professions', {
    'nursing-clinical': 'Nursing and clinical practice',
    'first-aid': 'First aid and life support',
  }],
  'education-childcare': ['Education and childcare', {
    'teaching-support': 'Teaching and classroom support',
    'early-years': 'Early years and childcare',
  }],
  logistics: ['Logistics, transport and warehousing', {
    driving: 'Driving and delivery',
    'driving-licences': 'Driving licences and driver qualifications',
    'warehouse-ops': 'Warehouse operations',
    'lifting-equipment': 'Forklifts and lifting equipment',
    'transport-planning': 'Transport planning and supply chain',
  }],
  construction: ['Construction and building', {
    'building-trades': 'Building trades',
    'building-services': 'Electrical, plumbing and heating',
    'groundworks-civils': 'Groundworks, civils and highways',
    'site-safety-cards': 'Site safety cards and tickets',
    'access-plant': 'Access equipment, scaffolding and plant',
  }],
  'manufacturing-engineering': ['Manufacturing and engineering', {
    production: 'Production and machine operation',
    quality: 'Quality and inspection',
    'engineering-maintenance': 'Engineering and vehicle maintenance',
    fabrication: 'Welding and fabrication',
  }],
  'business-admin': ['Business, administration and finance', {
    'office-admin': 'Office administration',
    'finance-admin': 'Finance and bookkeeping',
    'hr-people': 'Human resources',
    'legal-compliance': 'Law, regulation and compliance',
  }],
  'cleaning-facilities': ['Cleaning, facilities and environment', {
    cleaning: 'Cleaning and housekeeping',
    'facilities-maintenance': 'Facilities and premises',
    'waste-environment': 'Waste, recycling and water',
  }],
  'security-enforcement': ['Security and public protection', {
    'security-ops': 'Security operations',
    'security-licences': 'Security licences',
    'public-protection': 'Policing, custody and emergency services',
  }],
  green: ['Green economy', {
    renewables: 'Renewable energy and low-carbon heat',
    'energy-efficiency': 'Energy efficiency and sustainability',
  }],
  'land-animals': ['Land, plants and animals', {
    'agriculture-horticulture': 'Agriculture, horticulture and forestry',
    'animal-care': 'Animal care',
  }],
  'personal-services': ['Personal services, sport and leisure', {
    'hair-beauty': 'Hair and beauty',
    'sport-fitness': 'Sport, fitness and leisure',
  }],
};

export const BUNDLED_SKILL_GROUPS: readonly BundledSkillGroup[] = Object.entries(TREE).flatMap(
  ([parent, [label, children]]) => [
    { id: `fpg:${parent}`, label, parent: null },
    ...Object.entries(children).map(([child, childLabel]) => ({
      id: `fpg:${child}`,
      label: childLabel,
      parent: `fpg:${parent}`,
    })),
  ],
);
