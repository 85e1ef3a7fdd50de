import { Injectable } from '@nestjs/common';
import { Logger } from 'nestjs-pino';
import { FRAMEWORK_START_UP_CONTEXTS } from './log-format';

/** nestjs-pino's logger, with Nest's start-up inventory (modules loaded, routes mapped) at `debug`. */
@Injectable()
export class FangquanLogger extends Logger {
  override log(message: unknown, ...optionalParams: unknown[]): void {
    const context = optionalParams[optionalParams.length - 1];
    if (typeof context === 'string' && FRAMEWORK_START_UP_CONTEXTS.has(context)) super.debug(message, ...optionalParams);
    else super.log(message, ...optionalParams);
  }
}
