import type { DatabaseSubgraphContext } from '@ecd/database';

import type { DataLayer } from './data/index.js';

/**
 * A request's context: the caller, the data layer (built for this request), what the person may do
 * (`access`: scope checks for writes, filters for reads) and the request's audit.
 */
export type Context = DatabaseSubgraphContext<DataLayer>;
