export { loadConfig, type LoadConfigOptions, type LoadedConfig } from './load-config.ts';
export { ConfigError, type ConfigIssue } from './config-error.ts';
export { serverSettings } from './server-settings.ts';
export { tlsFileSettings } from './tls-settings.ts';
export { setting, type ConfigOf, type ConfigSchema, type Setting } from './setting.ts';
export {
  appEnvs,
  hostSchema,
  logLevelSchema,
  millisecondsSchema,
  portSchema,
  type AppEnv,
} from './common-settings.ts';
