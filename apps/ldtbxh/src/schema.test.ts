import { describeAccessRules } from '@ecd/test-kit';

describeAccessRules('ldtbxh', new URL('./schema.graphql', import.meta.url));
