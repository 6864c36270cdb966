/** The one shape of every error Klausul's API returns. */
export interface ErrorResponse {
  statusCode: number;
  code: string;
  message: string;
  details?: Record<string, unknown>;
}
