import { describeAccessRules } from '@ecd/test-kit';

describeAccessRules('education', new URL('./schema.graphql', import.meta.url));
