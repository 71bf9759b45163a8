import type { DatabaseSubgraphContext } from '@ecd/database';

import type { DataLayer } from './data/index.js';

/**
 * A request's context: the data layer (`data`), what the person may do (`access`: scope checks for writes
 * and lookups, filters for reads) and this request's audit (`audit`: lookups by personal number and the
 * notes the audit log's rows are made of).
 */
export type Context = DatabaseSubgraphContext<DataLayer>;
