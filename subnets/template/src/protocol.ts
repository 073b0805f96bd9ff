/** The protocol: validators send a number, miners send back twice that number. */
import { defineSynapse, field } from '@taonet/sdk';

export const Double = defineSynapse({
  name: 'Double',
  request: { value: field.int() },
  response: { doubled: field.int().optional() },
  hashFields: ['value'],
});
