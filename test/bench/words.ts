// Vocabulary for generated charters. Scope templates, components and aspects use disjoint words, so
// two generated scopes never reach the `scope-overlap` similarity threshold by accident.
export const FIRST_NAMES = [
  'ana', 'ben', 'chloe', 'dev', 'elif', 'farah', 'goran', 'hana', 'ivan', 'jon', 'kemi', 'luca', 'maya', 'nils', 'omar',
  'priya', 'quinn', 'rosa', 'sami', 'tariq', 'uma', 'vera', 'wei', 'xena', 'yusuf', 'zoe', 'aisha', 'bruno', 'carla',
  'diego', 'emma', 'felix', 'greta', 'hugo', 'iris', 'jonas', 'kai', 'lena', 'marco', 'nora', 'oscar', 'paula', 'raj',
  'sofia', 'theo', 'ursula', 'viktor', 'wanda', 'yara', 'zeno', 'amir', 'bea', 'cyrus', 'dana', 'emil', 'fiona', 'gus',
];
export const LAST_NAMES = [
  'silva', 'okafor', 'martin', 'patel', 'yilmaz', 'haddad', 'petrov', 'sato', 'novak', 'berg', 'adeyemi', 'rossi',
  'cohen', 'larsen', 'farouk', 'iyer', 'walsh', 'moreno', 'kaya', 'aziz', 'nair', 'vogel', 'zhang', 'costa', 'demir',
  'weber', 'bello', 'conti', 'kim', 'lopez', 'meyer', 'nguyen', 'olsen', 'park', 'quist', 'reyes', 'schmidt', 'tanaka',
  'ueda', 'varga', 'wong', 'young', 'zamora', 'abbott', 'baker', 'chen', 'dubois', 'eriksen', 'fischer', 'garcia',
];

/** Role catalogue: [id, title, responsibilities]. `lead` is held by exactly one member. */
export const ROLES: ReadonlyArray<readonly [string, string, readonly string[]]> = [
  ['lead', 'Engineering lead', ['Agrees priorities with product', 'Runs the all-hands check-in']],
  ['tech-lead', 'Squad tech lead', ['Runs the squad sync', 'Owns the squad roadmap']],
  ['engineer', 'Software engineer', ['Builds and runs what the squad owns']],
  ['senior-engineer', 'Senior software engineer', ['Mentors new engineers']],
  ['pm', 'Product manager', ['Owns the product roadmap']],
  ['designer', 'Product designer', ['Designs and tests the flows with customers']],
  ['sre', 'Site reliability engineer', ['Runs the on-call rotation', 'Owns the error budget']],
  ['data-scientist', 'Data scientist', ['Owns the experiment analyses']],
  ['qa-engineer', 'Quality engineer', ['Owns the test plans']],
  ['engineering-manager', 'Engineering manager', ['Hiring and growth of the team']],
];

/** Stakeholders: [id, name, kind]. */
export const STAKEHOLDERS: ReadonlyArray<readonly [string, string, 'person' | 'team' | 'group']> = [
  ['ciso', 'Chief information security officer', 'person'],
  ['finance', 'Finance team', 'team'],
  ['legal', 'Legal and compliance', 'group'],
  ['platform', 'Platform group', 'team'],
  ['support', 'Customer support', 'team'],
  ['sales', 'Sales leadership', 'group'],
  ['dpo', 'Data protection officer', 'person'],
  ['cto', 'Chief technology officer', 'person'],
  ['architecture-board', 'Architecture review board', 'group'],
  ['marketing', 'Marketing team', 'team'],
  ['procurement', 'Procurement office', 'team'],
  ['partner-success', 'Partner success managers', 'group'],
];

export const SQUADS = [
  'payments', 'identity', 'search', 'checkout', 'billing', 'ledger', 'onboarding', 'catalog', 'pricing', 'fraud',
  'messaging', 'mobile', 'analytics', 'reporting', 'shipping', 'inventory', 'reviews', 'loyalty', 'partners', 'storage',
];

/** Scope templates: `{c}` a component word, `{a}` an aspect phrase. Fixed words differ per template. */
export const SCOPE_TEMPLATES = [
  'Which {a} the {c} service uses',
  'How {c} handles {a}',
  'When {a} changes ship in {c}',
  'Who gets access to {c} {a}',
  'Budget spent on {c} {a}',
  'Rollout order of {a} across {c}',
  'Deprecating old {c} {a}',
  'Vendor choice behind {c} {a}',
  'Testing strategy covering {c} {a}',
  'Alerting thresholds guarding {c} {a}',
];
export const COMPONENTS = [
  'payouts', 'invoices', 'refunds', 'sessions', 'passkeys', 'tokens', 'indexer', 'ranking', 'cart', 'wallet', 'ledgers',
  'statements', 'signup', 'catalogue', 'quotes', 'discounts', 'chargebacks', 'notifications', 'inbox', 'android', 'ios',
  'dashboards', 'exports', 'labels', 'carriers', 'stock', 'warehouses', 'ratings', 'rewards', 'vouchers', 'webhooks',
  'buckets', 'backups', 'gateway', 'scheduler', 'queue', 'cache', 'profiles', 'addresses', 'receipts', 'subscriptions',
  'trials', 'coupons', 'taxes', 'currencies', 'settlements', 'disputes', 'onramp', 'kyc', 'sanctions', 'audits',
  'permissions', 'sso', 'directory', 'billboard', 'feeds', 'thumbnails', 'uploads', 'transcoder', 'geocoder',
];
export const ASPECTS = [
  'database schema', 'retry policy', 'rate limits', 'api versioning', 'data retention', 'encryption keys', 'feature flags',
  'error budget', 'release train', 'logging format', 'metrics naming', 'load shedding', 'capacity planning', 'sla terms',
  'entitlement reviews', 'dependency upgrades', 'migration plan', 'pagination style', 'timeout values', 'queue sizing',
  'cost allocation', 'failover design', 'canary analysis', 'schema registry', 'contract tests', 'backfill jobs',
  'cache invalidation', 'idempotency keys', 'audit trail', 'incident reviews', 'localisation', 'accessibility fixes',
  'pricing experiments', 'consent banners', 'token lifetimes', 'batch windows', 'sharding layout', 'runbooks',
  'on-call rotation', 'storage tiering',
];

export const MILESTONE_TITLES = [
  'General availability of {c}', 'Beta of {c} for pilot customers', '{c} migrated to the new platform',
  '{c} available in three new markets', 'Self-service {c} for partners', '{c} latency halved', '{c} cost down by a fifth',
];
export const DONE_CRITERIA = [
  '{c} serves 100% of traffic with an error rate below 0.5% for 14 days.',
  'p95 latency of {c} stays under 300 ms for 30 days in a row.',
  'At least 20 pilot customers use {c} every week.',
  'Support tickets about {c} fall by 40% from the 2026 average.',
  'Zero sev-1 incidents caused by {c} during the 60-day rollout.',
  '{c} runs in 3 regions with failover tested twice.',
  'Every {c} call is covered by contract tests in CI.',
];
export const VAGUE_DONE = ['The {c} integration is stable and polished.', '{c} feels fast.', 'The {c} rollout is a success.', 'Good enough for launch.'];
export const RISK_TEXTS = [
  'The {c} vendor changes its pricing without notice.', 'A schema change in {c} corrupts historic data.',
  'Key people on {c} leave during the migration.', 'Traffic to {c} doubles before capacity is added.',
  'A regulator rejects how {c} stores personal data.', 'The {c} rollout collides with the holiday freeze.',
];
export const MITIGATIONS = [
  'A second vendor is contracted and tested every quarter.', 'Backups are restored into staging every week.',
  'Two people can operate every part of {c}.', 'Load tests at three times peak run before each release.',
  'Legal reviews the data flows of {c} twice a year.', 'The rollout pauses automatically when error rates rise.',
];
export const CHECKIN_PURPOSES: Record<string, string> = {
  sync: 'Progress against milestones, blocked decisions, risks.',
  pairing: 'Pair on real tickets while the newcomer learns the codebase.',
  standup: 'Unblock each other on the work in flight.',
  demo: 'Show stakeholders what shipped and agree what comes next.',
  retro: 'Look back on the month and change one way of working.',
  review: 'Sign off a milestone before the rollout widens.',
};
export const CHECKIN_FORMATS = ['30-minute call', '15-minute call', 'written update in the squad channel', 'in person, 45 minutes', 'shared doc, async'];
export const BAD_CADENCES = ['fortnightly', 'weekley', 'every 2 week', 'bi-weekly', 'monthy', 'every other week'];
export const PLACEHOLDER_MITIGATIONS = ['TBD after the next incident review.', 'TODO: agree a fallback with the vendor.'];
