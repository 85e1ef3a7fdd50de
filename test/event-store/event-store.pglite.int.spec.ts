import { describeEventStoreConformance } from './conformance.suite';
import { pgliteBackend } from './pglite.backend';

describeEventStoreConformance(pgliteBackend());
