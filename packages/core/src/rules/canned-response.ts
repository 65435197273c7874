import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'canned-response',
    description: 'Boilerplate that answers nothing',
    category: 'substance',
    severity: 'warn',
    fixable: false,
    principle: '2. Answer the question; no canned non-answers',
  },
  create() {
    return {};
  },
});
