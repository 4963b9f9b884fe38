import { REQUIRED } from '../domain/errors.ts';
import { commonText } from './nl/common.ts';

/**
 * A field's message as the user reads it: "Vul de naam van de activiteit in" where the schema only says "Verplicht
 * veld". `collection` is the API's collection name (`activities`), `path` the field's path (`title`, `sections.0.title`).
 */
export function fieldMessage(collection: string, path: string, message: string): string {
  if (message !== REQUIRED) return message;
  return commonText.requiredFields[collection]?.[path.split('.')[0]] ?? message;
}
