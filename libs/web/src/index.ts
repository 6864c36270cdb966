export { WebModule, WEB_CONTROLLERS } from './web.module';
export { configureWebUi } from './setup/configure-web-ui';
export { PageAwareExceptionFilter, isPagePath, notFoundPage, requestPath } from './errors/page-exception.filter';
export { webRoot } from './setup/web-root';
