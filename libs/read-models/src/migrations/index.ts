import { ReadModelsSchema1735776000000 } from './1735776000000-read-models-schema';

export { ReadModelsSchema1735776000000 };

/** The read tables' migrations, in order. */
export const readModelMigrations = [ReadModelsSchema1735776000000];
