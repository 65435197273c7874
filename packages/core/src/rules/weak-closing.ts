import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'weak-closing',
    description: 'Reply ends on an apology, a refusal or regret instead of the resolution',
    category: 'structure',
    severity: 'warn',
    fixable: false,
    principle: '5. End on a good note',
  },
  create() {
    return {};
  },
});
