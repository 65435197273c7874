import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'missing-agent-name',
    description: 'Reply not signed by a named person',
    category: 'ownership',
    severity: 'warn',
    fixable: false,
    principle: '3. A named person owns the case',
  },
  create() {
    return {};
  },
});
