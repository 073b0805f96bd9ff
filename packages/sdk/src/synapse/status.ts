/**
 * The status codes an axon answers and a dendrite records, with Bittensor's meanings. Callers read
 * `synapse.dendrite.statusCode` (also for failures that never reached the axon).
 */
import { SdkError } from '../errors.js';

/** Status codes of the axon/dendrite protocol. */
export const Status = {
  /** The handler answered. */
  Success: 200,
  /** Headers that do not parse (Python `SynapseParsingError`). */
  BadRequest: 400,
  /** Missing or bad signature, stale or replayed nonce, body hash mismatch, or a bad response signature. */
  Unauthorized: 401,
  /** Blacklisted caller (unregistered, no validator permit, too little stake, or a custom rule). */
  Forbidden: 403,
  /** No such synapse on this axon. */
  NotFound: 404,
  /** Not a POST. */
  MethodNotAllowed: 405,
  /** The synapse timeout passed (at the axon while queued or handling, or at the dendrite). */
  Timeout: 408,
  /** Request body over the axon's limit. */
  PayloadTooLarge: 413,
  /** A body that is not JSON or does not match the protocol (either direction). */
  Unprocessable: 422,
  /** Too many requests from this hotkey (or failed verifications from this address). */
  TooManyRequests: 429,
  /** The handler threw. */
  InternalError: 500,
  /** Request bodies in flight over the axon's byte budget (in total or for the caller's address): retry shortly. */
  InsufficientStorage: 507,
  /** Overloaded (queue full, evicted by a higher-stake caller), shutting down, or unreachable. */
  Unavailable: 503,
} as const;

/** The standard message of each status the pipeline produces on its own. */
export const STATUS_MESSAGES: Readonly<Record<number, string>> = {
  200: 'Success',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  413: 'Payload Too Large',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
  507: 'Insufficient Storage',
};

/**
 * Thrown by an axon handler (or hook) to answer with a chosen status and message, like Python's
 * `SynapseException` or setting `synapse.axon.status_code`.
 */
export class SynapseError extends SdkError {
  /** The HTTP status to answer with. */
  readonly status: number;

  constructor(status: number, message: string, hint?: string) {
    super('SynapseError', message, hint);
    this.status = status;
  }
}
