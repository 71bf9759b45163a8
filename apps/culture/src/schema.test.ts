import { describeAccessRules } from '@ecd/test-kit';

describeAccessRules('culture', new URL('./schema.graphql', import.meta.url));
