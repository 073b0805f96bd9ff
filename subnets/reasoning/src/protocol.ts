/** The wire protocol: a batch of puzzle prompts out, one answer string per prompt back. */
import { defineSynapse, field } from '@taonet/sdk';

export const ReasoningChallenge = defineSynapse({
  name: 'ReasoningChallenge',
  request: { prompts: field.json() },
  response: { answers: field.list(field.str()).optional() },
});
