import { isOpenPath } from './authentication.guard';

describe('isOpenPath', () => {
  it.each(['/health', '/health/ready', '/api/docs', '/api/docs/', '/api/docs-json', '/api/docs/swagger-ui.css'])(
    'lets %s through without credentials',
    (path) => expect(isOpenPath(path)).toBe(true),
  );

  it.each(['/api/v1/users', '/api/v1/health', '/healthz', '/api/documents', '/'])('guards %s', (path) => {
    expect(isOpenPath(path)).toBe(false);
  });
});
