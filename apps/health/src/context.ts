import type { DatabaseSubgraphContext } from '@ecd/database';

import type { DataLayer } from './data/index.js';

/**
 * A request's context: the caller, this request's data layer (`data`), what the person may do
 * (`access`: scope checks for writes and lookups, filters for reads) and the request's audit (`audit`).
 */
export type Context = DatabaseSubgraphContext<DataLayer>;
