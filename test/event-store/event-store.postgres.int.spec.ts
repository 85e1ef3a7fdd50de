import { describeEventStoreConformance } from './conformance.suite';
import { postgresBackend } from './postgres.backend';

describeEventStoreConformance(postgresBackend());
