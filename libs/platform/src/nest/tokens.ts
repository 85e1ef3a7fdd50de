/** Injection tokens of the platform's providers. */
export const APP_CONFIG = Symbol('AppConfig');
export const REDIS_URL = Symbol('RedisUrl');
