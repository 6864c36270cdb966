/**
 * Seeding through the REST API, as a real client would (no SQL): the client, the reference
 * case, and the matching and follow-up steps a browser test does not click itself.
 */
export { ApiClient, ApiError, type SignedInUser } from './api-client';
export { BROWSER_PASSWORD, seedReferenceCase, type Person, type ReferenceCase, type ReferenceCaseOptions } from './reference-case.seed';
export * from './matching.steps';
