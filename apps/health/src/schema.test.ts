import { describeAccessRules } from '@ecd/test-kit';

describeAccessRules('health', new URL('./schema.graphql', import.meta.url));
