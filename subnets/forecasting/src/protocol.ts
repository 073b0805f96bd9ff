/**
 * The wire protocol: a validator sends the price history up to its origin step and asks for
 * `path_count` sample paths over the next `horizon` steps; the miner answers with the paths.
 */
import { defineSynapse, field } from '@taonet/sdk';

export const ForecastRequest = defineSynapse({
  name: 'ForecastRequest',
  request: {
    history: field.list(field.float()),
    horizon: field.int(),
    path_count: field.int(),
    origin_step: field.int(),
  },
  response: { paths: field.list(field.list(field.float())).optional() },
  hashFields: ['origin_step', 'horizon', 'path_count'],
});
