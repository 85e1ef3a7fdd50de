/** The `read-models` SubscriptionRunner of this process (started only with `runProjections`). */
export const READ_MODELS_RUNNER = Symbol('ReadModelsRunner');
