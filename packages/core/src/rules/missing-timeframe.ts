import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'missing-timeframe',
    description: 'A promise of future action with no concrete time',
    category: 'commitment',
    severity: 'warn',
    fixable: false,
    principle: '4. Say when, and keep your word',
  },
  create() {
    return {};
  },
});
